"""The binary end to end on the project's fixture tree: scrape over HTTP, compare
the whole exposition with tests/golden/e2e/basic.prom (UPDATE_GOLDEN=1 rewrites
it) and check it with promtool."""
import gzip
import os
import re
import subprocess

from conftest import SOURCE, Exporter, fixture_flags

GOLDEN = os.path.join(SOURCE, "tests", "golden", "e2e", "basic.prom")
# Series that depend on the machine or the moment, not on the fixtures.
VOLATILE = re.compile(r"^(process_|promhttp_|host_exporter_build_info|node_scrape_collector_duration_seconds|"
                      r"node_textfile_mtime_seconds)")
# Collectors that read the live kernel (syscalls, netlink, statfs), not the fixture tree.
LIVE = ["uname", "time", "timex", "filesystem", "btrfs"]


def flags():
    f = fixture_flags("basic") + [
        "--no-collector.netdev.netlink", "--no-collector.arp.netlink",
        f"--collector.textfile.directory={os.path.join(SOURCE, 'fixtures', 'basic', 'textfile')}",
    ]
    return f + [f"--no-collector.{c}" for c in LIVE]


def stable(text):
    """Drops the volatile families and writes the checkout's path (in textfile
    HELP and rapl path labels) as <SOURCE>, so the golden holds in any clone."""
    out, skip_family = [], False
    for line in text.replace(SOURCE, "<SOURCE>").splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            skip_family = bool(VOLATILE.match(line.split(" ")[2]))
        if not skip_family and not VOLATILE.match(line):
            out.append(line)
    return "\n".join(out) + "\n"


def test_full_exposition_matches_golden_and_passes_promtool():
    with Exporter(flags()) as e:
        status, headers, body = e.get()
    assert status == 200
    text = body.decode()
    got = stable(text)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
        with open(GOLDEN, "w") as f:
            f.write(got)
    with open(GOLDEN) as f:
        want = f.read()
    assert got == want, "exposition differs from tests/golden/e2e/basic.prom (UPDATE_GOLDEN=1 rewrites it)"
    assert "node_scrape_collector_success{collector=\"cpu\"} 1" in got
    r = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, timeout=60)
    findings = (r.stdout + r.stderr).decode().splitlines()
    # Only the naming findings node_exporter's own output draws (kernel counter names).
    allowed = ("non-counter metrics should not have", "metric names should be written in 'snake_case'",
               "counter metrics should have \"_total\" suffix", "use base unit", "no help text")
    assert [l for l in findings if l.strip() and not any(a in l for a in allowed)] == []


def test_repeated_and_interleaved_scrapes_stay_golden():
    # A collector's families are refilled from one scrape to the next (its
    # strings and vectors reused): scrapes of every collector, interleaved with
    # scrapes of a few and gzip ones, must each still give exactly the golden
    # text, and a subset exactly its own part of it.
    with open(GOLDEN) as f:
        want = f.read()
    with Exporter(flags()) as e:
        subset = None
        for i in range(6):
            status, _, body = e.get()
            assert status == 200
            assert stable(body.decode()) == want, f"full scrape {i} differs from the golden"
            status, _, body = e.get("/metrics?collect[]=cpu&collect[]=netstat&collect[]=textfile")
            assert status == 200
            text = stable(body.decode())
            if subset is None:
                subset = text
                assert "node_cpu_seconds_total" in text and "node_netstat_" in text
                assert "node_memory_" not in text
            assert text == subset, f"subset scrape {i} differs from the first"
            status, headers, body = e.get(headers={"Accept-Encoding": "gzip"})
            assert status == 200 and headers.get("Content-Encoding") == "gzip"
            assert stable(gzip.decompress(body).decode()) == want, f"gzip scrape {i} differs from the golden"
