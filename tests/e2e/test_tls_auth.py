"""--web.config.file end to end: TLS settings and client auth modes checked with curl
and openssl s_client, basic auth, headers, rate limit, certificates replaced on disk,
start-up errors, and a real Prometheus scraping over TLS with basic auth. Every
certificate is made here with the openssl CLI."""
import ctypes
import functools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest

from conftest import BINARY, Exporter, fixture_flags, free_port

ONLY_LOADAVG = ["--collector.disable-defaults", "--collector.loadavg"] + fixture_flags("basic")
CLIENT_SANS = "DNS:prom.example.com,IP:10.9.8.7,email:ops@example.com,URI:spiffe://test/prometheus"


def bcrypt(password, cost=10):
    """A $2y$ bcrypt hash, as `htpasswd -nbBC 10` makes, through libxcrypt."""
    lib = ctypes.CDLL("libcrypt.so.1")
    lib.crypt_gensalt.restype = ctypes.c_char_p
    lib.crypt.restype = ctypes.c_char_p
    salt = lib.crypt_gensalt(b"$2y$", cost, None, 0)
    return lib.crypt(password.encode(), salt).decode()


def openssl(cwd, *args):
    r = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


class Certs:
    """A CA, a server certificate for 127.0.0.1, client certificates signed by the CA
    (one with the allowed SANs, one without) and a self-signed 'rogue' client."""

    def __init__(self, d):
        self.d = d
        self.serial = 100
        openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=he-test-ca", "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        self.issue("server", "DNS:localhost,IP:127.0.0.1", "serverAuth")
        self.issue("client", CLIENT_SANS, "clientAuth")
        self.issue("other", "DNS:intruder.example.com", "clientAuth")
        openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "rogue.key", "-out", "rogue.crt", "-subj", "/CN=rogue", "-days", "2",
                "-addext", "subjectAltName=DNS:prom.example.com", "-addext", "extendedKeyUsage=clientAuth")

    def issue(self, name, san, eku, out=None):
        """Signs a new key pair; returns its serial. `out` names the files (default: name)."""
        out = out or name
        self.serial += 1
        ext = os.path.join(self.d, f"{out}.ext")
        with open(ext, "w") as f:
            f.write(f"subjectAltName={san}\nextendedKeyUsage={eku}\nbasicConstraints=CA:FALSE\n")
        openssl(self.d, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", f"{out}.key", "-out", f"{out}.csr", "-subj", f"/CN={name}")
        openssl(self.d, "x509", "-req", "-in", f"{out}.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-set_serial", str(self.serial), "-days", "2", "-out", f"{out}.crt", "-extfile", ext)
        return self.serial

    def path(self, name):
        return os.path.join(self.d, name)


@pytest.fixture(scope="module")
def certs():
    d = tempfile.mkdtemp(prefix="he_tls_")
    try:
        yield Certs(d)
    finally:
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def web(certs, tmp_path):
    """web(yaml) -> a running Exporter with that web config (in tmp_path, beside copies
    of the server key pair, so relative paths are tested too)."""
    started = []
    for f in ("server.crt", "server.key", "ca.crt"):
        shutil.copy(certs.path(f), tmp_path / f)

    def start(yaml, extra=()):
        cfg = tmp_path / "web.yml"
        cfg.write_text(yaml)
        e = Exporter(ONLY_LOADAVG + [f"--web.config.file={cfg}", *extra])
        started.append(e)
        return e

    yield start
    for e in started:
        if e.proc.returncode is None:
            e.stop()


TLS = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"


def curl(certs, port, *args, scheme="https", path="/metrics"):
    """-> (curl exit code, HTTP status, {header: value}, body)"""
    cmd = ["curl", "-sS", "--max-time", "20", "-D", "-", "--cacert", certs.path("ca.crt"), *args,
           f"{scheme}://127.0.0.1:{port}{path}"]
    r = subprocess.run(cmd, capture_output=True, timeout=60)
    out = r.stdout.decode(errors="replace")
    head, _, body = out.partition("\r\n\r\n")
    lines = head.split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0].startswith("HTTP/") else 0
    headers = {}
    for l in lines[1:]:
        k, _, v = l.partition(":")
        headers.setdefault(k.strip().lower(), []).append(v.strip())
    return r.returncode, status, headers, body


