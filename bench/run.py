#!/usr/bin/python3
"""host_exporter against node_exporter, side by side on this host (`make bench`).

Starts host_exporter and Debian's prometheus-node-exporter on 127.0.0.1 with
the same collectors (those both enable by default) and flags, scrapes each over
keep-alive in alternating blocks so machine drift hits both alike, and reports
for both and as ratios: CPU per scrape (utime+stime deltas of /proc/PID/stat),
p50/p99 latency, VmRSS/VmHWM, bytes and samples per scrape, and wrk throughput
with 1, 4 and 16 concurrent scrapers; the raw-read floor (the files one
host_exporter scrape opens, recorded with strace, read by a C++ loop); scaling
cases on generated fixture trees (CPUs, block devices, mounts) and a live
network namespace with veth interfaces. Writes results.md, results.json and
scaling.png (gnuplot) to --out, and with --update-readme the README section.

Everything binds 127.0.0.1; every process, tree and namespace it creates is
removed on exit. Root is needed for the network namespace case only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_fixtures  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")
HE, NE = "host_exporter", "node_exporter"


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_split(pid):
    """(utime, stime) of the whole process (all threads, live and exited), in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / CLK_TCK, int(fields[12]) / CLK_TCK


def memory_kb(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])
    return out


def percentile(values, p):
    v = sorted(values)
    if not v:
        return 0.0
    k = (len(v) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


class Exporter:
    """One exporter process on 127.0.0.1:port, optionally inside a netns."""

    def __init__(self, name, binary, args, workdir, netns=None, port_arg=False):
        self.name = name
        self.port = free_port()
        # port_arg: the program takes its port as the first argument (bench/serve_floor.cpp)
        listen = str(self.port) if port_arg else "--web.listen-address=127.0.0.1:%d" % self.port
        cmd = [binary, listen] + list(args)
        if netns:
            cmd = ["ip", "netns", "exec", netns] + cmd
        self.log_path = os.path.join(workdir, "%s-%d.log" % (name, self.port))
        self.log_file = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, stdout=self.log_file, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid  # `ip netns exec` execs the command: same pid

    def wait_ready(self, client, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s; log %s:\n%s" % (
                    self.name, self.proc.returncode, self.log_path, open(self.log_path).read()[-2000:]))
            r = client.call({"port": self.port, "n": 1})
            if "error" not in r and r.get("status") == 200:
                return r
            time.sleep(0.1)
        raise RuntimeError("%s did not answer within %ss" % (self.name, timeout))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()


class Client:
    """bench/client.py as a child process (inside `netns` if given)."""

    def __init__(self, netns=None):
        cmd = [sys.executable, os.path.join(HERE, "client.py")]
        if netns:
            cmd = ["ip", "netns", "exec", netns] + cmd
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def call(self, cmd):
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("scrape client exited")
        return json.loads(line)

    def scrape(self, port, n, use_gzip):
        r = self.call({"port": port, "n": n, "gzip": use_gzip})
        if "error" in r:
            raise RuntimeError("scrape of 127.0.0.1:%d failed: %s" % (port, r["error"]))
        if r["status"] != 200:
            raise RuntimeError("scrape of 127.0.0.1:%d: HTTP %s" % (port, r["status"]))
        return r

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def measure(client, exporters, blocks, per_block, use_gzip):
    """Alternating blocks (A B, B A, ...): CPU per scrape and latency quantiles per exporter."""
    acc = {e.name: {"cpu": 0.0, "user": 0.0, "n": 0, "lat": [], "bytes": 0, "plain_bytes": 0, "samples": 0}
           for e in exporters}
    for b in range(blocks):
        order = exporters if b % 2 == 0 else list(reversed(exporters))
        for e in order:
            n = per_block[e.name] if isinstance(per_block, dict) else per_block
            u0, s0 = cpu_split(e.pid)
            r = client.scrape(e.port, n, use_gzip)
            u1, s1 = cpu_split(e.pid)
            a = acc[e.name]
            a["cpu"] += (u1 - u0) + (s1 - s0)
            a["user"] += u1 - u0
            a["n"] += n
            a["lat"] += r["lat"]
            a["bytes"], a["plain_bytes"], a["samples"] = r["bytes"], r["plain_bytes"], r["samples"]
    out = {}
    for name, a in acc.items():
        out[name] = {
            "cpu_ms": 1000.0 * a["cpu"] / a["n"],
            "user_ms": 1000.0 * a["user"] / a["n"],  # the rest of cpu_ms is kernel time
            "scrapes": a["n"],
            "p50_ms": 1000.0 * percentile(a["lat"], 50),
            "p99_ms": 1000.0 * percentile(a["lat"], 99),
            "bytes": a["bytes"],
            "plain_bytes": a["plain_bytes"],
            "samples": a["samples"],
        }
    return out


