#!/usr/bin/python3
"""Keep-alive scrape client for the benchmark driver (bench/run.py).

Runs as a child process so that the driver can place it in a network
namespace (`ip netns exec NS bench/client.py`) beside exporters started there.
Reads one JSON command per line on stdin and answers one JSON line:

    {"port": 9100, "n": 100, "gzip": true}
 -> {"lat": [seconds, ...], "bytes": N, "samples": N, "status": 200}

One HTTP/1.1 connection per port is kept open across commands (keep-alive),
as Prometheus does. Only 127.0.0.1 is ever contacted.
"""
import gzip
import http.client
import json
import sys
import time

conns = {}


def connection(port):
    c = conns.get(port)
    if c is None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conns[port] = c
    return c


def scrape(port, use_gzip, path="/metrics"):
    headers = {"Accept-Encoding": "gzip"} if use_gzip else {"Accept-Encoding": "identity"}
    for attempt in range(2):
        c = connection(port)
        try:
            c.request("GET", path, headers=headers)
            r = c.getresponse()
            body = r.read()
            return r.status, r.getheader("Content-Encoding") or "", body
        except (http.client.HTTPException, OSError):
            c.close()
            conns.pop(port, None)
            if attempt == 1:
                raise
    raise RuntimeError("unreachable")


def samples_in(text):
    return sum(1 for line in text.splitlines() if line and not line.startswith(b"#"))


def run(cmd):
    port, n, use_gzip = int(cmd["port"]), int(cmd["n"]), bool(cmd.get("gzip"))
    lat = []
    status, enc, body = 0, "", b""
    for _ in range(max(1, n)):
        t0 = time.perf_counter()
        status, enc, body = scrape(port, use_gzip)
        lat.append(time.perf_counter() - t0)
    plain = gzip.decompress(body) if enc == "gzip" else body
    return {"lat": lat, "bytes": len(body), "plain_bytes": len(plain), "samples": samples_in(plain),
            "status": status, "encoding": enc}


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            out = run(json.loads(line))
        except Exception as e:  # reported to the driver, which stops the run
            out = {"error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
