"""The Prometheus ecosystem files: prometheus.yml examples (promtool check config),
the recording and alerting rules (promtool check rules, promtool test rules) and the
Grafana dashboard, whose queries must parse and select only metrics that a live
host_exporter on this host exposes with its default collectors."""
import copy
import json
import os
import re
import subprocess

import pytest
import yaml

from conftest import Exporter
from deploy_util import PACKAGING, promql_metric_names, scrape_metric_names

PROM = os.path.join(PACKAGING, "prometheus")
RULES = os.path.join(PROM, "rules", "host_exporter.rules.yml")
RULES_TEST = os.path.join(PROM, "rules", "host_exporter.rules.test.yml")
DASHBOARD = os.path.join(PACKAGING, "grafana", "host_exporter.json")
K8S = os.path.join(PACKAGING, "kubernetes")

# The flags the Debian package's /etc/default/host_exporter passes, with its textfile
# directory made here (node_textfile_* needs a directory).
DEFAULT_FILE = os.path.join(PACKAGING, "host_exporter.default")


def promtool(*args, cwd=None):
    return subprocess.run(["promtool", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture(scope="module")
def live_names(tmp_path_factory):
    """Metric names of one scrape of the built binary with default collectors and the
    flags of the package's /etc/default file (textfile directory made here)."""
    textfile = tmp_path_factory.mktemp("textfile")
    args = []
    m = re.search(r'^ARGS="([^"]*)"', open(DEFAULT_FILE).read(), re.M)
    assert m, "packaging/host_exporter.default has no ARGS=\"...\""
    for a in m.group(1).split():
        if a.startswith("--collector.textfile.directory="):
            a = f"--collector.textfile.directory={textfile}"
        args.append(a)
    with Exporter(args) as e:
        status, _, body = e.get("/metrics")
        assert status == 200
    return scrape_metric_names(body.decode())


@pytest.mark.parametrize("name", ["prometheus.yml", "prometheus-file-sd.yml"])
def test_example_config_is_valid(name):
    r = promtool("check", "config", name, cwd=PROM)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 rule files found" in r.stdout
    assert "WARNING" not in r.stdout + r.stderr, r.stdout + r.stderr


def test_file_sd_example_targets_are_host_exporter_ports():
    conf = yaml.safe_load(open(os.path.join(PROM, "prometheus-file-sd.yml")))
    (job,) = conf["scrape_configs"]
    assert job["job_name"] == "node"
    groups = json.load(open(os.path.join(PROM, "file_sd", "node.json")))
    targets = [t for g in groups for t in g["targets"]]
    assert targets and all(t.endswith(":9100") for t in targets)


def test_kubernetes_config_finds_the_daemonset_service(tmp_path):
    """Debian's Prometheus is built without Kubernetes discovery, so promtool rejects
    kubernetes_sd_configs outright. The discovery block is checked here against the
    manifests; promtool checks the rest (relabelling, rules) with the block swapped
    for a static target."""
    conf = yaml.safe_load(open(os.path.join(PROM, "prometheus-kubernetes.yml")))
    (job,) = conf["scrape_configs"]
    assert job["job_name"] == "node"
    (sd,) = job["kubernetes_sd_configs"]
    assert sd["role"] == "endpoints"
    manifests = []
    for name in sorted(os.listdir(K8S)):
        manifests += [d for d in yaml.safe_load_all(open(os.path.join(K8S, name))) if d]
    (svc,) = [d for d in manifests if d["kind"] == "Service"]
    assert svc["metadata"]["namespace"] in sd["namespaces"]["names"]
    keep = [r for r in job["relabel_configs"] if r.get("action") == "keep"]
    assert keep, "no keep rule: every endpoint in the namespace would be scraped"
    for rule in keep:
        values = {"__meta_kubernetes_service_name": svc["metadata"]["name"],
                  "__meta_kubernetes_endpoint_port_name": svc["spec"]["ports"][0]["name"]}
        joined = rule.get("separator", ";").join(values[label] for label in rule["source_labels"])
        assert re.fullmatch(rule["regex"], joined), (rule, joined)
    static = copy.deepcopy(conf)
    del static["scrape_configs"][0]["kubernetes_sd_configs"]
    static["scrape_configs"][0]["static_configs"] = [{"targets": ["node-1:9100"]}]
    (tmp_path / "rules").symlink_to(os.path.join(PROM, "rules"))
    out = tmp_path / "prometheus.yml"
    out.write_text(yaml.safe_dump(static))
    r = promtool("check", "config", str(out))
    assert r.returncode == 0, r.stdout + r.stderr


def test_rules_are_valid():
    r = promtool("check", "rules", RULES)
    assert r.returncode == 0, r.stdout + r.stderr


def test_rules_unit_tests_pass():
    r = promtool("test", "rules", os.path.basename(RULES_TEST), cwd=os.path.dirname(RULES_TEST))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "SUCCESS" in r.stdout


def test_rules_unit_tests_can_fail(tmp_path):
    # The same tests against rules whose disk threshold is wrong must fail.
    text = open(RULES).read()
    assert "* 100 < 10" in text
    (tmp_path / os.path.basename(RULES)).write_text(text.replace("* 100 < 10", "* 100 < 1"))
    (tmp_path / os.path.basename(RULES_TEST)).write_text(open(RULES_TEST).read())
    r = promtool("test", "rules", os.path.basename(RULES_TEST), cwd=tmp_path)
    assert r.returncode != 0 and "HostFilesystemAlmostOutOfSpace" in r.stdout + r.stderr


def rules():
    return [r for g in yaml.safe_load(open(RULES))["groups"] for r in g["rules"]]


def test_rules_cover_host_health():
    alerts = {r["alert"] for r in rules() if "alert" in r}
    wanted = {"HostExporterDown", "HostExporterCollectorFailed", "HostExporterCollectorTimeouts",
              "HostHighCpuUtilisation", "HostMemoryAlmostFull", "HostFilesystemAlmostOutOfSpace",
              "HostFilesystemFillingUp", "HostFilesystemDeviceError", "HostNetworkReceiveErrors",
              "HostNetworkTransmitErrors", "HostHighLoad", "HostClockSkew", "HostClockNotSynchronising"}
    assert wanted <= alerts, sorted(wanted - alerts)
    tested = set(re.findall(r"alertname: (\w+)", open(RULES_TEST).read()))
    assert alerts <= tested, f"alerts without a promtool unit test: {sorted(alerts - tested)}"
    for r in rules():
        if "alert" in r:
            assert r["labels"]["severity"] in ("warning", "critical")
            assert r["annotations"]["summary"] and r["annotations"]["description"]


def test_rules_use_only_metrics_host_exporter_exposes(live_names):
    recorded = {r["record"] for r in rules() if "record" in r}
    used = set()
    for r in rules():
        used |= promql_metric_names(r["expr"])
    # `up` is Prometheus's own series for every target.
    missing = sorted(used - recorded - {"up"} - live_names)
    assert not missing, f"metrics the rules use that a live scrape lacks: {missing}"
    assert len(used) > 15


def dashboard_queries():
    """[(where, PromQL)] of every panel target and template variable query."""
    d = json.load(open(DASHBOARD))
    out = []

    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                out.append((f"panel {p['title']!r} {t['refId']}", t["expr"]))
            walk(p.get("panels", []))

    walk(d["panels"])
    for v in d["templating"]["list"]:
        if v["type"] == "query":
            q = v["query"]["query"] if isinstance(v["query"], dict) else v["query"]
            m = re.fullmatch(r"label_values\((.*),\s*(\w+)\)", q)
            assert m, f"variable {v['name']}: {q}"
            out.append((f"variable {v['name']}", m.group(1)))
    return out


def substitute_grafana_variables(expr, job="node", instance="localhost:9100"):
    return (expr.replace("$__rate_interval", "1m").replace("$job", job).replace("$instance", instance))


def test_dashboard_structure():
    d = json.load(open(DASHBOARD))
    assert d["uid"] and d["title"] and d["schemaVersion"] >= 30
    rows = [p["title"] for p in d["panels"] if p["type"] == "row"]
    for wanted in ("CPU", "Memory", "Disk", "File systems", "Network"):
        assert wanted in rows
    ids = [p["id"] for p in d["panels"]]
    assert len(ids) == len(set(ids))
    names = [v["name"] for v in d["templating"]["list"]]
    assert names == ["datasource", "job", "instance"]
    for p in d["panels"]:
        if p["type"] != "row":
            assert p["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
            assert p["targets"]


def test_dashboard_queries_parse(tmp_path):
    """promtool parses every query (Grafana's variables substituted) as a rule."""
    group = {"groups": [{"name": "dashboard", "rules": [
        {"record": f"dashboard:query_{i}", "expr": substitute_grafana_variables(expr)}
        for i, (_, expr) in enumerate(dashboard_queries())]}]}
    f = tmp_path / "dashboard.rules.yml"
    f.write_text(yaml.safe_dump(group))
    r = promtool("check", "rules", str(f))
    assert r.returncode == 0, r.stdout + r.stderr


def test_dashboard_metrics_exist_in_a_live_scrape(live_names):
    used = {}
    for where, expr in dashboard_queries():
        for name in promql_metric_names(expr):
            used.setdefault(name, where)
    assert len(used) > 30
    missing = {n: w for n, w in used.items() if n not in live_names}
    assert not missing, f"dashboard metrics missing from a default scrape: {missing}"
