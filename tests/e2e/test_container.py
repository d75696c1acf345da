"""Container and Kubernetes files, checked without a container engine or a cluster:
packaging/Dockerfile (parsed; its package names looked up with apt-cache and compared
with what the binary links and what tools/install-deps.sh builds with),
packaging/docker-compose.yml and packaging/kubernetes/ (structure, field names against
the Kubernetes API models of python3-kubernetes, and the arguments they pass run by
the real binary)."""
import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BINARY, SOURCE
from deploy_util import (PACKAGING, apt_known_packages, binary_library_packages, install_deps_packages,
                         run_container_args)

DOCKERFILE = os.path.join(PACKAGING, "Dockerfile")
COMPOSE = os.path.join(PACKAGING, "docker-compose.yml")
K8S = os.path.join(PACKAGING, "kubernetes")

# In every Debian image (Essential), so the runtime stage need not name it.
ESSENTIAL = {"libc6"}
# Sanitizer runtimes: present only when the tests run on a sanitizer build; the image
# is built without sanitizers.
SANITIZER = re.compile(r"^lib(asan|ubsan|tsan|lsan)\d+$")
# Only needed for the tests or for building the .deb, never in the image.
TEST_ONLY = {"libgtest-dev", "libgmock-dev", "libbenchmark-dev", "dpkg-dev"}


def dockerfile_stages():
    """[{"from": image, "name": alias, "instructions": [(KEYWORD, argument)]}]"""
    logical, cur = [], ""
    for line in open(DOCKERFILE).read().splitlines():
        if not cur and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.lstrip().startswith("#"):  # a comment inside a continued instruction
            continue
        if line.rstrip().endswith("\\"):
            cur += line.rstrip()[:-1] + " "
            continue
        logical.append(cur + line)
        cur = ""
    assert not cur, "Dockerfile ends inside a continued line"
    stages = []
    for line in logical:
        keyword, _, arg = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            m = re.match(r"(\S+)(?:\s+AS\s+(\S+))?\s*$", arg.strip(), re.I)
            assert m, f"bad FROM: {arg}"
            stages.append({"from": m.group(1), "name": m.group(2), "instructions": []})
        else:
            assert stages, f"{keyword} before FROM"
            stages[-1]["instructions"].append((keyword, arg.strip()))
    return stages


def apt_installs(stage):
    """Package names of the stage's `apt-get install` commands."""
    pkgs = []
    for keyword, arg in stage["instructions"]:
        if keyword != "RUN":
            continue
        for cmd in re.split(r"&&|;", arg):
            words = cmd.split()
            if "apt-get" in words and "install" in words:
                after = words[words.index("install") + 1:]
                pkgs += [w for w in after if not w.startswith("-") and "=" not in w]
    return pkgs


def test_dockerfile_is_multi_stage_on_debian_12_slim_and_non_root():
    stages = dockerfile_stages()
    assert len(stages) >= 2
    build, runtime = stages[0], stages[-1]
    assert build["from"] == "debian:12" and build["name"]
    assert runtime["from"] == "debian:12-slim"
    users = [a for k, a in runtime["instructions"] if k == "USER"]
    assert users, "the runtime stage must set USER"
    uid = users[-1].split(":")[0]
    assert uid not in ("0", "root") and uid.isdigit() and int(uid) > 0
    copies = [a for k, a in runtime["instructions"] if k == "COPY"]
    assert any(a.startswith(f"--from={build['name']} ") and a.endswith(" /bin/host_exporter") for a in copies), copies
    entry = [a for k, a in runtime["instructions"] if k == "ENTRYPOINT"]
    assert entry and json.loads(entry[-1]) == ["/bin/host_exporter"]
    assert [a for k, a in runtime["instructions"] if k == "EXPOSE"] == ["9100"]


def test_dockerfile_packages_exist_in_debian():
    stages = dockerfile_stages()
    names = apt_installs(stages[0]) + apt_installs(stages[-1])
    assert len(names) > 10
    missing = sorted(set(names) - apt_known_packages(names))
    assert not missing, f"not Debian packages (apt-cache show): {missing}"


def test_dockerfile_runtime_stage_has_every_library_the_binary_links():
    runtime = set(apt_installs(dockerfile_stages()[-1]))
    needed = binary_library_packages(os.path.abspath(BINARY))
    assert needed, "ldd found no libraries"
    missing = {p: path for p, path in needed.items()
               if p not in runtime and p not in ESSENTIAL and not SANITIZER.match(p)}
    assert not missing, f"add to the Dockerfile's runtime stage: {missing}"


def test_dockerfile_build_stage_has_every_build_dependency():
    build = set(apt_installs(dockerfile_stages()[0]))
    dev = {p for p in install_deps_packages() if p.endswith("-dev") and p not in TEST_ONLY}
    assert dev, "no -dev packages in tools/install-deps.sh"
    assert dev <= build, f"add to the Dockerfile's build stage: {sorted(dev - build)}"
    for tool in ("cmake", "ninja-build", "g++", "pkg-config"):
        assert tool in build


