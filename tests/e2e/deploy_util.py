"""Helpers shared by the deployment tests (container, Kubernetes, Prometheus files)."""
import os
import re
import subprocess
import urllib.error
import urllib.request

from conftest import SOURCE, Exporter

PACKAGING = os.path.join(SOURCE, "packaging")

# Container paths of the host's file systems, and where they are on this machine.
CONTAINER_PATHS = [("/host/proc", "/proc"), ("/host/sys", "/sys"), ("/host/root", "/")]


def to_host_path(path):
    for inside, outside in CONTAINER_PATHS:
        if path == inside:
            return outside
        if path.startswith(inside + "/"):
            return os.path.join(outside, path[len(inside) + 1:])
    return path


def run_container_args(args):
    """Starts the built binary with a deployment's arguments, the container mount points
    mapped back to this host's paths and the listen address moved to 127.0.0.1, then
    fetches the landing page (the probes' path) and /metrics. -> metrics text.
    A flag the binary does not know, or a bad value, fails here."""
    mapped = []
    for a in args:
        if a.startswith("--web.listen-address="):
            continue
        m = re.match(r"(--path\.[a-z.]+)=(.*)$", a)
        mapped.append(f"{m.group(1)}={to_host_path(m.group(2))}" if m else a)
    with Exporter(mapped) as e:
        status, _, _ = e.get("/")
        assert status == 200
        status, _, body = e.get("/metrics")
        assert status == 200
        return body.decode()


def install_deps_packages():
    """The package names tools/install-deps.sh installs."""
    text = open(os.path.join(SOURCE, "tools", "install-deps.sh")).read()
    m = re.search(r'pkgs="([^"]*)"', text)
    assert m, "tools/install-deps.sh: no pkgs=\"...\" list"
    return m.group(1).split()


def apt_known_packages(names):
    """The subset of `names` that apt knows (one apt-cache call: it is slow)."""
    r = subprocess.run(["apt-cache", "show", "--no-all-versions", *names], capture_output=True, text=True,
                       timeout=120)
    return {line.split(":", 1)[1].strip() for line in r.stdout.splitlines() if line.startswith("Package:")}


def binary_library_packages(binary):
    """Debian packages owning the shared libraries `binary` links directly (its NEEDED
    entries, resolved by ldd, owners from dpkg -S). -> {package: library path}
    Their own dependencies come with them through the packages' Depends."""
    dyn = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, timeout=60, check=True).stdout
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn))
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, timeout=60, check=True).stdout
    libs = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+(/\S+)", line)
        if not m or m.group(1) not in needed:
            continue
        path = m.group(2)
        # Debian 12 has merged /usr: a package may list /lib/... or /usr/lib/....
        names = {path, os.path.realpath(path)}
        names |= {n[4:] if n.startswith("/usr/") else "/usr" + n for n in list(names)}
        libs[path] = names
    assert libs, f"ldd found no libraries in {binary}"
    every = sorted(set().union(*libs.values()))
    r = subprocess.run(["dpkg", "-S", *every], capture_output=True, text=True, timeout=120)
    owner = {}
    for line in r.stdout.splitlines():
        pkg, _, path = line.partition(": ")
        owner[path.strip()] = pkg.split(":")[0].strip()
    pkgs = {}
    for path, names in libs.items():
        found = [owner[n] for n in sorted(names) if n in owner]
        assert found, f"no Debian package owns {path}"
        pkgs[found[0]] = path
    return pkgs


PROMQL_KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
                   "bool", "offset", "inf", "nan", "atan2"}


def promql_metric_names(expr):
    """Metric names a PromQL expression selects: identifiers that are not functions,
    aggregations, keywords, label names (in {...} or by/without/on/ignoring lists),
    durations or strings."""
    s = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    s = re.sub(r"'(?:[^'\\]|\\.)*'", "''", s)
    s = re.sub(r"\{[^}]*\}", " ", s)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    names = set()
    for m in re.finditer(r"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", s):
        if m.group(2) or m.group(1).lower() in PROMQL_KEYWORDS:
            continue
        names.add(m.group(1))
    return names


def scrape_metric_names(text):
    """Family names in a text exposition (summary/histogram suffixes included)."""
    names = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            names.add(re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0))
    return names
