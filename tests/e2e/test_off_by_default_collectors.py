"""End-to-end: the collectors node_exporter ships disabled (buddyinfo, cgroups, drbd,
interrupts, ksmd, lnstat, meminfo_numa, mountstats), enabled by flag, over HTTP."""
import subprocess

from conftest import fixture_flags, parse_series

NAMES = ["buddyinfo", "cgroups", "drbd", "interrupts", "ksmd", "lnstat", "meminfo_numa", "mountstats"]
ONLY_THESE = ["--collector.disable-defaults"] + [f"--collector.{n}" for n in NAMES]


def success(series, name):
    return series[("node_scrape_collector_success", frozenset({("collector", name)}))]


def test_off_by_default(exporter_factory):
    e = exporter_factory(fixture_flags("basic"))
    status, _, body = e.get()
    assert status == 200
    text = body.decode()
    for n in NAMES:
        assert f'collector="{n}"' not in text, n
    assert "node_buddyinfo_blocks" not in text and "node_mountstats_nfs_" not in text


def test_enabled_on_basic_scrape_is_valid_and_complete(exporter_factory):
    e = exporter_factory(ONLY_THESE + fixture_flags("basic"))
    status, _, body = e.get()
    assert status == 200
    series = parse_series(body.decode())
    for n in NAMES:
        assert success(series, n) == "1", n
    assert series[("node_buddyinfo_blocks", frozenset({("node", "0"), ("zone", "Normal"), ("size", "0")}))] == "18422"
    assert series[("node_drbd_connected", frozenset({("device", "drbd0")}))] == "1"
    assert series[("node_ksmd_sleep_seconds", frozenset())] == "0.02"
    assert series[("node_lnstat_entries_total", frozenset({("subsystem", "rt_cache"), ("cpu", "2")}))] == "18"
    assert series[("node_memory_numa_numa_hit_total", frozenset({("node", "0")}))] == "1.873320512e+09"
    nfs = frozenset({("export", "fileserver:/export/media"), ("protocol", "tcp"), ("mountaddr", "192.168.1.5")})
    assert series[("node_mountstats_nfs_transport_sends_total", nfs | {("transport", "1")})] == "39812"
    assert series[("node_interrupts_total",
                   frozenset({("cpu", "1"), ("type", "LOC"), ("info", "Local timer interrupts"), ("devices", "")}))] \
        == "4.0771213e+07"
    r = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, timeout=60)
    problems = [l for l in (r.stdout + r.stderr).decode().splitlines() if l.strip()]
    # Kernel counter names (MemTotal, HugePages_Total, ...) draw naming findings, as for node_exporter.
    allowed = ("metric names should be written in 'snake_case'", "counter metrics should have \"_total\" suffix",
               "use base unit", "non-counter metrics should not have")
    bad = [p for p in problems if not any(a in p for a in allowed)]
    assert not bad, "\n".join(bad)


def test_filters_and_zero_flag_from_the_command_line(exporter_factory):
    e = exporter_factory(["--collector.disable-defaults", "--collector.interrupts",
                          "--collector.interrupts.name-include=^(LOC|NMI);", "--no-collector.interrupts.include-zeros"]
                         + fixture_flags("basic"))
    _, _, body = e.get()
    series = parse_series(body.decode())
    interrupts = [k for k in series if k[0] == "node_interrupts_total"]
    assert len(interrupts) == 4  # LOC on 4 CPUs; NMI is all zeros
    assert all(dict(k[1])["type"] == "LOC" for k in interrupts)


def test_malformed_files_fail_only_their_collector_and_name_the_file(exporter_factory):
    e = exporter_factory(ONLY_THESE + ["--collector.loadavg"] + fixture_flags("empty"))
    _, _, body = e.get()
    series = parse_series(body.decode())
    # Nothing there: ksmd, lnstat and meminfo_numa report nothing and succeed, as node_exporter.
    for n in ("ksmd", "lnstat", "meminfo_numa"):
        assert success(series, n) == "1", n
    for n in ("buddyinfo", "cgroups", "drbd", "interrupts", "mountstats"):
        assert success(series, n) == "0", n
    e.stop()

    m = exporter_factory(ONLY_THESE + fixture_flags("malformed"))
    status, _, body = m.get()
    assert status == 200
    series = parse_series(body.decode())
    for n in NAMES:
        assert success(series, n) == "0", n
    # drbd keeps what it read before the bad value, as node_exporter does.
    assert series[("node_drbd_connected", frozenset({("device", "drbd1")}))] == "1"
    # Still serving.
    status, _, _ = m.get()
    assert status == 200
    _, err = m.stop()
    errors = [l for l in err.splitlines() if "level=ERROR" in l]
    for needle in ("malformed/proc/buddyinfo", "malformed/proc/cgroups", "malformed/proc/drbd",
                   "malformed/proc/interrupts", "malformed/sys/kernel/mm/ksm/general_profit",
                   "malformed/proc/net/stat/arp_cache", "malformed/sys/devices/system/node/node0/meminfo",
                   "malformed/proc/4242/mountstats"):
        assert any(needle in l for l in errors), (needle, err)