def calibrate(client, exporters, use_gzip, seconds):
    """Scrapes per block so that each block lasts about `seconds` for each exporter."""
    per = {}
    for e in exporters:
        r = client.scrape(e.port, 5, use_gzip)
        lat = max(statistics.median(r["lat"]), 1e-4)
        per[e.name] = max(5, min(400, int(seconds / lat)))
    return per


def wrk(port, conns, seconds, use_gzip):
    cmd = ["wrk", "-t%d" % min(conns, 2), "-c%d" % conns, "-d%ds" % seconds, "--timeout", "10s"]
    if use_gzip:
        cmd += ["-H", "Accept-Encoding: gzip"]
    cmd.append("http://127.0.0.1:%d/metrics" % port)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": float(m.group(1)) if m else 0.0, "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "requests": int(total.group(1)) if total else 0, "errors": errors.group(0) if errors else ""}


def shared_responses(port):
    """host_exporter_http_shared_responses_total: responses that overlapping identical requests shared."""
    body = subprocess.run(["curl", "-sg", "--max-time", "30", "http://127.0.0.1:%d/metrics?collect[]=loadavg" % port],
                          capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"^host_exporter_http_shared_responses_total (\S+)$", body, re.M)
    return float(m.group(1)) if m else 0.0


def discover_collectors(binary, name, workdir, client):
    """The collectors an exporter enables by default (its node_scrape_collector_success labels)."""
    e = Exporter(name, binary, [], workdir)
    try:
        e.wait_ready(client)
        port = e.port
        body = subprocess.run(["curl", "-s", "--max-time", "30", "http://127.0.0.1:%d/metrics" % port],
                              capture_output=True, text=True, timeout=60).stdout
    finally:
        e.stop()
    return sorted(set(re.findall(r'^node_scrape_collector_success\{collector="([^"]+)"\}', body, re.M)))


def record_fileset(he, client, workdir):
    """Files and directories one host_exporter scrape opens successfully, via strace -y: ("f", path) for
    files (read to EOF), ("d", path) for O_DIRECTORY opens (listed), ("p", path) for O_PATH opens (opened
    only; a trailing "/" stands for O_DIRECTORY). Opens relative to a directory fd are resolved against
    the path strace decodes for that fd (the kernel's, so /sys/devices/... rather than /sys/class/...)."""
    trace = os.path.join(workdir, "strace.txt")
    st = subprocess.Popen(["strace", "-f", "-qq", "-y", "-s", "4096", "-e", "trace=openat,openat2", "-o", trace,
                           "-p", str(he.pid)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)  # attach to every thread
        client.scrape(he.port, 1, False)
        time.sleep(0.3)
    finally:
        st.send_signal(signal.SIGINT)
        st.wait(timeout=10)
    own_proc = re.compile(r"^/proc/%d(?=/|$)" % he.pid)

    def entry(dirfd, base, path, flags):
        if not path.startswith("/"):
            if dirfd == "AT_FDCWD" or not base:
                return None  # relative to the working directory, or an undecoded fd
            # /proc/PID/... of the exporter is the reader's /proc/self/...
            path = own_proc.sub("/proc/self", base).rstrip("/") + "/" + path
        if "O_PATH" in flags:
            return ("p", path + "/" if "O_DIRECTORY" in flags else path)
        return ("d" if "O_DIRECTORY" in flags else "f", path)

    pending = {}
    entries = []
    # 6697  openat(9</sys/devices/virtual/net/lo>, "speed", O_RDONLY|O_CLOEXEC) = 8</sys/devices/virtual/net/lo/speed>
    call = re.compile(r'^(\d+)\s+openat2?\((AT_FDCWD|-?\d+)(?:<(.*?)>)?, "((?:[^"\\]|\\.)*)", ([^,)]*)')
    # = 8</path>, = -1 ENOENT (No such file or directory)
    result = re.compile(r"\)\s+=\s+(-?\d+)(?:<.*>)?(?:\s+E\w+\s+\(.*\))?\s*$")
    with open(trace) as f:
        for line in f:
            m = call.match(line)
            if m:
                pid, dirfd, base, path, flags = m.groups()
                e = entry(dirfd, base, path, flags)
                if "<unfinished" in line:
                    pending[pid] = e
                    continue
                res = result.search(line)
                if e and res and int(res.group(1)) >= 0:
                    entries.append(e)
                continue
            m = re.match(r"^(\d+)\s+<\.\.\. openat2? resumed>", line)
            if m and m.group(1) in pending:
                e = pending.pop(m.group(1))
                res = result.search(line)
                if e and res and int(res.group(1)) >= 0:
                    entries.append(e)
    return entries


def read_floor(entries, workdir, passes):
    exe = os.path.join(workdir, "read_floor")
    if not os.path.exists(exe):
        subprocess.run(["g++", "-O2", "-std=c++20", "-o", exe, os.path.join(HERE, "read_floor.cpp")], check=True)
    fileset = os.path.join(workdir, "fileset.txt")
    with open(fileset, "w") as f:
        for kind, path in entries:
            f.write("%s %s\n" % (kind, path))
    out = subprocess.run([exe, fileset, str(passes)], capture_output=True, text=True, check=True).stdout
    r = json.loads(out)
    r["cpu_ms"] = r["cpu_ns"] / 1e6
    r["wall_ms"] = r["wall_ns"] / 1e6
    return r


def build_httplib_program(workdir, name):
    """Compiles bench/NAME.cpp against Debian's cpp-httplib (its pkg-config flags) into workdir."""
    exe = os.path.join(workdir, name)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "cpp-httplib"], capture_output=True, text=True,
                           check=True).stdout.split()
    subprocess.run(["g++", "-O2", "-std=c++20", "-pthread", "-o", exe, os.path.join(HERE, name + ".cpp")] + flags,
                   check=True)
    return exe