def test_dockerfile_default_arguments_run():
    runtime = dockerfile_stages()[-1]
    cmd = [a for k, a in runtime["instructions"] if k == "CMD"]
    args = json.loads(cmd[-1])
    for flag in ("--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"):
        assert flag in args
    text = run_container_args(args)
    assert 'node_filesystem_avail_bytes{device=' in text


def test_dockerignore_keeps_build_trees_out_of_the_context():
    ignore = open(os.path.join(SOURCE, ".dockerignore")).read().split()
    for pattern in (".git", "build*"):
        assert pattern in ignore


# --- docker compose --------------------------------------------------------------

def compose():
    with open(COMPOSE) as f:
        return yaml.safe_load(f)


def volume_specs(service):
    out = []
    for v in service.get("volumes", []):
        parts = v.split(":")
        out.append((parts[0], parts[1], parts[2].split(",") if len(parts) > 2 else []))
    return out


def test_compose_runs_the_exporter_on_the_host_with_prometheus_and_grafana():
    c = compose()
    services = c["services"]
    assert {"host_exporter", "prometheus", "grafana"} <= set(services)
    he = services["host_exporter"]
    build = he["build"]
    context = os.path.normpath(os.path.join(PACKAGING, build["context"]))
    assert context == os.path.normpath(SOURCE)
    assert os.path.isfile(os.path.join(context, build["dockerfile"]))
    assert he["network_mode"] == "host" and he["pid"] == "host"
    assert he.get("read_only") is True and he.get("cap_drop") == ["ALL"]
    mounts = {target: (source, opts) for source, target, opts in volume_specs(he)}
    for target, source in (("/host/proc", "/proc"), ("/host/sys", "/sys"), ("/host/root", "/")):
        assert mounts[target][0] == source and "ro" in mounts[target][1], target
    for flag in ("--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"):
        assert flag in he["command"]
    run_container_args(he["command"])


