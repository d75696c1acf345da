"""netclass in sysfs mode on a live sysfs takes the attributes an RTM_GETLINK
dump carries from one dump (--collector.netclass.rtnl-attributes, the default)
and reads only eight files per device. On real interfaces in a network
namespace (veth pairs up and down, a bridge and its port, aliases, MTUs, queue
lengths, groups, promiscuous and all-multicast flags) its output must be the
one reading every sysfs file gives, before and after the interfaces change."""
import os
import shutil
import signal
import subprocess
import time

import pytest

from conftest import BINARY, free_port

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or shutil.which("ip") is None,
                                reason="network namespaces need root and iproute2")

SETUP = [
    "link set lo up",
    "link add nc0a type veth peer name nc0b",
    "link add nc1a type veth peer name nc1b",
    "link add nc2a type veth peer name nc2b",
    "link add nc3a type veth peer name nc3b",
    "link set nc0a up",
    "link set nc0b up",  # both ends up: carrier 1
    "link set nc1a up",  # peer down: carrier 0, lowerlayerdown
    "link set nc2a alias \"core uplink   \"",
    "link set nc2b alias \"" + "x" * 140 + "\"",  # longer than the 128 bytes procfs reads
    "link set nc3a mtu 9000 txqueuelen 5 group 7",
    "link set nc3b promisc on",
    "link set nc3b allmulticast on",
    "link set nc3b up",
    "link add ncbr type bridge",
    "link set nc1b master ncbr",
    "link set ncbr address 02:00:00:00:00:01",
    "link set ncbr up",
]

CHANGE = [
    "link set nc0b down",  # carrier of nc0a drops, counters move
    "link set nc3b promisc off",
    "link set nc2a alias \"\"",
    "link set nc3a mtu 1280",
    "link set nc1b up",
]


def ns_run(ns, *cmd, **kw):
    return subprocess.run(["ip", "netns", "exec", ns] + list(cmd), capture_output=True, text=True, timeout=30, **kw)


def batch(ns, cmds):
    r = subprocess.run(["ip", "-n", ns, "-batch", "-"], input="\n".join(cmds) + "\n", capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def scrape(ns, port):
    r = ns_run(ns, "curl", "-sS", "--max-time", "20", f"http://127.0.0.1:{port}/metrics")
    assert r.returncode == 0, r.stderr
    return sorted(l for l in r.stdout.splitlines() if l.startswith("node_network_"))


@pytest.fixture
def namespace():
    ns = f"he-netclass-{os.getpid()}"
    made = subprocess.run(["ip", "netns", "add", ns], capture_output=True, text=True, timeout=30)
    if made.returncode != 0:
        pytest.fail(f"ip netns add: {made.stderr}")
    procs = []
    try:
        yield ns, procs
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        subprocess.run(["ip", "netns", "del", ns], capture_output=True, timeout=60)


def start(ns, procs, *flags):
    """-> (port, pid) of an exporter running in `ns`."""
    port = free_port()
    # `ip netns exec` execs the exporter: the same pid.
    p = subprocess.Popen(["ip", "netns", "exec", ns, os.path.abspath(BINARY), f"--web.listen-address=127.0.0.1:{port}",
                          "--collector.disable-defaults", "--collector.netclass"] + list(flags),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    procs.append(p)
    deadline = time.monotonic() + 20
    while True:
        assert p.poll() is None, p.stderr.read()
        r = ns_run(ns, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", f"http://127.0.0.1:{port}/")
        if r.stdout == "200":
            return port, p.pid
        assert time.monotonic() < deadline, "exporter in the namespace did not answer in 20 s"
        time.sleep(0.1)


def traced_scrape(ns, port, pid, out):
    """One scrape with strace attached to the exporter, recording its openat calls in `out`."""
    tracer = subprocess.Popen(["strace", "-f", "-e", "trace=openat", "-o", out, "-p", str(pid)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # strace says "Process N attached" once it holds every thread.
        deadline = time.monotonic() + 10
        line = tracer.stderr.readline()
        assert "attached" in line, line
        assert time.monotonic() < deadline
        return scrape(ns, port)
    finally:
        tracer.send_signal(signal.SIGINT)  # detach; the exporter runs on
        try:
            tracer.wait(timeout=10)
        except subprocess.TimeoutExpired:
            tracer.kill()
            tracer.wait()


def test_dump_and_files_give_the_same_series(namespace, tmp_path):
    ns, procs = namespace
    batch(ns, SETUP)
    mixed, mixed_pid = start(ns, procs)
    files, files_pid = start(ns, procs, "--no-collector.netclass.rtnl-attributes")

    first = scrape(ns, mixed)
    assert first == scrape(ns, files)
    text = "\n".join(first)
    assert 'node_network_carrier{device="nc0a"} 1' in text
    assert 'node_network_carrier{device="nc1a"} 0' in text
    assert 'node_network_carrier{device="nc2a"}' not in text  # down: sysfs refuses carrier
    assert 'ifalias="core uplink"' in text
    assert 'ifalias="' + "x" * 128 + '"' in text
    assert 'node_network_mtu_bytes{device="nc3a"} 9000' in text
    assert 'node_network_transmit_queue_length{device="nc3a"} 5' in text
    assert 'node_network_net_dev_group{device="nc3a"} 7' in text
    assert 'address="02:00:00:00:00:01"' in text
    assert sum(1 for l in first if l.startswith("node_network_info{")) == 10  # lo, 8 veth, the bridge

    batch(ns, CHANGE)
    time.sleep(0.5)  # link watch settles operstate
    second = scrape(ns, mixed)
    assert second == scrape(ns, files)
    assert second != first
    assert 'node_network_mtu_bytes{device="nc3a"} 1280' in "\n".join(second)


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_the_dump_stands_in_for_the_files(namespace, tmp_path):
    """With the dump no device's mtu or operstate file is opened, only the eight
    attributes it lacks (by name, in the device's directory); without it, every
    file by its path. The series are the same either way."""
    ns, procs = namespace
    batch(ns, SETUP)
    mixed, mixed_pid = start(ns, procs)
    files, files_pid = start(ns, procs, "--no-collector.netclass.rtnl-attributes")
    mixed_trace, files_trace = str(tmp_path / "mixed.strace"), str(tmp_path / "files.strace")
    assert traced_scrape(ns, mixed, mixed_pid, mixed_trace) == traced_scrape(ns, files, files_pid, files_trace)
    mixed_opens = open(mixed_trace).read()
    files_opens = open(files_trace).read()
    assert '"/sys/class/net/nc3a"' in mixed_opens and '"speed"' in mixed_opens and '"flags"' in mixed_opens
    for attr in ("mtu", "operstate", "address", "carrier_changes"):
        assert f'"{attr}"' not in mixed_opens and f'/{attr}"' not in mixed_opens, attr
        assert f'"/sys/class/net/nc3a/{attr}"' in files_opens, attr
