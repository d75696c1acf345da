"""Side by side with Debian's prometheus-node-exporter (1.5.0) on this host:
every collector both have reports the same success value, and every series
node_exporter emits is present in host_exporter's scrape with the same labels,
allowing only for the documented changes between node_exporter 1.5.0 and 1.12
(which host_exporter follows)."""
import os
import re
import shutil
import subprocess
import time
import urllib.request

import pytest

from conftest import Exporter, free_port

NODE_EXPORTER = shutil.which("prometheus-node-exporter")

# Labels node_exporter added after 1.5.0, on the families that carry them in 1.12.
ADDED_LABELS = {
    "node_disk_info": {"rotational"},
    "node_network_info": {"adminstate"},
    re.compile(r"node_filesystem_.*"): {"device_error"},
}
# node_exporter 1.12's meminfo exports procfs's fixed field list; 1.5.0 exported
# every line of /proc/meminfo.
MEMINFO_112 = {
    "Active", "Active_anon", "Active_file", "AnonHugePages", "AnonPages", "Bounce", "Buffers", "Cached",
    "CmaFree", "CmaTotal", "CommitLimit", "Committed_AS", "DirectMap1G", "DirectMap2M", "DirectMap4k",
    "Dirty", "HardwareCorrupted", "Hugepagesize", "Inactive", "Inactive_anon", "Inactive_file",
    "KernelStack", "Mapped", "MemAvailable", "MemFree", "MemTotal", "Mlocked", "NFS_Unstable",
    "PageTables", "Percpu", "SReclaimable", "SUnreclaim", "Shmem", "ShmemHugePages", "ShmemPmdMapped",
    "Slab", "SwapCached", "SwapFree", "SwapTotal", "Unevictable", "VmallocChunk", "VmallocTotal",
    "VmallocUsed", "Writeback", "WritebackTmp", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp",
    "HugePages_Total", "Zswap", "Zswapped"}
# 1.12's default diskstats exclude also drops zram devices.
DISK_EXCLUDE_112 = re.compile(r"^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$")
# Collectors Debian's 1.5.0 enables that 1.12 does not, and runtime series.
SKIP = re.compile(r"^(go_|process_|promhttp_|node_exporter_build_info|node_systemd_|"
                  r"node_scrape_collector_duration_seconds|node_textfile_mtime_seconds)")


def parse(text):
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)', line)
        labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        out[(m.group(1), frozenset(labels.items()))] = m.group(3)
    return out


def added_labels(name):
    for k, v in ADDED_LABELS.items():
        if (isinstance(k, str) and k == name) or (not isinstance(k, str) and k.fullmatch(name)):
            return v
    return set()


def expected_in_112(name, labels):
    if SKIP.match(name):
        return False
    if name.startswith("node_memory_") and not name.startswith("node_memory_numa_"):
        field = re.sub(r"_bytes$", "", name[len("node_memory_"):])
        return field in MEMINFO_112
    if name.startswith("node_disk_") and DISK_EXCLUDE_112.match(dict(labels).get("device", "")):
        return False
    return True


def scrape(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as r:
        return r.read().decode()


@pytest.mark.skipif(NODE_EXPORTER is None, reason="prometheus-node-exporter is not installed")
def test_same_series_and_success_as_node_exporter_on_this_host(tmp_path):
    textdir = tmp_path / "textfile"
    textdir.mkdir()
    (textdir / "a.prom").write_text("# HELP live_test_metric A test metric.\n# TYPE live_test_metric gauge\nlive_test_metric{x=\"1\"} 3\n")
    # Both read interface counters over netlink; pin the netdev exclude (packagings differ).
    common = [f"--collector.textfile.directory={textdir}", "--collector.netdev.device-exclude=^$",
              "--no-collector.systemd"]
    port = free_port()
    ne = subprocess.Popen([NODE_EXPORTER, f"--web.listen-address=127.0.0.1:{port}", *common],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with Exporter(common[:2]) as he:
            deadline = time.monotonic() + 20
            ne_text = None
            while time.monotonic() < deadline:
                try:
                    ne_text = scrape(port)
                    break
                except OSError:
                    time.sleep(0.1)
            assert ne_text is not None, "node_exporter did not start"
            he_text = he.get()[2].decode()
    finally:
        ne.terminate()
        ne.wait(timeout=10)
    ne_series, he_series = parse(ne_text), parse(he_text)

    # Same success value for every collector both have.
    def successes(series):
        return {dict(l)["collector"]: v for (n, l), v in series.items() if n == "node_scrape_collector_success"}
    ne_ok, he_ok = successes(ne_series), successes(he_series)
    common_collectors = set(ne_ok) & set(he_ok)
    assert len(common_collectors) >= 30
    assert {c: (ne_ok[c], he_ok[c]) for c in common_collectors if ne_ok[c] != he_ok[c]} == {}

    # Every node_exporter series present with the same labels (1.12's added labels aside).
    he_keys = set()
    for name, labels in he_series:
        extra = added_labels(name)
        he_keys.add((name, frozenset((k, v) for k, v in labels if k not in extra)))
    missing = sorted(f"{n}{{{','.join(f'{k}={v}' for k, v in sorted(l))}}}"
                     for n, l in ne_series if expected_in_112(n, l) and (n, l) not in he_keys)
    # Live values move between the two scrapes; only presence is compared, except
    # for series whose values cannot change in a second.
    assert missing == [], "\n".join(missing[:50])
    assert he_series[("live_test_metric", frozenset({("x", "1")}))] == "3"
