"""End-to-end tests of the collectors node_exporter leaves off by default (pcidevice,
processes, slabinfo, softirqs, sysctl, xfrm, zoneinfo): the binary over HTTP on the
project's fixtures, checked with promtool, and their flags at start-up."""
import subprocess

import pytest

from conftest import BINARY, fixture_flags, free_port, parse_series

EXTRA = ["pcidevice", "processes", "slabinfo", "softirqs", "sysctl", "xfrm", "zoneinfo"]
SYSCTL_FLAGS = ["--collector.sysctl.include=fs.file-nr", "--collector.sysctl.include=fs.file-nr:total,current,max",
                "--collector.sysctl.include=vm.swappiness",
                "--collector.sysctl.include-info=kernel.seccomp.actions_avail"]


def only(*names):
    return ["--collector.disable-defaults"] + [f"--collector.{n}" for n in names]


def success(series, name):
    return series[("node_scrape_collector_success", frozenset({("collector", name)}))]


def test_all_extra_collectors_scrape_and_pass_promtool(exporter_factory):
    e = exporter_factory(only(*EXTRA) + SYSCTL_FLAGS + fixture_flags("basic"))
    status, _, body = e.get()
    assert status == 200
    text = body.decode()
    series = parse_series(text)
    for name in EXTRA:
        assert success(series, name) == "1", name
    assert series[("node_sysctl_fs_file_nr_max", frozenset())] == "9.223372036854776e+18"
    assert series[("node_sysctl_info", frozenset({("name", "kernel.seccomp.actions_avail"), ("value", "trap"),
                                                  ("index", "2")}))] == "1"
    assert series[("node_processes_pids", frozenset())] == "8"
    assert series[("node_softirqs_functions_total", frozenset({("cpu", "0"), ("type", "NET_RX")}))] == "612488"
    assert series[("node_xfrm_in_no_pols_packets_total", frozenset())] == "129"
    assert series[("node_slabinfo_objects", frozenset({("slab", "dentry")}))] == "151998"
    assert series[("node_zoneinfo_numa_interleave_total", frozenset({("node", "0"), ("zone", "Normal")}))] == "5012"
    assert series[("node_pcidevice_sriov_numvfs", frozenset({("segment", "0000"), ("bus", "04"), ("device", "00"),
                                                              ("function", "0")}))] == "2"
    r = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, timeout=60)
    problems = [l for l in (r.stdout + r.stderr).decode().splitlines() if l.strip()]
    # node_exporter's own names draw these lint findings; the format itself must be clean.
    allowed = ("non-counter metrics should not have", "counter metrics should have \"_total\" suffix",
               "use base unit", "metric names should be written in 'snake_case'")
    bad = [p for p in problems if not any(a in p for a in allowed)]
    assert not bad, "\n".join(bad)


def test_extra_collectors_are_off_by_default(exporter_factory):
    e = exporter_factory(fixture_flags("basic"))
    status, _, body = e.get()
    assert status == 200
    series = parse_series(body.decode())
    enabled = {dict(k[1])["collector"] for k in series if k[0] == "node_scrape_collector_success"}
    assert enabled and not enabled & set(EXTRA)
    r = subprocess.run([BINARY, "--help"], capture_output=True, text=True, timeout=30)
    for flag in ("--[no-]collector.pcidevice", "--collector.sysctl.include=", "--collector.sysctl.include-info=",
                 "--collector.slabinfo.slabs-include=", "--collector.pcidevice.idsfile=",
                 "--[no-]collector.pcidevice.names"):
        assert flag in r.stdout, flag


def test_broken_files_fail_only_their_collector(exporter_factory):
    e = exporter_factory(only(*EXTRA) + ["--collector.sysctl.include=kernel.random.entropy_avail"] +
                         fixture_flags("malformed"))
    status, _, body = e.get()
    assert status == 200
    series = parse_series(body.decode())
    for name in ("pcidevice", "processes", "slabinfo", "softirqs", "sysctl", "xfrm"):
        assert success(series, name) == "0", name
    assert success(series, "zoneinfo") == "1"  # procfs reads bad zoneinfo values as 0
    assert series[("node_zoneinfo_high_pages", frozenset({("node", "0"), ("zone", "DMA")}))] == "0"
    _, err = e.stop()
    assert "proc/slabinfo" in err and "bus/pci/devices/0000:00:02.0" in err, err[-3000:]


@pytest.mark.parametrize("flag,needle", [
    ("--collector.sysctl.include=fs.file-nr:total,in-use,max", "--collector.sysctl.include=fs.file-nr:total,in-use,max"),
    ("--collector.slabinfo.slabs-include=(kmalloc", "--collector.slabinfo.slabs-include"),
])
def test_bad_options_stop_startup_naming_the_flag(flag, needle):
    collector = flag.split(".")[1]
    r = subprocess.run([BINARY, f"--collector.{collector}", flag, f"--web.listen-address=127.0.0.1:{free_port()}"]
                       + fixture_flags("basic"), capture_output=True, text=True, timeout=30)
    assert r.returncode == 1
    assert needle in r.stderr, r.stderr