def client(certs, name):
    return ["--cert", certs.path(f"{name}.crt"), "--key", certs.path(f"{name}.key")]


def s_client(port, *args):
    """openssl s_client handshake -> (exit code, output)."""
    r = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost", *args],
                       input=b"", capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace")


def served_serial(port):
    rc, out = s_client(port)
    assert rc == 0, out
    cert = out[out.index("-----BEGIN CERTIFICATE-----"):out.index("-----END CERTIFICATE-----") + 25]
    r = subprocess.run(["openssl", "x509", "-noout", "-serial"], input=cert, capture_output=True, text=True, timeout=30)
    return int(r.stdout.strip().split("=")[1], 16)


def test_tls_serves_metrics_and_refuses_plain_http(web, certs):
    e = web(TLS)
    rc, status, headers, body = curl(certs, e.port)
    assert (rc, status) == (0, 200), body
    assert "node_load1 0.21" in body
    rc, status, _, _ = curl(certs, e.port, scheme="http")
    assert status == 0 and rc != 0  # no HTTP answer on a TLS port
    # Default versions: TLS 1.2 and 1.3, never below.
    assert s_client(e.port, "-tls1_2")[0] == 0
    assert s_client(e.port, "-tls1_3")[0] == 0
    rc, out = s_client(e.port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
    assert rc != 0, out


def test_min_and_max_version(web, certs):
    e = web(TLS + "  min_version: TLS13\n")
    assert s_client(e.port, "-tls1_3")[0] == 0
    rc, out = s_client(e.port, "-tls1_2")
    assert rc != 0, out
    e.stop()
    e = web(TLS + "  max_version: TLS12\n")
    rc, out = s_client(e.port, "-tls1_2")
    assert rc == 0 and "Protocol  : TLSv1.2" in out, out
    rc, out = s_client(e.port, "-tls1_3")
    assert rc != 0, out
    rc, status, _, _ = curl(certs, e.port)
    assert (rc, status) == (0, 200)


def test_cipher_suites_restrict_tls12(web, certs):
    e = web(TLS + "  max_version: TLS12\n  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n")
    rc, out = s_client(e.port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256")
    assert rc == 0 and "Cipher is ECDHE-ECDSA-AES256-GCM-SHA384" in out, out
    rc, out = s_client(e.port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")
    assert rc != 0, out


def test_prefer_server_cipher_suites(web, certs):
    suites = "[TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]"
    client_order = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"
    e = web(TLS + f"  max_version: TLS12\n  cipher_suites: {suites}\n")
    rc, out = s_client(e.port, "-tls1_2", "-cipher", client_order)
    assert rc == 0 and "Cipher is ECDHE-ECDSA-AES256-GCM-SHA384" in out, out  # the server's first choice
    e.stop()
    e = web(TLS + f"  max_version: TLS12\n  cipher_suites: {suites}\n  prefer_server_cipher_suites: false\n")
    rc, out = s_client(e.port, "-tls1_2", "-cipher", client_order)
    assert rc == 0 and "Cipher is ECDHE-ECDSA-AES128-GCM-SHA256" in out, out  # the client's


def test_curve_preferences(web, certs):
    e = web(TLS + "  curve_preferences: [CurveP384]\n")
    rc, out = s_client(e.port, "-groups", "P-384")
    assert rc == 0, out
    rc, out = s_client(e.port, "-groups", "X25519:P-256")
    assert rc != 0, out


# Client auth mode -> (no certificate, CA-signed certificate, self-signed certificate) accepted?
CLIENT_AUTH = {
    "NoClientCert": (True, True, True),
    "RequestClientCert": (True, True, True),
    "RequireAnyClientCert": (False, True, True),
    "RequireClientCert": (False, True, True),
    "VerifyClientCertIfGiven": (True, True, False),
    "RequireAndVerifyClientCert": (False, True, False),
}


@pytest.mark.parametrize("mode", sorted(CLIENT_AUTH))
@pytest.mark.parametrize("tls_max", ["TLS12", "TLS13"])
def test_client_auth_modes(web, certs, mode, tls_max):
    ca = "" if mode == "NoClientCert" else "  client_ca_file: ca.crt\n"
    e = web(TLS + ca + f"  client_auth_type: {mode}\n  max_version: {tls_max}\n")
    for accepted, args, what in zip(CLIENT_AUTH[mode], ([], client(certs, "client"), client(certs, "rogue")),
                                    ("no certificate", "CA-signed certificate", "self-signed certificate")):
        rc, status, _, body = curl(certs, e.port, *args)
        if accepted:
            assert (rc, status) == (0, 200), f"{mode} refused a client with {what}"
            assert "node_load1" in body
        else:
            assert rc != 0 and status == 0, f"{mode} served a client with {what}"


@pytest.mark.parametrize("san", ["prom.example.com", "10.9.8.7", "ops@example.com", "spiffe://test/prometheus"])
def test_client_allowed_sans(web, certs, san):
    e = web(TLS + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n"
                  f"  client_allowed_sans: [\"{san}\", \"unrelated.example.com\"]\n")
    rc, status, _, _ = curl(certs, e.port, *client(certs, "client"))
    assert (rc, status) == (0, 200)
    rc, status, _, _ = curl(certs, e.port, *client(certs, "other"))  # signed by the CA, SAN not allowed
    assert rc != 0 and status == 0


def test_client_allowed_sans_without_chain_verification(web, certs):
    e = web(TLS + "  client_ca_file: ca.crt\n  client_auth_type: RequireAnyClientCert\n"
                  "  client_allowed_sans: [prom.example.com]\n")
    rc, status, _, _ = curl(certs, e.port, *client(certs, "rogue"))  # self-signed, allowed SAN
    assert (rc, status) == (0, 200)
    rc, status, _, _ = curl(certs, e.port, *client(certs, "other"))
    assert rc != 0 and status == 0


def test_inline_certificates(web, certs):
    def indent(path):
        return "".join("    " + l for l in open(path))
    e = web("tls_server_config:\n  cert: |\n" + indent(certs.path("server.crt")) + "  key: |\n" +
            indent(certs.path("server.key")) + "  client_ca: |\n" + indent(certs.path("ca.crt")) +
            "  client_auth_type: RequireAndVerifyClientCert\n")
    rc, status, _, _ = curl(certs, e.port, *client(certs, "client"))
    assert (rc, status) == (0, 200)
    rc, status, _, _ = curl(certs, e.port)
    assert rc != 0 and status == 0


@functools.lru_cache(maxsize=1)
def users_yaml():
    return f"basic_auth_users:\n  alice: {bcrypt('s3cret')}\n  bob: '{bcrypt('hunter2')}'\n"


@pytest.mark.parametrize("tls", [True, False])
def test_basic_auth(web, certs, tls):
    e = web((TLS if tls else "") + users_yaml())
    scheme = "https" if tls else "http"
    rc, status, _, body = curl(certs, e.port, "-u", "alice:s3cret", scheme=scheme)
    assert status == 200 and "node_load1" in body
    rc, status, _, _ = curl(certs, e.port, "-u", "bob:hunter2", scheme=scheme, path="/")
    assert status == 200
    for args in (["-u", "alice:wrong"], [], ["-u", "mallory:s3cret"], ["-u", "alice:"],
                 ["-H", "Authorization: Bearer s3cret"]):
        rc, status, headers, body = curl(certs, e.port, *args, scheme=scheme)
        assert status == 401, args
        assert headers["www-authenticate"] == ["Basic"], args
        assert body == "Unauthorized\n" and "node_load1" not in body
    # HEAD and unknown paths are behind auth too.
    rc, status, _, _ = curl(certs, e.port, "-I", scheme=scheme, path="/nope")
    assert status == 401


def test_headers_on_every_response(web, certs):
    e = web(TLS + users_yaml() + "http_server_config:\n  http2: true\n  headers:\n"
            "    X-Frame-Options: sameorigin\n    X-Content-Type-Options: nosniff\n"
            "    Content-Security-Policy: \"default-src 'none'\"\n"
            "    Strict-Transport-Security: max-age=31536000; includeSubDomains\n"
            "    X-XSS-Protection: \"\"\n")
    for args, want in ((["-u", "alice:s3cret"], 200), ([], 401)):
        rc, status, headers, _ = curl(certs, e.port, *args)
        assert status == want
        assert headers["x-frame-options"] == ["sameorigin"]
        assert headers["x-content-type-options"] == ["nosniff"]
        assert headers["content-security-policy"] == ["default-src 'none'"]
        assert headers["strict-transport-security"] == ["max-age=31536000; includeSubDomains"]
        assert "x-xss-protection" not in headers  # blank: unset


def test_rate_limit_answers_429_before_auth(web, certs):
    e = web(users_yaml() + "rate_limit:\n  interval: 1m\n  burst: 3\n")
    statuses = [curl(certs, e.port, "-u", "alice:s3cret", scheme="http")[1] for _ in range(3)]
    assert statuses == [200, 200, 200]
    rc, status, headers, body = curl(certs, e.port, "-u", "alice:s3cret", scheme="http")
    assert status == 429 and body == "Too Many Requests\n"
    rc, status, headers, body = curl(certs, e.port, "-u", "alice:wrong", scheme="http")
    assert status == 429  # the limiter runs before basic auth
    assert "www-authenticate" not in headers


def test_rate_limit_refills(web, certs):
    e = web("rate_limit:\n  interval: 200ms\n  burst: 1\n")
    assert curl(certs, e.port, scheme="http")[1] == 200
    assert curl(certs, e.port, scheme="http")[1] == 429
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if curl(certs, e.port, scheme="http")[1] == 200:
            break
    else:
        pytest.fail("the bucket never refilled")


def test_replaced_certificate_is_picked_up_without_restart(web, certs, tmp_path):
    e = web(TLS)
    first = served_serial(e.port)
    # A new pair, renamed into place as certificate managers do.
    serial = certs.issue("server", "DNS:localhost,IP:127.0.0.1", "serverAuth", out="server-new")
    shutil.copy(certs.path("server-new.key"), tmp_path / "server.key.tmp")
    shutil.copy(certs.path("server-new.crt"), tmp_path / "server.crt.tmp")
    os.rename(tmp_path / "server.key.tmp", tmp_path / "server.key")
    os.rename(tmp_path / "server.crt.tmp", tmp_path / "server.crt")
    assert serial != first
    assert served_serial(e.port) == serial
    # A broken replacement: the last good certificate keeps serving.
    (tmp_path / "server.crt").write_text("-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n")
    assert served_serial(e.port) == serial
    rc, status, _, _ = curl(certs, e.port)
    assert (rc, status) == (0, 200)
    _, err = e.stop()
    assert "Unable to reload TLS certificates" in err and str(tmp_path / "server.crt") in err, err[-2000:]


def test_edited_config_is_picked_up_without_restart(web, certs, tmp_path):
    e = web(TLS + "basic_auth_users:\n  alice: " + bcrypt("one") + "\n")
    assert curl(certs, e.port, "-u", "alice:one")[1] == 200
    cfg = tmp_path / "web.yml"
    (tmp_path / "web.yml.tmp").write_text(TLS + "basic_auth_users:\n  alice: " + bcrypt("two") + "\n")
    os.rename(tmp_path / "web.yml.tmp", cfg)
    assert curl(certs, e.port, "-u", "alice:one")[1] == 401
    assert curl(certs, e.port, "-u", "alice:two")[1] == 200
    (tmp_path / "web.yml.tmp").write_text(TLS + "basic_auth_users:\n  alice: plaintext\n")
    os.rename(tmp_path / "web.yml.tmp", cfg)
    assert curl(certs, e.port, "-u", "alice:two")[1] == 200  # broken edit: last good config


def start_failure(args, timeout=20):
    r = subprocess.run([BINARY, f"--web.listen-address=127.0.0.1:{free_port()}", *ONLY_LOADAVG, *args],
                       capture_output=True, text=True, timeout=timeout)
    return r.returncode, r.stderr


BAD_CONFIGS = {
    "unknown_key": (TLS + "  cert_fil: x\n", ['key \\"tls_server_config.cert_fil\\": unknown key']),
    "duplicate_key": (TLS + "  key_file: other.key\n", ['key \\"tls_server_config.key_file\\": duplicate key']),
    "missing_cert": ("tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n",
                     ["failed to read cert_file (", "nope.crt"]),
    "missing_key": ("tls_server_config:\n  cert_file: server.crt\n", ["missing one of key or key_file"]),
    "bad_key_pair": ("tls_server_config:\n  cert_file: server.crt\n  key_file: client.key\n",
                     ["does not match", "client.key"]),
    "not_a_cert": ("tls_server_config:\n  cert_file: web.yml\n  key_file: server.key\n",
                   ["no PEM certificate found in cert_file (", "web.yml"]),
    "ca_without_policy": (TLS + "  client_ca_file: ca.crt\n",
                          ["client CA's have been configured without a Client Auth Policy"]),
    "bad_ca_file": (TLS + "  client_ca_file: nope.pem\n  client_auth_type: RequireAndVerifyClientCert\n",
                    ["failed to read client_ca_file (", "nope.pem"]),
    "sans_need_require": (TLS + "  client_ca_file: ca.crt\n  client_auth_type: VerifyClientCertIfGiven\n"
                          "  client_allowed_sans: [a]\n", ["client_allowed_sans requires client_auth_type"]),
    "unknown_cipher": (TLS + "  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n", ["unknown cipher: TLS_RSA_WITH_RC4_128_SHA"]),
    "unknown_version": (TLS + "  min_version: SSL3\n", ["unknown TLS version: SSL3"]),
    "bad_client_auth": (TLS + "  client_auth_type: Maybe\n", ["invalid ClientAuth: Maybe"]),
    "malformed_hash": ("basic_auth_users:\n  carol: s3cret\n", ['user \\"carol\\": invalid bcrypt hash']),
    "bad_header": ("http_server_config:\n  headers:\n    Server: x\n", ['HTTP header \\"Server\\" can not be configured']),
    "bad_yaml": ("tls_server_config: [\n", ["invalid YAML"]),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_config_stops_startup_naming_key_or_file(certs, tmp_path, name):
    yaml, needles = BAD_CONFIGS[name]
    for f in ("server.crt", "server.key", "ca.crt", "client.key"):
        shutil.copy(certs.path(f), tmp_path / f)
    cfg = tmp_path / "web.yml"
    cfg.write_text(yaml)
    rc, err = start_failure([f"--web.config.file={cfg}"])
    assert rc != 0
    lines = [l for l in err.splitlines() if "web config file" in l]
    assert len(lines) == 1, err  # one line, naming the file
    assert str(cfg) in lines[0], err
    for n in needles:
        assert n in lines[0], (n, lines[0])


def test_missing_config_file_stops_startup(tmp_path):
    rc, err = start_failure([f"--web.config.file={tmp_path}/absent.yml"])
    assert rc != 0 and f"{tmp_path}/absent.yml" in err, err


def http_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def test_prometheus_scrapes_over_tls_with_basic_auth_and_client_cert(web, certs, tmp_path):
    e = web(TLS + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n"
                  "  client_allowed_sans: [prom.example.com]\n" + users_yaml())
    prom_port = free_port()
    tls = (f"    tls_config:\n      ca_file: {certs.path('ca.crt')}\n      cert_file: {certs.path('client.crt')}\n"
           f"      key_file: {certs.path('client.key')}\n")
    (tmp_path / "prometheus.yml").write_text(
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        "scrape_configs:\n"
        f"  - job_name: node\n    scheme: https\n{tls}"
        f"    basic_auth:\n      username: alice\n      password: s3cret\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{e.port}']\n"
        f"  - job_name: wrongpass\n    scheme: https\n{tls}"
        f"    basic_auth:\n      username: alice\n      password: nope\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{e.port}']\n")
    prom = subprocess.Popen(["prometheus", f"--config.file={tmp_path / 'prometheus.yml'}",
                             f"--storage.tsdb.path={tmp_path / 'data'}", f"--web.listen-address=127.0.0.1:{prom_port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        up = {}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert prom.poll() is None, prom.stderr.read()[-3000:]
            try:
                res = http_json(f"http://127.0.0.1:{prom_port}/api/v1/query?query=up")["data"]["result"]
                up = {r["metric"]["job"]: r["value"][1] for r in res}
            except (OSError, KeyError, ValueError):
                pass
            if up.get("node") == "1" and "wrongpass" in up:
                break
            time.sleep(0.5)
        assert up.get("node") == "1", up
        assert up.get("wrongpass") == "0", up
        res = http_json(f"http://127.0.0.1:{prom_port}/api/v1/query?query=node_load1")["data"]["result"]
        assert res and res[0]["value"][1] == "0.21", res
    finally:
        prom.terminate()
        try:
            prom.wait(timeout=20)
        except subprocess.TimeoutExpired:
            prom.kill()
            prom.wait()
