"""host_exporter scraped by a real Prometheus server (Debian's), queried over its HTTP
API with bounded polling: one exporter on loopback (with the project's rules loaded
and the dashboard's queries run), and a fleet of three exporters, each in its own
network namespace, found through file-based service discovery.
Prometheus listens on 127.0.0.1 at a free port with a temporary config and storage;
the namespaces, veth pairs and processes are removed in finally blocks."""
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from conftest import BINARY, Exporter, free_port
from deploy_util import PACKAGING
from test_prometheus_config import dashboard_queries, substitute_grafana_variables

RULES = os.path.join(PACKAGING, "prometheus", "rules", "host_exporter.rules.yml")


class Prometheus:
    """A Prometheus server on 127.0.0.1:<free port>; use as a context manager."""

    def __init__(self, tmp_path, scrape_configs, rule_files=()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = {"global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
                  "rule_files": list(rule_files), "scrape_configs": scrape_configs}
        cfg = tmp_path / "prometheus.yml"
        cfg.write_text(json.dumps(config))  # JSON is YAML
        self.log = open(tmp_path / "prometheus.log", "w")
        self.proc = subprocess.Popen(
            ["prometheus", f"--config.file={cfg}", f"--storage.tsdb.path={tmp_path / 'data'}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--storage.tsdb.retention.time=1h"],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.log_path = tmp_path / "prometheus.log"
        try:
            self.wait(lambda: self.get("/-/ready") == 200, 60, "Prometheus did not become ready")
        except BaseException:
            self.close()
            raise

    def get(self, path):
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status
        except (OSError, urllib.error.HTTPError):
            return None

    def api(self, path, **params):
        url = f"{self.url}/api/v1/{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        with urllib.request.urlopen(url, timeout=30) as r:
            body = json.load(r)
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr):
        return self.api("query", query=expr)["result"]

    def wait(self, cond, timeout, message):
        """Polls cond() every 0.5 s for at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, "Prometheus exited: " + self.log_path.read_text()[-3000:]
            value = cond()
            if value:
                return value
            assert time.monotonic() < deadline, message
            time.sleep(0.5)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@pytest.fixture(scope="module")
def scraped(tmp_path_factory):
    """One exporter (default collectors) scraped every second by a Prometheus that
    loads the project's rules; yields (prometheus, exporter) once both rate() and the
    recording rules have data."""
    tmp = tmp_path_factory.mktemp("prometheus")
    with Exporter([]) as e:
        target = f"127.0.0.1:{e.port}"
        with Prometheus(tmp, [{"job_name": "node", "static_configs": [{"targets": [target]}]}],
                        rule_files=[RULES]) as p:
            yield p, e


def test_prometheus_scrapes_host_exporter(scraped):
    p, e = scraped
    up = p.wait(lambda: [s for s in p.query('up{job="node"}') if s["value"][1] == "1"], 60,
                "target never up")
    assert up[0]["metric"]["instance"] == f"127.0.0.1:{e.port}"
    (target,) = p.api("targets")["activeTargets"]
    assert target["health"] == "up" and target["lastError"] == ""
    rates = p.wait(lambda: p.query("rate(node_cpu_seconds_total[1m])"), 60, "rate(node_cpu_seconds_total[1m]) stayed empty")
    assert all({"cpu", "mode"} <= set(s["metric"]) for s in rates)
    assert {s["metric"]["mode"] for s in rates} >= {"idle", "user", "system"}
    assert all(float(s["value"][1]) >= 0 for s in rates)


def test_rules_evaluate_without_errors_on_real_data(scraped):
    """Every recording rule yields series from a real host_exporter (the names and
    label joins are right), and no rule reports an evaluation error."""
    p, _ = scraped
    groups = p.api("rules")["groups"]
    loaded = [r for g in groups for r in g["rules"]]
    assert len(loaded) >= 20
    records = [r["name"] for r in loaded if r["type"] == "recording"]
    for name in records:
        p.wait(lambda: p.query(name), 60, f"recording rule {name} has no series")
    util = p.query("instance:node_cpu_utilisation:rate5m")
    assert 0 <= float(util[0]["value"][1]) <= 1
    groups = p.api("rules")["groups"]
    bad = [(r["name"], r.get("lastError")) for g in groups for r in g["rules"] if r["health"] != "ok"]
    assert not bad, bad


def test_dashboard_queries_return_data(scraped):
    p, e = scraped
    p.wait(lambda: p.query("rate(node_cpu_seconds_total[1m])"), 60, "no rate data yet")
    empty = []
    for where, expr in dashboard_queries():
        q = substitute_grafana_variables(expr, instance=f"127.0.0.1:{e.port}")
        if not p.query(q):
            empty.append(where)
    assert not empty, f"dashboard queries without data: {empty}"


# --- a fleet in network namespaces ------------------------------------------------

def sh(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, f"{' '.join(cmd)}: {r.stderr}"
    return r.stdout


def free_link_local_net():
    """A 169.254.N.0/24 no route on this machine touches. (192.0.2.0/24 can hold this
    machine's own uplink, so the fleet lives in link-local space, host-internal.)"""
    routes = sh("ip", "-4", "route", "show", "table", "all")
    addrs = sh("ip", "-4", "-o", "addr", "show")
    start = os.getpid() % 50
    for k in range(50):
        n = 200 + (start + k) % 50
        if f"169.254.{n}." not in routes + addrs and "169.254.0.0/16" not in routes:
            return f"169.254.{n}"
    raise AssertionError("no free 169.254.N.0/24")


class Fleet:
    """`size` network namespaces, each linked to this one by a veth pair (a /30 per
    pair) and running host_exporter on its own address."""

    def __init__(self, size):
        assert os.geteuid() == 0 and shutil.which("ip"), "network namespaces need root and iproute2"
        tag = os.getpid() % 100000
        net = free_link_local_net()
        self.members, self.procs = [], []
        for i in range(size):
            self.members.append({"ns": f"he-fleet-{tag}-{i}", "host_if": f"hef{tag}h{i}", "ns_if": f"hefleet{i}",
                                 "host_ip": f"{net}.{4 * i + 1}", "ip": f"{net}.{4 * i + 2}"})
        try:
            for m in self.members:
                sh("ip", "netns", "add", m["ns"])
                m["made_ns"] = True
                sh("ip", "link", "add", m["host_if"], "type", "veth", "peer", "name", m["ns_if"], "netns", m["ns"])
                m["made_link"] = True
                sh("ip", "addr", "add", f"{m['host_ip']}/30", "dev", m["host_if"])
                sh("ip", "link", "set", m["host_if"], "up")
                sh("ip", "-n", m["ns"], "addr", "add", f"{m['ip']}/30", "dev", m["ns_if"])
                sh("ip", "-n", m["ns"], "link", "set", m["ns_if"], "up")
                sh("ip", "-n", m["ns"], "link", "set", "lo", "up")
            for m in self.members:
                m["target"] = f"{m['ip']}:9100"
                self.procs.append(subprocess.Popen(
                    ["ip", "netns", "exec", m["ns"], os.path.abspath(BINARY), f"--web.listen-address={m['target']}",
                     "--collector.disable-defaults", "--collector.cpu", "--collector.loadavg",
                     "--collector.meminfo", "--collector.netdev"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            for m, proc in zip(self.members, self.procs):
                self.wait_listening(m["ip"], proc)
        except BaseException:
            self.close()
            raise

    @staticmethod
    def wait_listening(ip, proc):
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, f"exporter in namespace exited with {proc.returncode}"
            try:
                with socket.create_connection((ip, 9100), timeout=0.5):
                    return
            except OSError:
                assert time.monotonic() < deadline, f"exporter at {ip}:9100 did not listen in 30 s"
                time.sleep(0.1)

    def stop(self, i):
        proc = self.procs[i]
        if proc.returncode is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def close(self):
        """Every step runs even if an earlier one fails."""
        errors = []
        for i in range(len(self.procs)):
            try:
                self.stop(i)
            except Exception as exc:  # keep cleaning up
                errors.append(exc)
                self.procs[i].kill()
        for m in self.members:
            if m.get("made_link"):
                subprocess.run(["ip", "link", "del", m["host_if"]], capture_output=True, timeout=60)
            if m.get("made_ns"):
                subprocess.run(["ip", "netns", "del", m["ns"]], capture_output=True, timeout=60)
        assert not errors, errors

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def test_fleet_found_through_file_sd(tmp_path):
    with Fleet(3) as fleet:
        targets = [m["target"] for m in fleet.members]
        sd = tmp_path / "targets.json"
        sd.write_text(json.dumps([{"targets": targets, "labels": {"fleet": "deploy-test"}}]))
        config = [{"job_name": "node", "file_sd_configs": [{"files": [str(sd)], "refresh_interval": "1s"}]}]
        with Prometheus(tmp_path, config, rule_files=[RULES]) as p:
            def all_up():
                up = p.query('up{job="node", fleet="deploy-test"}')
                ok = sorted(s["metric"]["instance"] for s in up if s["value"][1] == "1")
                return ok if ok == sorted(targets) else None

            p.wait(all_up, 60, "not every fleet member came up")
            # Each exporter reports its own namespace's interface: three hosts, not one.
            def own_interfaces():
                res = p.query('node_network_receive_packets_total{job="node", device=~"hefleet[0-9]"}')
                seen = {(s["metric"]["instance"], s["metric"]["device"]) for s in res}
                want = {(m["target"], m["ns_if"]) for m in fleet.members}
                return seen == want

            p.wait(own_interfaces, 60, "fleet members do not each see their own namespace")

            # One host goes down: up drops to 0 and HostExporterDown goes pending for it.
            fleet.stop(0)
            down = fleet.members[0]["target"]
            p.wait(lambda: [s for s in p.query(f'up{{instance="{down}"}}') if s["value"][1] == "0"], 60,
                   "stopped exporter still up")

            def pending():
                alerts = p.api("alerts")["alerts"]
                return [a for a in alerts if a["labels"]["alertname"] == "HostExporterDown"]

            alerts = p.wait(pending, 60, "HostExporterDown never raised")
            assert [a["labels"]["instance"] for a in alerts] == [down]
            assert alerts[0]["state"] == "pending"  # `for: 5m` has not passed
            still_up = sorted(s["metric"]["instance"] for s in p.query('up{job="node"} == 1'))
            assert still_up == sorted(targets[1:])