def memory_floor(workdir):
    """Resident memory of a process that only constructs a cpp-httplib server
    (bench/memory_floor.cpp): what any exporter on this HTTP stack pays."""
    exe = build_httplib_program(workdir, "memory_floor")
    return json.loads(subprocess.run([exe], capture_output=True, text=True, check=True).stdout)


def serving_floor(args, client, he, workdir, result):
    """The serving floor, measured beside host_exporter in alternating blocks: CPU per request and,
    after the same wrk runs, peak memory of a cpp-httplib server that answers each request with a
    canned copy of one host_exporter scrape (bench/serve_floor.cpp) and does nothing else."""
    exe = build_httplib_program(workdir, "serve_floor")
    body = os.path.join(workdir, "scrape-body.txt")
    subprocess.run(["curl", "-sf", "--max-time", "30", "-o", body, "http://127.0.0.1:%d/metrics" % he.port],
                   check=True, timeout=60)
    sf = Exporter("serve_floor", exe, [body], workdir, port_arg=True)
    out = {"body_bytes": os.path.getsize(body)}
    try:
        sf.wait_ready(client)
        client.scrape(sf.port, 10 if args.quick else 30, True)  # warm up
        for mode, use_gzip in (("plain", False), ("gzip", True)):
            per = calibrate(client, [he, sf], use_gzip, 0.15 if args.quick else 0.6)
            r = measure(client, [he, sf], max(2, args.blocks // 2), per, use_gzip)
            out[mode] = {"cpu_ms": r[sf.name]["cpu_ms"], "user_ms": r[sf.name]["user_ms"],
                         "he_cpu_ms": r[HE]["cpu_ms"], "he_user_ms": r[HE]["user_ms"]}
            log("serving floor, %s: %.3f ms CPU per request (host_exporter %.3f ms in the same blocks)" % (
                mode, out[mode]["cpu_ms"], out[mode]["he_cpu_ms"]))
        for use_gzip in (False, True):
            for conns in args.concurrency:
                wrk(sf.port, conns, args.wrk_seconds, use_gzip)
        out["memory_kb"] = memory_kb(sf.pid)
        log("serving floor: peak %d kB resident after wrk" % out["memory_kb"]["VmHWM"])
    finally:
        sf.stop()
    result["serving_floor"] = out


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    ne_version = subprocess.run(["prometheus-node-exporter", "--version"], capture_output=True, text=True)
    ne_version = (ne_version.stdout + ne_version.stderr).splitlines()[0] if ne_version.returncode == 0 else "?"
    return {"cpu_model": model, "cores": os.cpu_count(), "kernel": platform.release(),
            "memory_gib": round(mem_kb / 1048576, 1), "load_at_start": os.getloadavg()[0],
            "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "node_exporter": ne_version}


# ---------------------------------------------------------------- main comparison

def main_comparison(args, workdir, common, result):
    flags = ["--collector.disable-defaults"] + ["--collector.%s" % c for c in common]
    client = Client()
    he = Exporter(HE, args.host_exporter, flags, workdir)
    ne = Exporter(NE, args.node_exporter, flags, workdir)
    exporters = [he, ne]
    try:
        for e in exporters:
            e.wait_ready(client)
            client.scrape(e.port, 10 if args.quick else 30, True)  # warm up
        result["flags"] = flags
        for mode, use_gzip in (("plain", False), ("gzip", True)):
            per = calibrate(client, exporters, use_gzip, 0.15 if args.quick else 0.6)
            log("%s: %d blocks of %s scrapes" % (mode, args.blocks, per))
            result[mode] = measure(client, exporters, args.blocks, per, use_gzip)
        result["throughput"] = {}
        for mode, use_gzip in (("plain", False), ("gzip", True)):
            for conns in args.concurrency:
                runs = {HE: [], NE: []}
                shared = 0.0
                for rnd in range(args.wrk_rounds):
                    order = exporters if rnd % 2 == 0 else list(reversed(exporters))
                    for e in order:
                        before = shared_responses(e.port) if e is he else 0.0
                        runs[e.name].append(wrk(e.port, conns, args.wrk_seconds, use_gzip))
                        if e is he:
                            shared += shared_responses(e.port) - before
                key = "%s_c%d" % (mode, conns)
                result["throughput"][key] = {
                    name: {"rps": statistics.mean(r["rps"] for r in rs),
                           "non2xx": sum(r["non2xx"] for r in rs)} for name, rs in runs.items()}
                answered = sum(r["requests"] for r in runs[HE])
                result["throughput"][key][HE]["shared"] = shared / answered if answered else 0.0
                log("wrk %s c=%d: %s" % (mode, conns, {k: round(v["rps"]) for k, v in
                                                       result["throughput"]["%s_c%d" % (mode, conns)].items()}))
        result["memory_kb"] = {e.name: memory_kb(e.pid) for e in exporters}
        entries = record_fileset(he, client, workdir)
        floor = read_floor(entries, workdir, 50 if args.quick else 300)  # counts files, dirs and paths too
        result["floor"] = floor
        result["memory_floor"] = memory_floor(workdir)
        serving_floor(args, client, he, workdir, result)
        log("memory floor (empty cpp-httplib server): %d kB resident" % result["memory_floor"]["rss_kb"])
        with open(os.path.join(args.out, "fileset.txt"), "w") as f:
            f.write("# opened by one host_exporter scrape (strace -f -y -e trace=openat,openat2, relative opens "
                    "resolved against their directory fd): f read, d listed, p opened with O_PATH "
                    "(trailing / for O_DIRECTORY)\n")
            for kind, path in entries:
                f.write("%s %s\n" % (kind, path))
        log("floor: %d files, %d dirs, %d O_PATH opens, %.3f ms CPU" % (floor["files"], floor["dirs"],
                                                                        floor["paths"], floor["cpu_ms"]))
    finally:
        for e in exporters:
            e.stop()
        client.close()


# ---------------------------------------------------------------- scaling

SCALING = {
    # case: (collectors, full sizes, quick sizes)
    "cpus": (["cpu", "cpufreq", "schedstat", "softnet", "stat"], [2, 16, 64, 256, 1024], [2, 16]),
    "disks": (["diskstats"], [10, 64, 256, 1024, 4096], [10, 64]),
    "mounts": (["filesystem"], [10, 100, 500, 1000, 2500, 5000], [10, 100]),
    "interfaces": (None, [10, 100, 250, 500, 1000], [10, 50]),  # None: the common default set
}


def scale_point(args, workdir, flags, netns, blocks, seconds):
    client = Client(netns)
    exporters = [Exporter(HE, args.host_exporter, flags, workdir, netns),
                 Exporter(NE, args.node_exporter, flags, workdir, netns)]
    try:
        for e in exporters:
            e.wait_ready(client)
            client.scrape(e.port, 3, False)
        per = calibrate(client, exporters, False, seconds)
        return measure(client, exporters, blocks, per, False)
    finally:
        for e in exporters:
            e.stop()
        client.close()


def scaling(args, workdir, common, result):
    result["scaling"] = {}
    for case in args.cases:
        collectors, full, quick = SCALING[case]
        sizes = quick if args.quick else full
        points = []
        if case == "interfaces":
            if os.geteuid() != 0 or shutil.which("ip") is None:
                log("interfaces: skipped (needs root and iproute2)")
                continue
            ns = "he-bench-%d" % os.getpid()
            made = subprocess.run(["ip", "netns", "add", ns], capture_output=True, text=True)
            if made.returncode != 0:
                log("interfaces: skipped (ip netns add: %s)" % made.stderr.strip())
                continue
            try:
                subprocess.run(["ip", "-n", ns, "link", "set", "lo", "up"], check=True)
                have = 0
                flags = ["--collector.disable-defaults"] + ["--collector.%s" % c for c in common]
                for n in sizes:
                    cmds = []
                    while have + 2 <= n:  # veth pairs: two interfaces each
                        k = have // 2
                        cmds.append("link add hb%da type veth peer name hb%db" % (k, k))
                        have += 2
                    if cmds:
                        subprocess.run(["ip", "-n", ns, "-batch", "-"], input="\n".join(cmds) + "\n",
                                       text=True, check=True)
                    log("interfaces: %d veth in netns %s" % (have, ns))
                    r = scale_point(args, workdir, flags, ns, args.scale_blocks, args.scale_seconds)
                    points.append({"n": have, **r})
                    log_point(case, have, r)
            finally:
                subprocess.run(["ip", "netns", "del", ns], check=False)
        else:
            flags = ["--collector.disable-defaults"] + ["--collector.%s" % c for c in collectors]
            for n in sizes:
                tree = os.path.join(workdir, "%s-%d" % (case, n))
                gen_fixtures.GENERATORS[case](tree, n)
                tflags = flags + ["--path.procfs=%s/proc" % tree, "--path.sysfs=%s/sys" % tree,
                                  "--path.rootfs=%s/rootfs" % tree, "--path.udev.data=%s/udev/data" % tree]
                log("%s: %d" % (case, n))
                try:
                    r = scale_point(args, workdir, tflags, None, args.scale_blocks, args.scale_seconds)
                finally:
                    shutil.rmtree(tree, ignore_errors=True)
                points.append({"n": n, **r})
                log_point(case, n, r)
        result["scaling"][case] = {"collectors": collectors or common, "points": points,
                                   "growth": growth(points)}


def log_point(case, n, r):
    log("  %s %d: CPU ms per scrape %s %.3f, %s %.3f; samples %d / %d" % (
        case, n, HE, r[HE]["cpu_ms"], NE, r[NE]["cpu_ms"], r[HE]["samples"], r[NE]["samples"]))


def growth(points):
    """Per exporter: marginal CPU per unit (us) between consecutive sizes, the fitted slope,
    and the last step's marginal cost over the one before (about 1 when linear, ~4+ when quadratic)."""
    out = {}
    for name in (HE, NE):
        xs = [p["n"] for p in points]
        ys = [p[name]["cpu_ms"] * 1000 for p in points]
        marg = [(ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]) for i in range(1, len(xs))]
        if len(xs) >= 2:
            mx, my = statistics.mean(xs), statistics.mean(ys)
            sxx = sum((x - mx) ** 2 for x in xs)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
        else:
            slope = 0.0
        last_ratio = marg[-1] / marg[-2] if len(marg) >= 2 and marg[-2] > 0 else None
        out[name] = {"marginal_us": marg, "slope_us": slope, "last_step_ratio": last_ratio}
    return out


# ---------------------------------------------------------------- report

def ratio(a, b):
    return a / b if b else float("nan")


def fmt(v, digits=2):
    if v is None:
        return "-"
    if isinstance(v, float):
        if v != v:
            return "-"
        return ("%%.%df" % digits) % v
    return str(v)


def targets(result):
    t = []
    g = result.get("gzip")
    p = result.get("plain")
    if g:
        t.append(("CPU per scrape (gzip, as Prometheus asks) <= 0.5x node_exporter",
                  ratio(g[HE]["cpu_ms"], g[NE]["cpu_ms"]), "<=", 0.5))
        t.append(("p99 latency (gzip) <= 0.5x node_exporter", ratio(g[HE]["p99_ms"], g[NE]["p99_ms"]), "<=", 0.5))
    if p:
        t.append(("CPU per scrape (plain) <= 0.5x node_exporter", ratio(p[HE]["cpu_ms"], p[NE]["cpu_ms"]), "<=", 0.5))
    m = result.get("memory_kb")
    if m:
        t.append(("peak resident memory (VmHWM) <= 0.25x node_exporter",
                  ratio(m[HE]["VmHWM"], m[NE]["VmHWM"]), "<=", 0.25))
    th = result.get("throughput", {})
    for mode in ("plain", "gzip"):
        k = "%s_c4" % mode
        if k in th:
            t.append(("throughput, 4 scrapers (%s) >= 2x node_exporter" % mode,
                      ratio(th[k][HE]["rps"], th[k][NE]["rps"]), ">=", 2.0))
    f = result.get("floor")
    if f and p:
        t.append(("CPU per scrape (plain) <= 1.25x raw-read floor", ratio(p[HE]["cpu_ms"], f["cpu_ms"]), "<=", 1.25))
    sc = result.get("scaling", {})
    ifs = sc.get("interfaces", {}).get("points", [])
    big = [q for q in ifs if q["n"] >= 1000]
    if big:
        q = big[-1]
        t.append(("%d interfaces: CPU per scrape <= 0.2x node_exporter" % q["n"],
                  ratio(q[HE]["cpu_ms"], q[NE]["cpu_ms"]), "<=", 0.2))
    for case, c in sc.items():
        r = c["growth"][HE]["last_step_ratio"]
        if r is not None:
            t.append(("%s: linear (last step's cost per unit / previous step's) <= 2" % case, r, "<=", 2.0))
    out = []
    for name, v, op, lim in t:
        ok = (v <= lim) if op == "<=" else (v >= lim)
        out.append({"target": name, "value": v, "limit": lim, "op": op, "met": bool(ok) and v == v})
    return out


def markdown(result):
    mc = result["machine"]
    L = []
    L.append("Measured %s on %s, %d cores, %.0f GiB, Linux %s (load average %.1f at start); %s. "
             "Collectors: the %d that both enable by default (%s)." % (
                 mc["date"], mc["cpu_model"], mc["cores"], mc["memory_gib"], mc["kernel"], mc["load_at_start"],
                 mc["node_exporter"], len(result.get("common", [])), ", ".join(result.get("common", []))))
    L.append("")
    if "plain" in result:
        L.append("| per scrape | host_exporter | node_exporter | ratio |")
        L.append("|---|---:|---:|---:|")
        for mode in ("plain", "gzip"):
            r = result[mode]
            for key, label in (("cpu_ms", "CPU ms"), ("p50_ms", "p50 latency ms"), ("p99_ms", "p99 latency ms")):
                L.append("| %s (%s) | %s | %s | %s |" % (label, mode, fmt(r[HE][key], 3), fmt(r[NE][key], 3),
                                                        fmt(ratio(r[HE][key], r[NE][key]))))
            L.append("| bytes (%s) | %d | %d | %s |" % (mode, r[HE]["bytes"], r[NE]["bytes"],
                                                       fmt(ratio(r[HE]["bytes"], r[NE]["bytes"]))))
        r = result["plain"]
        L.append("| samples | %d | %d | %s |" % (r[HE]["samples"], r[NE]["samples"],
                                                 fmt(ratio(r[HE]["samples"], r[NE]["samples"]))))
        m = result["memory_kb"]
        for key, label in (("VmRSS", "resident MiB (VmRSS, end)"), ("VmHWM", "peak resident MiB (VmHWM)")):
            L.append("| %s | %.1f | %.1f | %s |" % (label, m[HE][key] / 1024, m[NE][key] / 1024,
                                                    fmt(ratio(m[HE][key], m[NE][key]))))
        for k, v in result["throughput"].items():
            mode, c = k.split("_c")
            L.append("| scrapes/s, %s concurrent (%s, wrk) | %.0f | %.0f | %s |" % (
                c, mode, v[HE]["rps"], v[NE]["rps"], fmt(ratio(v[HE]["rps"], v[NE]["rps"]))))
        shares = ["%s %s: %.0f%%" % (k.split("_c")[1], k.split("_c")[0], 100 * v[HE].get("shared", 0))
                  for k, v in result["throughput"].items()]
        L.append("")
        L.append("Under wrk, host_exporter answers overlapping identical requests with one response "
                 "(`host_exporter_http_shared_responses_total`); share of its responses that were shared, "
                 "by concurrent clients: " + ", ".join(shares) + ". node_exporter scrapes once per request.")
        f = result["floor"]
        L.append("")
        L.append("Raw-read floor: opening and reading the %d files, listing the %d directories and opening "
                 "the %d paths with O_PATH that one host_exporter scrape opens (`bench/results/fileset.txt`) "
                 "takes **%.3f ms** of CPU (%.3f ms wall, %d bytes); host_exporter's CPU per scrape is "
                 "**%.2fx** that floor (%.2fx with gzip)." % (
                     f["files"], f["dirs"], f["paths"], f["cpu_ms"], f["wall_ms"], f["bytes"],
                     ratio(result["plain"][HE]["cpu_ms"], f["cpu_ms"]),
                     ratio(result["gzip"][HE]["cpu_ms"], f["cpu_ms"])))
        mf = result.get("memory_floor")
        if mf:
            top = sorted(mf["libs"].items(), key=lambda kv: -kv[1])[:5]
            L.append("")
            L.append("Memory floor: a process that only constructs a cpp-httplib server (Debian's shared "
                     "library, which loads and initialises OpenSSL) is **%.1f MiB** resident (%s); a quarter "
                     "of node_exporter's peak in this run is %.1f MiB." % (
                         mf["rss_kb"] / 1024, ", ".join("%s %.1f" % (k, v / 1024) for k, v in top),
                         result["memory_kb"][NE]["VmHWM"] / 1024 / 4))
        sf = result.get("serving_floor")
        if sf:
            least = f["cpu_ms"] + sf["plain"]["cpu_ms"]
            L.append("")
            L.append("Serving floor: a cpp-httplib server that answers each request with a canned copy of one "
                     "host_exporter scrape (%d bytes; `bench/serve_floor.cpp`), scraped in alternating blocks "
                     "beside host_exporter, uses **%.3f ms** of CPU per request (%.3f ms with httplib's gzip) "
                     "where host_exporter used %.3f ms (%.3f ms); after the same wrk runs its peak is "
                     "**%.1f MiB** resident. Reading the files and serving the bytes, with nothing between, "
                     "is %.3f ms: **%.2fx** the raw-read floor, against a target of 1.25x." % (
                         sf["body_bytes"], sf["plain"]["cpu_ms"], sf["gzip"]["cpu_ms"], sf["plain"]["he_cpu_ms"],
                         sf["gzip"]["he_cpu_ms"], sf["memory_kb"]["VmHWM"] / 1024, least,
                         ratio(least, f["cpu_ms"])))
            he = sf["plain"]
            L.append("Of host_exporter's %.3f ms in those blocks, %.3f ms is user time (parsing, building the "
                     "metric families, serialising) and %.3f ms kernel time, against %.3f ms (almost all kernel) "
                     "to read the files and %.3f ms (%.3f ms user) to serve the bytes." % (
                         he["he_cpu_ms"], he["he_user_ms"], he["he_cpu_ms"] - he["he_user_ms"], f["cpu_ms"],
                         he["cpu_ms"], he["user_ms"]))
    sc = result.get("scaling", {})
    if sc:
        L.append("")
        L.append("Scaling: CPU ms per scrape (plain), samples per scrape, and the growth per unit.")
        L.append("")
        L.append("| case | N | host_exporter CPU ms | node_exporter CPU ms | ratio | samples (he / ne) |")
        L.append("|---|---:|---:|---:|---:|---:|")
        for case, c in sc.items():
            for q in c["points"]:
                L.append("| %s | %d | %s | %s | %s | %d / %d |" % (
                    case, q["n"], fmt(q[HE]["cpu_ms"], 3), fmt(q[NE]["cpu_ms"], 3),
                    fmt(ratio(q[HE]["cpu_ms"], q[NE]["cpu_ms"])), q[HE]["samples"], q[NE]["samples"]))
        L.append("")
        L.append("| case | host_exporter us per unit (fit) | node_exporter us per unit (fit) | "
                 "host_exporter last step / previous | node_exporter last step / previous |")
        L.append("|---|---:|---:|---:|---:|")
        for case, c in sc.items():
            g = c["growth"]
            L.append("| %s | %s | %s | %s | %s |" % (case, fmt(g[HE]["slope_us"]), fmt(g[NE]["slope_us"]),
                                                     fmt(g[HE]["last_step_ratio"]), fmt(g[NE]["last_step_ratio"])))
    L.append("")
    L.append("| target | measured | limit | met |")
    L.append("|---|---:|---:|---|")
    for t in result["targets"]:
        L.append("| %s | %s | %s %s | %s |" % (t["target"], fmt(t["value"]), t["op"], fmt(t["limit"]),
                                               "yes" if t["met"] else "**no**"))
    return "\n".join(L) + "\n"


def plot(result, out_dir):
    sc = result.get("scaling", {})
    if not sc or shutil.which("gnuplot") is None:
        return None
    data = os.path.join(out_dir, "scaling.dat")
    cases = [c for c in ("cpus", "disks", "mounts", "interfaces") if c in sc and sc[c]["points"]]
    with open(data, "w") as f:
        for case in cases:
            f.write("# %s: N host_exporter_cpu_ms node_exporter_cpu_ms\n" % case)
            for q in sc[case]["points"]:
                f.write("%d %.4f %.4f\n" % (q["n"], q[HE]["cpu_ms"], q[NE]["cpu_ms"]))
            f.write("\n\n")
    png = os.path.join(out_dir, "scaling.png")
    mc = result["machine"]
    gp = ["set terminal pngcairo size 1100,800 font 'sans,10'" if _has_pngcairo() else "set terminal png size 1100,800",
          "set termoption noenhanced",
          "set output '%s'" % png,
          "set multiplot layout 2,2 title 'CPU per scrape vs size: host_exporter vs node_exporter 1.5.0 (%s, %d cores, Linux %s)'" % (
              mc["cpu_model"].replace("'", ""), mc["cores"], mc["kernel"]),
          "set logscale xy", "set grid", "set key top left", "set ylabel 'CPU ms per scrape'"]
    for i, case in enumerate(cases):
        gp += ["set title '%s'" % case, "set xlabel '%s'" % case,
               "plot '%s' index %d using 1:2 with linespoints lw 2 title 'host_exporter', "
               "'' index %d using 1:3 with linespoints lw 2 title 'node_exporter'" % (data, i, i)]
    gp.append("unset multiplot")
    subprocess.run(["gnuplot"], input="\n".join(gp) + "\n", text=True, check=True)
    return png


def _has_pngcairo():
    r = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    return "pngcairo" in (r.stdout + r.stderr)


def update_readme(md):
    path = os.path.join(ROOT, "README.md")
    with open(path) as f:
        text = f.read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin not in text or end not in text:
        log("README has no %s ... %s markers: not updated" % (begin, end))
        return
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + begin + "\n" + md + end + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host-exporter", default=os.path.join(ROOT, "build", "host_exporter"))
    ap.add_argument("--node-exporter", default="/usr/bin/prometheus-node-exporter")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--quick", action="store_true", help="smoke run: few scrapes, two sizes per case (<1 min)")
    ap.add_argument("--cases", default="cpus,disks,mounts,interfaces",
                    help="scaling cases, comma separated; empty for none")
    ap.add_argument("--no-main", action="store_true", help="only the scaling cases")
    ap.add_argument("--update-readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    args.cases = [c for c in args.cases.split(",") if c]
    for c in args.cases:
        if c not in SCALING:
            ap.error("--cases: unknown case %r (known: %s)" % (c, ", ".join(SCALING)))
    for exe, flag in ((args.host_exporter, "--host-exporter"), (args.node_exporter, "--node-exporter")):
        if not os.access(exe, os.X_OK):
            ap.error("%s: %s is not an executable (build it, or apt-get install prometheus-node-exporter)" % (flag, exe))
    for tool in ("wrk", "strace", "g++", "curl"):
        if shutil.which(tool) is None:
            ap.error("%s not found: run tools/install-deps.sh" % tool)
    args.blocks = 2 if args.quick else 6
    args.concurrency = [4] if args.quick else [1, 4, 16]
    args.wrk_seconds = 1 if args.quick else 3
    args.wrk_rounds = 1 if args.quick else 2
    args.scale_blocks = 2 if args.quick else 4
    args.scale_seconds = 0.1 if args.quick else 0.4
    os.makedirs(args.out, exist_ok=True)

    result = {"machine": machine()}
    workdir = tempfile.mkdtemp(prefix="he-bench-")
    t0 = time.monotonic()
    try:
        client = Client()
        try:
            he_set = discover_collectors(args.host_exporter, HE, workdir, client)
            ne_set = discover_collectors(args.node_exporter, NE, workdir, client)
        finally:
            client.close()
        common = sorted(set(he_set) & set(ne_set))
        result["common"] = common
        result["only_host_exporter"] = sorted(set(he_set) - set(ne_set))
        result["only_node_exporter"] = sorted(set(ne_set) - set(he_set))
        log("common default collectors: %s" % ", ".join(common))
        if not args.no_main:
            main_comparison(args, workdir, common, result)
        scaling(args, workdir, common, result)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result["targets"] = targets(result)
    result["seconds"] = time.monotonic() - t0
    md = markdown(result)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(result, f, indent=1)
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write(md)
    png = plot(result, args.out)
    if args.update_readme:
        update_readme(md)
    print(md)
    log("done in %.0fs; %s%s" % (result["seconds"], os.path.join(args.out, "results.md"),
                                 ", " + png if png else ""))


if __name__ == "__main__":
    main()
