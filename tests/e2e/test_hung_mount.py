"""A real hung mount (a FUSE filesystem whose statfs blocks, mounted by the test)
must never hold a scrape past Prometheus's timeout, and is reported with
node_filesystem_device_error 1 once its statfs has timed out."""
import os
import time

from conftest import Exporter, SlowMount, FIXTURES, parse_series

COLLECTORS = ["--collector.disable-defaults", "--collector.filesystem", "--collector.loadavg", "--collector.meminfo"]


def scrape(e, timeout_header):
    t0 = time.monotonic()
    status, _, body = e.get(headers={"X-Prometheus-Scrape-Timeout-Seconds": str(timeout_header)})
    return status, time.monotonic() - t0, parse_series(body.decode())


def device_error(series, mount):
    for (name, labels), value in series.items():
        d = dict(labels)
        if name == "node_filesystem_device_error" and d.get("mountpoint") == mount:
            return value, d
    return None, None


def run_with_hung_mount(flags, body):
    # The FUSE daemon goes first at clean-up: a process blocked in its statfs
    # cannot finish exiting until the daemon is gone.
    m = SlowMount(os.path.join(FIXTURES, "basic"), "--statfs-hang")
    e = None
    try:
        e = Exporter(flags)
        body(m, e)
    finally:
        m.close()
        if e is not None:
            e.stop()


def test_hung_statfs_never_delays_scrapes_and_is_reported():
    def body(m, e):
        # First scrape after the mount appears: statfs hangs and the default
        # mount timeout (5s) is longer than the scrape's, so the collector
        # stops waiting just before the deadline and reports the mount stuck;
        # everything else is served in time.
        status, took, series = scrape(e, 3)
        assert status == 200 and took < 3.0, took
        assert ("node_load1", frozenset()) in series
        assert series[("node_scrape_collector_success", frozenset({("collector", "meminfo")}))] == "1"
        value, labels = device_error(series, m.mount)
        assert value == "1", (value, labels)
        assert series[("node_scrape_collector_success", frozenset({("collector", "filesystem")}))] == "1"
        # Once the mount timeout has passed, the mount is known stuck: every
        # later scrape answers at once with device_error 1 for it.
        time.sleep(5.5)
        for _ in range(3):
            status, took, series = scrape(e, 3)
            assert status == 200 and took < 3.0, took
            value, labels = device_error(series, m.mount)
            assert value == "1", (value, labels)
            assert series[("node_scrape_collector_success", frozenset({("collector", "filesystem")}))] == "1"
            assert ("node_load1", frozenset()) in series
    run_with_hung_mount(COLLECTORS, body)


def test_mount_timeout_below_scrape_timeout_reports_the_first_scrape():
    def body(m, e):
        status, took, series = scrape(e, 3)
        assert status == 200 and took < 3.0, took
        value, labels = device_error(series, m.mount)
        assert value == "1", (value, labels)
        assert ("node_load1", frozenset()) in series
        # The hung call is not repeated: ten more scrapes do not add a thread
        # each. (The scrape pool may still grow by its few drainers, which join
        # when a scrape is slow, e.g. under AddressSanitizer.)
        for _ in range(3):
            assert scrape(e, 3)[0] == 200
        with open(f"/proc/{e.proc.pid}/status") as f:
            before = int(next(l for l in f if l.startswith("Threads:")).split()[1])
        for _ in range(10):
            assert scrape(e, 3)[0] == 200
        with open(f"/proc/{e.proc.pid}/status") as f:
            after = int(next(l for l in f if l.startswith("Threads:")).split()[1])
        assert after <= before + 2, (before, after)
    run_with_hung_mount(COLLECTORS + ["--collector.filesystem.mount-timeout=1s"], body)
