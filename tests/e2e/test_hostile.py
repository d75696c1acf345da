"""Idle, slow and oversized clients must not stop normal scrapes, and must not
grow the exporter's threads, file descriptors or memory without bound."""
import os
import socket
import time

from conftest import Exporter, fixture_flags, parse_series

ONLY_LOADAVG = ["--collector.disable-defaults", "--collector.loadavg"]


def threads_of(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return -1


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def timed_scrape(e):
    t0 = time.monotonic()
    status, _, body = e.get()
    return status, time.monotonic() - t0, body


def test_idle_and_slow_header_clients_do_not_block_scrapes():
    with Exporter(ONLY_LOADAVG + fixture_flags("basic")) as e:
        socks = []
        try:
            base_threads = threads_of(e.proc.pid)
            # 200 idle connections that never send a byte.
            for _ in range(200):
                socks.append(socket.create_connection(("127.0.0.1", e.port), timeout=5))
            # 50 slow-header clients: a request line and half a header, then nothing.
            for _ in range(50):
                s = socket.create_connection(("127.0.0.1", e.port), timeout=5)
                s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                socks.append(s)
            time.sleep(0.3)
            for _ in range(5):
                status, took, body = timed_scrape(e)
                assert status == 200
                assert took < 1.0, took
                assert b"node_load1 0.21" in body
            # None of those connections holds a thread.
            assert threads_of(e.proc.pid) <= base_threads + 8, (base_threads, threads_of(e.proc.pid))
            fds = len(os.listdir(f"/proc/{e.proc.pid}/fd"))
            assert 250 <= fds < 300, fds
        finally:
            for s in socks:
                s.close()


def test_connection_cap_sheds_idle_connections_first():
    with Exporter(ONLY_LOADAVG + fixture_flags("basic") + ["--web.max-connections=50"]) as e:
        socks = []
        try:
            for _ in range(120):
                socks.append(socket.create_connection(("127.0.0.1", e.port), timeout=5))
            time.sleep(0.3)
            status, took, _ = timed_scrape(e)
            assert status == 200 and took < 1.0
            fds = len(os.listdir(f"/proc/{e.proc.pid}/fd"))
            assert fds < 50 + 30, fds
        finally:
            for s in socks:
                s.close()


def raw(e, data, read_timeout=5):
    s = socket.create_connection(("127.0.0.1", e.port), timeout=read_timeout)
    try:
        s.sendall(data)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def test_oversized_requests_get_4xx():
    with Exporter(ONLY_LOADAVG + fixture_flags("basic")) as e:
        long_url = b"GET /metrics?" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        assert raw(e, long_url).split(b"\r\n")[0] in (b"HTTP/1.1 414 URI Too Long",)
        huge_headers = b"GET /metrics HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"b" * 40000 + b"\r\n\r\n"
        assert raw(e, huge_headers).split(b"\r\n")[0].split(b" ")[1] in (b"431", b"400")
        garbage = b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n"
        first = raw(e, garbage).split(b"\r\n")[0]
        assert first.startswith(b"HTTP/1.1 400"), first
        # and it still serves
        assert e.get()[0] == 200


def test_slow_header_client_is_timed_out():
    with Exporter(ONLY_LOADAVG + fixture_flags("basic") + ["--web.read-header-timeout=1s"]) as e:
        s = socket.create_connection(("127.0.0.1", e.port), timeout=10)
        try:
            s.sendall(b"GET /metrics HTTP/1.1\r\n")
            t0 = time.monotonic()
            data = s.recv(1024)
            assert time.monotonic() - t0 < 5
            assert data.startswith(b"HTTP/1.1 408")
        finally:
            s.close()


def test_many_parallel_scrapers_memory_bounded():
    import concurrent.futures
    with Exporter(ONLY_LOADAVG + fixture_flags("basic")) as e:
        e.get()
        before = rss_kb(e.proc.pid)
        with concurrent.futures.ThreadPoolExecutor(32) as ex:
            codes = list(ex.map(lambda _: e.get()[0], range(400)))
        assert set(codes) <= {200, 503}
        assert codes.count(200) >= 300
        after = rss_kb(e.proc.pid)
        # AddressSanitizer keeps freed memory in quarantine and per-thread caches.
        bound = 80000 if "ASAN_OPTIONS" in os.environ else 20000
        assert after - before < bound, (before, after)


def test_pipelined_requests_on_one_connection():
    with Exporter(ONLY_LOADAVG + fixture_flags("basic")) as e:
        req = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
        out = raw(e, req * 3 + b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert out.count(b"HTTP/1.1 200 OK") == 4
        assert b"node_load1 0.21" in out


def read_response(s):
    """One HTTP/1.1 response with a Content-Length body from socket `s`."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        assert chunk, "connection closed before a response head"
        buf += chunk
    head, body = buf.split(b"\r\n\r\n", 1)
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    while len(body) < length:
        chunk = s.recv(65536)
        assert chunk, "connection closed inside a response body"
        body += chunk
    assert len(body) == length, "bytes after the response that nobody asked for"
    return head, body


def test_keep_alive_connection_between_requests():
    # Between requests a keep-alive connection is the reactor's again: the next
    # request must be served whether it comes at once, after a pause, or in
    # pieces, and the connection must be closed once idle for --web.idle-timeout.
    with Exporter(ONLY_LOADAVG + fixture_flags("basic") + ["--web.idle-timeout=1s"]) as e:
        s = socket.create_connection(("127.0.0.1", e.port), timeout=5)
        try:
            req = b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
            for i in range(60):
                if i % 20 == 7:
                    time.sleep(0.3)  # longer than the reactor takes to look again
                if i % 10 == 3:
                    s.sendall(req[:20])  # half a request line, then the rest
                    time.sleep(0.05)
                    s.sendall(req[20:])
                else:
                    s.sendall(req)
                head, body = read_response(s)
                assert head.startswith(b"HTTP/1.1 200 OK"), head
                assert b"node_load1 0.21" in body
                # The header states what the reactor does: --web.idle-timeout, and
                # the requests a connection may carry (not httplib's 5 s and 5).
                assert b"\r\nKeep-Alive: timeout=1, max=10000\r\n" in head, head
            t0 = time.monotonic()
            assert s.recv(1) == b""  # closed by the server, idle
            took = time.monotonic() - t0
            assert 0.7 < took < 3.0, took
        finally:
            s.close()
