"""End-to-end tests of the binary over HTTP with real clients (curl, promtool)."""
import concurrent.futures
import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest

from conftest import BINARY, Exporter, SlowMount, fixture_flags, free_port, parse_series, FIXTURES

ONLY_LOADAVG = ["--collector.disable-defaults", "--collector.loadavg"]


def curl(*args):
    r = subprocess.run(["curl", "-sS", *args], capture_output=True, timeout=60)
    return r


def test_landing_page_links_metrics_and_lists_collectors(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    status, headers, body = e.get("/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    html = body.decode()
    assert 'href="/metrics"' in html
    assert "<li>loadavg</li>" in html


def test_metrics_format_and_content_type(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    status, headers, body = e.get()
    assert status == 200
    assert headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    series = parse_series(body.decode())
    assert series[("node_load1", frozenset())] == "0.21"
    assert series[("node_scrape_collector_success", frozenset({("collector", "loadavg")}))] == "1"
    assert ("process_open_fds", frozenset()) in series
    assert ("promhttp_metric_handler_requests_in_flight", frozenset()) in series
    assert any(k[0] == "host_exporter_build_info" for k in series)


def test_promtool_accepts_live_default_scrape(exporter_factory, tmp_path):
    e = exporter_factory([])
    status, _, body = e.get()
    assert status == 200
    r = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, timeout=60)
    problems = [l for l in r.stderr.decode().splitlines() + r.stdout.decode().splitlines() if l.strip()]
    # node_exporter's own output draws naming findings for kernel counter names; nothing else.
    allowed = ("non-counter metrics should not have", "metric names should be written in 'snake_case'",
               "counter metrics should have \"_total\" suffix", "use base unit", "no help text")
    bad = [p for p in problems if not any(a in p for a in allowed)]
    assert not bad, "\n".join(bad)


def test_gzip_only_when_accepted(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    status, headers, body = e.get(headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert b"node_load1 0.21" in gzip.decompress(body)
    _, headers, body = e.get(headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert headers.get("Content-Encoding") is None
    assert b"node_load1 0.21" in body
    _, headers, body = e.get(headers={"Accept-Encoding": "br"})
    assert headers.get("Content-Encoding") is None
    r = curl("--compressed", "-D", "-", e.url + "/metrics")
    assert r.returncode == 0
    assert b"node_load1 0.21" in r.stdout
    # HEAD announces the compressed body GET would send (its length varies by a
    # few bytes between scrapes: durations), well under the plain one's.
    _, _, plain = e.get()
    r = curl("-I", "-H", "Accept-Encoding: gzip", e.url + "/metrics")
    head = dict(l.split(": ", 1) for l in r.stdout.decode().lower().splitlines()[1:] if ": " in l)
    assert head["content-encoding"] == "gzip"
    assert 0 < int(head["content-length"]) < len(plain) / 2


def test_gzip_level_flag(exporter_factory):
    sizes = {}
    for level in (1, 9):
        e = exporter_factory(fixture_flags("basic") + [f"--web.gzip-level={level}", "--no-collector.filesystem"])
        _, headers, body = e.get(headers={"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip"
        assert b"node_load1 0.21" in gzip.decompress(body)
        sizes[level] = len(body)
    assert sizes[9] < sizes[1], sizes


def test_head_and_methods_and_paths(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    r = curl("-I", e.url + "/metrics")
    assert b"200 OK" in r.stdout.splitlines()[0]
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = curl("-X", method, "-o", "/dev/null", "-w", "%{http_code}", e.url + "/metrics")
        assert r.stdout == b"405", method
    r = curl("-o", "/dev/null", "-w", "%{http_code}", e.url + "/nope")
    assert r.stdout == b"404"
    # A chunked body on a refused method is not read into memory.
    with open("/dev/zero", "rb") as zero:
        r = subprocess.run(["curl", "-sS", "-X", "POST", "-T", "-", "--max-time", "5", "-o", "/dev/null",
                            "-w", "%{http_code}", e.url + "/metrics"], stdin=zero, capture_output=True, timeout=30)
    assert r.stdout == b"405", (r.stdout, r.stderr)
    assert e.get()[0] == 200


def test_collect_and_exclude_filters(exporter_factory):
    e = exporter_factory(fixture_flags("basic"))
    _, _, body = e.get("/metrics?collect[]=loadavg")
    names = {k[0] for k in parse_series(body.decode())}
    colls = {dict(k[1]).get("collector") for k in parse_series(body.decode()) if k[0] == "node_scrape_collector_success"}
    assert colls == {"loadavg"}
    assert "node_load1" in names
    _, _, body = e.get("/metrics?exclude[]=loadavg")
    series = parse_series(body.decode())
    assert ("node_load1", frozenset()) not in series
    assert "loadavg" not in {dict(k[1]).get("collector") for k in series}
    status, _, body = e.get("/metrics?collect[]=loadavg&exclude[]=cpu")
    assert status == 400
    status, _, body = e.get("/metrics?collect[]=nosuchcollector")
    assert status == 400 and b"missing collector: nosuchcollector" in body


def test_disabled_collector_in_collect_is_400(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    # Any other known collector is disabled here.
    import re
    other = next(c for c in re.findall(r"--\[no-\]collector\.([a-z_0-9]+)\s", subprocess.run(
        [BINARY, "--help"], capture_output=True, text=True).stdout) if c not in ("loadavg", "disable-defaults"))
    status, _, body = e.get(f"/metrics?collect[]={other}")
    assert status == 400 and f"disabled collector: {other}".encode() in body


def test_failing_collector_reports_success_zero_and_logs_file(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("malformed"))
    status, _, body = e.get()
    assert status == 200
    series = parse_series(body.decode())
    assert series[("node_scrape_collector_success", frozenset({("collector", "loadavg")}))] == "0"
    assert ("process_open_fds", frozenset()) in series
    _, err = e.stop()
    errors = [l for l in err.splitlines() if "level=ERROR" in l]
    assert len(errors) == 1, err
    assert "malformed/proc/loadavg" in errors[0] and "name=loadavg" in errors[0]


def test_max_requests_answers_503(tmp_path):
    root = os.path.join(FIXTURES, "basic")
    with SlowMount(root, "--read-delay", "loadavg=1.5") as m:
        flags = ONLY_LOADAVG + [f"--path.procfs={m.mount}/proc", "--web.max-requests=2"]
        with Exporter(flags) as e:
            with concurrent.futures.ThreadPoolExecutor(6) as ex:
                codes = list(ex.map(lambda _: e.get()[0], range(6)))
            assert codes.count(503) >= 1, codes
            assert codes.count(200) >= 1, codes
            _, _, body = e.get()
            series = parse_series(body.decode())
            assert float(series[("promhttp_metric_handler_requests_total", frozenset({("code", "503")}))]) >= 1


def test_overlapping_identical_scrapes_share_one_response():
    # loadavg takes 1.5 s to read: requests that arrive meanwhile with the
    # same collectors, timeout and encoding get the response of the one in
    # progress (host_exporter_http_shared_responses_total counts them);
    # others get their own.
    root = os.path.join(FIXTURES, "basic")
    with SlowMount(root, "--read-delay", "loadavg=1.5") as m:
        flags = ONLY_LOADAVG + [f"--path.procfs={m.mount}/proc"]
        with Exporter(flags) as e:
            def shared_total():
                _, _, body = e.get("/metrics?collect[]=loadavg")  # its own response, never shared here
                return float(parse_series(body.decode())[("host_exporter_http_shared_responses_total", frozenset())])

            assert shared_total() == 0
            with concurrent.futures.ThreadPoolExecutor(6) as ex:
                got = list(ex.map(lambda _: e.get(), range(6)))
            assert [g[0] for g in got] == [200] * 6
            assert len({g[2] for g in got}) == 1  # one body for all six
            assert b"node_load1 0.21" in got[0][2]
            assert shared_total() == 5
            # Two encodings at once: two responses, each shared by its own kind.
            def fetch(i):
                return e.get(headers={"Accept-Encoding": "gzip"} if i % 2 else {})

            with concurrent.futures.ThreadPoolExecutor(6) as ex:
                got = list(ex.map(fetch, range(6)))
            plain = {g[2] for i, g in enumerate(got) if i % 2 == 0}
            zipped = {g[2] for i, g in enumerate(got) if i % 2}
            assert len(plain) == 1 and len(zipped) == 1
            assert all(g[1].get("Content-Encoding") == "gzip" for i, g in enumerate(got) if i % 2)
            assert gzip.decompress(zipped.pop()) != b""
            assert shared_total() == 9
            # One after another: nothing is kept, each request scrapes anew.
            e.get()
            e.get()
            assert shared_total() == 9


def test_scrape_timeout_header_bounds_scrape(tmp_path):
    root = os.path.join(FIXTURES, "basic")
    with SlowMount(root, "--read-delay", "loadavg=6") as m:
        flags = ONLY_LOADAVG + [f"--path.procfs={m.mount}/proc"]
        with Exporter(flags) as e:
            t0 = time.monotonic()
            status, _, body = e.get(headers={"X-Prometheus-Scrape-Timeout-Seconds": "2"})
            took = time.monotonic() - t0
            assert status == 200
            assert took < 2.0, took
            series = parse_series(body.decode())
            assert series[("node_scrape_collector_success", frozenset({("collector", "loadavg")}))] == "0"
            assert series[("node_scrape_collector_timeouts_total", frozenset({("collector", "loadavg")}))] == "1"


def test_second_instance_on_same_port_fails(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic"))
    r = subprocess.run([BINARY, f"--web.listen-address=127.0.0.1:{e.port}"] + ONLY_LOADAVG,
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0
    assert f"127.0.0.1:{e.port}" in r.stderr


@pytest.mark.parametrize("flag,needle", [
    ("--no-such-flag", "no-such-flag"),
    ("--collector.loadavg=perhaps", "--collector.loadavg"),
    ("--web.max-requests=lots", "--web.max-requests"),
    ("--web.listen-address=nocolon", "--web.listen-address"),
    ("--log.level=loud", "--log.level"),
    ("--log.format=xml", "--log.format"),
    ("--web.scrape-timeout-max=10", "--web.scrape-timeout-max"),
    ("--web.gzip-level=0", "--web.gzip-level"),
    ("--web.gzip-level=fast", "--web.gzip-level"),
])
def test_bad_flags_stop_startup_naming_the_flag(flag, needle):
    r = subprocess.run([BINARY, flag, f"--web.listen-address=127.0.0.1:{free_port()}"],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 1
    assert needle in r.stderr, r.stderr
    assert len([l for l in r.stderr.splitlines() if needle in l]) >= 1


def test_help_and_version():
    r = subprocess.run([BINARY, "--help"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0
    for needle in ("--web.listen-address", "--web.telemetry-path", "--web.max-requests",
                   "--path.procfs", "--path.sysfs", "--path.rootfs", "--path.udev.data",
                   "--[no-]collector.loadavg", "collector.disable-defaults", "--log.level", "--log.format"):
        assert needle in r.stdout, needle
    r = subprocess.run([BINARY, "--version"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0 and r.stdout.startswith("host_exporter, version ")


def test_empty_flag_value_clears_a_default_and_hidden_flags_are_accepted():
    # "--flag=" is kingpin's empty value: here it clears diskstats' default exclude regex.
    diskstats = ["--collector.disable-defaults", "--collector.diskstats"] + fixture_flags("basic")
    with Exporter(diskstats) as e:
        status, _, body = e.get()
        assert status == 200
        assert b'node_disk_reads_completed_total{device="loop0"}' not in body
    with Exporter(diskstats + ["--collector.diskstats.device-exclude="]) as e:
        status, _, body = e.get()
        assert status == 200
        assert b'node_disk_reads_completed_total{device="loop0"}' in body
    # node_exporter's hidden flags: not in --help, still accepted.
    r = subprocess.run([BINARY, "--help"], capture_output=True, text=True, timeout=30)
    for hidden in ("--collector.diskstats.ignored-devices", "--collector.filesystem.mount-timeout",
                   "--collector.netdev.device-blacklist"):
        assert hidden not in r.stdout, hidden
    with Exporter(diskstats + ["--collector.filesystem.mount-timeout=2s",
                               "--collector.diskstats.ignored-devices=^sda"]) as e:
        status, _, body = e.get()
        assert status == 200
        assert b'device="loop0"' in body and b'device="sda"' not in body


def test_sigterm_and_sigint_shut_down_cleanly():
    for sig in (signal.SIGTERM, signal.SIGINT):
        e = Exporter(ONLY_LOADAVG + fixture_flags("basic"))
        assert e.get()[0] == 200
        e.proc.send_signal(sig)
        assert e.proc.wait(timeout=10) == 0
        e.stop()


def test_dual_stack_listen_address():
    port = free_port()
    e = Exporter(ONLY_LOADAVG + fixture_flags("basic"), port=port, listen=f":{port}")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        if socket.has_ipv6 and os.path.exists("/proc/net/if_inet6"):
            with socket.create_connection(("::1", port), timeout=2):
                pass
    finally:
        e.stop()


def test_telemetry_path_and_exporter_metrics_flags(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic") +
                         ["--web.telemetry-path=/custom", "--web.disable-exporter-metrics"])
    assert e.get("/metrics")[0] == 404
    status, _, body = e.get("/custom")
    assert status == 200
    names = {k[0] for k in parse_series(body.decode())}
    assert "node_load1" in names
    assert not any(n.startswith(("process_", "promhttp_")) for n in names)
    assert "host_exporter_build_info" in names


def test_json_log_format(exporter_factory):
    e = exporter_factory(ONLY_LOADAVG + fixture_flags("basic") + ["--log.format=json"])
    _, err = e.stop()
    lines = [json.loads(l) for l in err.splitlines() if l.strip()]
    assert any(l.get("msg") == "Listening on" for l in lines)
    assert all({"time", "level", "msg"} <= set(l) for l in lines)