def test_compose_files_exist_and_prometheus_config_is_valid(tmp_path):
    services = compose()["services"]
    for name in ("prometheus", "grafana"):
        for source, target, _ in volume_specs(services[name]):
            if source.startswith("."):
                assert os.path.exists(os.path.join(PACKAGING, source)), f"{name}: {source} is missing"
    # Lay the Prometheus container's /etc/prometheus out as compose mounts it, then
    # let promtool check the configuration and the rule files it names.
    root = tmp_path / "root"
    for source, target, _ in volume_specs(services["prometheus"]):
        if source.startswith("."):
            dest = root / target.lstrip("/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            src = os.path.join(PACKAGING, source)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dest)
    config = root / "etc/prometheus/prometheus.yml"
    r = subprocess.run(["promtool", "check", "config", str(config)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 rule files found" in r.stdout
    conf = yaml.safe_load(config.read_text())
    targets = [t for sc in conf["scrape_configs"] for s in sc.get("static_configs", []) for t in s["targets"]]
    assert targets == ["host.docker.internal:9100"]
    assert "host.docker.internal:host-gateway" in services["prometheus"]["extra_hosts"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in services["prometheus"]["command"]


def test_compose_grafana_is_provisioned_with_prometheus_and_the_dashboard():
    services = compose()["services"]
    mounts = {target: source for source, target, _ in volume_specs(services["grafana"])}
    prov = os.path.join(PACKAGING, mounts["/etc/grafana/provisioning"])
    ds = yaml.safe_load(open(os.path.join(prov, "datasources", "prometheus.yml")))["datasources"]
    assert ds[0]["type"] == "prometheus"
    listen = [a for a in services["prometheus"]["command"] if a.startswith("--web.listen-address=")]
    assert ds[0]["url"] == "http://prometheus:" + listen[0].rsplit(":", 1)[1]
    providers = yaml.safe_load(open(os.path.join(prov, "dashboards", "host_exporter.yml")))["providers"]
    path = providers[0]["options"]["path"]
    dashboards = [t for t in mounts if t.startswith(path + "/") and t.endswith(".json")]
    assert dashboards, f"no dashboard mounted under {path}"
    for t in dashboards:
        assert os.path.isfile(os.path.join(PACKAGING, mounts[t]))
        json.load(open(os.path.join(PACKAGING, mounts[t])))


# --- Kubernetes ------------------------------------------------------------------

def k8s_docs():
    docs = []
    for name in sorted(os.listdir(K8S)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(K8S, name)) as f:
                docs += [d for d in yaml.safe_load_all(f) if d]
    return docs


def k8s_kind(kind):
    found = [d for d in k8s_docs() if d["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def check_fields(obj, type_name, path):
    """Every key is a field of the Kubernetes API type (python3-kubernetes models), all
    the way down: a misspelt field would be dropped or rejected by the API server."""
    import kubernetes.client as k8s
    if type_name == "object":
        return
    m = re.fullmatch(r"list\[(.+)\]", type_name)
    if m:
        assert isinstance(obj, list), f"{path}: expected a list"
        for i, item in enumerate(obj):
            check_fields(item, m.group(1), f"{path}[{i}]")
        return
    m = re.fullmatch(r"dict\(str, (.+)\)", type_name)
    if m:
        assert isinstance(obj, dict), f"{path}: expected a map"
        for key, val in obj.items():
            check_fields(val, m.group(1), f"{path}.{key}")
        return
    primitive = {"str": str, "int": int, "bool": bool, "float": (int, float)}
    if type_name in primitive:
        assert isinstance(obj, primitive[type_name]) and not (type_name == "int" and isinstance(obj, bool)), \
            f"{path}: expected {type_name}, got {obj!r}"
        return
    cls = getattr(k8s, type_name)
    assert isinstance(obj, dict), f"{path}: expected a {type_name} object"
    by_json = {v: k for k, v in cls.attribute_map.items()}
    for key, val in obj.items():
        assert key in by_json, f"{path}.{key}: not a field of {type_name}"
        check_fields(val, cls.openapi_types[by_json[key]], f"{path}.{key}")


def test_kubernetes_manifests_use_only_real_fields():
    import kubernetes.client as k8s

    class Response:
        def __init__(self, doc):
            self.data = json.dumps(doc)

    api = k8s.ApiClient()
    kinds = set()
    for doc in k8s_docs():
        type_name = "V1" + doc["kind"]
        assert doc["apiVersion"] == ("apps/v1" if doc["kind"] == "DaemonSet" else "v1")
        check_fields(doc, type_name, doc["kind"])
        # Deserializing also enforces required fields (e.g. containers, ports).
        api.deserialize(Response(doc), type_name)
        kinds.add(doc["kind"])
    assert {"DaemonSet", "Service"} <= kinds


def test_kubernetes_field_check_can_fail():
    with pytest.raises(AssertionError, match="readOnlyRootFileSystem"):
        check_fields({"readOnlyRootFileSystem": True}, "V1SecurityContext", "c")


def test_daemonset_runs_on_every_node_in_the_host_namespaces():
    ds = k8s_kind("DaemonSet")
    pod = ds["spec"]["template"]["spec"]
    assert pod["hostNetwork"] is True and pod["hostPID"] is True
    # A toleration with operator Exists and no key tolerates every taint.
    assert any(t.get("operator") == "Exists" and "key" not in t and "effect" not in t
               for t in pod.get("tolerations", [])), pod.get("tolerations")
    assert ds["spec"]["selector"]["matchLabels"].items() <= ds["spec"]["template"]["metadata"]["labels"].items()


def test_daemonset_mounts_the_host_read_only_and_points_the_flags_at_it():
    pod = k8s_kind("DaemonSet")["spec"]["template"]["spec"]
    (c,) = pod["containers"]
    volumes = {v["name"]: v["hostPath"]["path"] for v in pod["volumes"]}
    mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
    for inside, host, flag in (("/host/proc", "/proc", "--path.procfs"), ("/host/sys", "/sys", "--path.sysfs"),
                               ("/host/root", "/", "--path.rootfs")):
        m = mounts[inside]
        assert volumes[m["name"]] == host and m.get("readOnly") is True, inside
        assert f"{flag}={inside}" in c["args"]
    assert mounts["/host/root"].get("mountPropagation") == "HostToContainer"
    text = run_container_args(c["args"])
    assert "node_cpu_seconds_total" in text


def test_daemonset_is_locked_down_limited_and_probed():
    pod = k8s_kind("DaemonSet")["spec"]["template"]["spec"]
    (c,) = pod["containers"]
    psc, csc = pod.get("securityContext", {}), c["securityContext"]
    assert psc.get("runAsNonRoot") is True and psc.get("runAsUser", 0) > 0
    assert csc["readOnlyRootFilesystem"] is True and csc["allowPrivilegeEscalation"] is False
    assert csc["capabilities"]["drop"] == ["ALL"] and "add" not in csc["capabilities"]
    for kind in ("requests", "limits"):
        assert set(c["resources"][kind]) >= {"cpu", "memory"}, kind
    ports = {p["name"]: p for p in c["ports"]}
    assert ports["metrics"]["containerPort"] == 9100 == ports["metrics"]["hostPort"]
    listen = [a for a in c["args"] if a.startswith("--web.listen-address=")]
    assert listen == ["--web.listen-address=:9100"]
    for probe in ("livenessProbe", "readinessProbe"):
        get = c[probe]["httpGet"]
        assert get["port"] in ("metrics", 9100) and get["path"] == "/", probe


def test_service_selects_the_daemonset_pods_on_the_metrics_port():
    ds, svc = k8s_kind("DaemonSet"), k8s_kind("Service")
    assert svc["metadata"]["namespace"] == ds["metadata"]["namespace"]
    labels = ds["spec"]["template"]["metadata"]["labels"]
    assert svc["spec"]["selector"].items() <= labels.items()
    (port,) = svc["spec"]["ports"]
    container_ports = {p["name"]: p["containerPort"] for p in ds["spec"]["template"]["spec"]["containers"][0]["ports"]}
    assert port["targetPort"] in container_ports or port["targetPort"] in container_ports.values()
    assert port["name"] == "metrics" and port["port"] == 9100
    namespaces = [d for d in k8s_docs() if d["kind"] == "Namespace"]
    assert [n["metadata"]["name"] for n in namespaces] == [ds["metadata"]["namespace"]]
