"""systemd integration without systemd running: --web.systemd-socket serves a listening
socket passed as fd 3 (LISTEN_FDS/LISTEN_PID, as systemd and systemd-socket-activate
pass it), and READY=1 / STOPPING=1 reach the unix datagram socket in NOTIFY_SOCKET."""
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import BINARY, fixture_flags, free_port

ONLY_LOADAVG = ["--collector.disable-defaults", "--collector.loadavg"] + fixture_flags("basic")


def listening_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s


def activate(sock, args, env=None, listen_pid="$$"):
    """Starts the binary with `sock` as fd 3 through a shell (bash: fds above 9) that
    sets LISTEN_PID to its own pid and then execs (so the pid is the exporter's)."""
    fd = sock.fileno()
    move = "" if fd == 3 else f"exec 3<&{fd} {fd}<&-; "
    script = f'{move}export LISTEN_FDS=1 LISTEN_PID={listen_pid}; exec "$@"'
    full_env = dict(os.environ, **(env or {}))
    for k in ("LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET"):
        if k not in (env or {}):
            full_env.pop(k, None)
    return subprocess.Popen(["/bin/bash", "-c", script, "bash", BINARY, *args], pass_fds=(fd,), env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def get(port, path="/metrics"):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_served(proc, port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exporter exited: {proc.stderr.read()[-2000:]}")
        try:
            return get(port)
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("no answer on the activated socket")


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.communicate()[1]


@pytest.fixture
def notify_socket(tmp_path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    path = str(tmp_path / "notify")
    s.bind(path)
    s.settimeout(20)
    try:
        yield s, path
    finally:
        s.close()


def test_serves_the_activated_socket_not_the_listen_address():
    sock = listening_socket()
    port = sock.getsockname()[1]
    other = free_port()
    proc = activate(sock, ["--web.systemd-socket", f"--web.listen-address=127.0.0.1:{other}", *ONLY_LOADAVG])
    try:
        sock.close()  # the exporter holds its own copy
        status, body = wait_served(proc, port)
        assert status == 200 and "node_load1 0.21" in body
        # Many connections in a row: the accept loop keeps up and hands each to the reactor.
        for _ in range(50):
            assert get(port, "/")[0] == 200
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", other), timeout=2).close()
    finally:
        err = stop(proc)
    assert "systemd activated listeners" in err, err


def test_activated_socket_with_tls(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "k.pem", "-out", "c.pem", "-subj", "/CN=localhost", "-days", "1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], cwd=tmp_path, check=True, capture_output=True, timeout=60)
    (tmp_path / "web.yml").write_text("tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n")
    sock = listening_socket()
    port = sock.getsockname()[1]
    proc = activate(sock, ["--web.systemd-socket", f"--web.config.file={tmp_path / 'web.yml'}", *ONLY_LOADAVG])
    try:
        sock.close()
        deadline = time.monotonic() + 20
        while True:
            r = subprocess.run(["curl", "-sS", "--cacert", str(tmp_path / "c.pem"), "-o", "/dev/null", "-w",
                                "%{http_code}", f"https://127.0.0.1:{port}/metrics"], capture_output=True, text=True,
                               timeout=30)
            if r.stdout == "200" or time.monotonic() > deadline or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert r.stdout == "200", r.stderr
    finally:
        stop(proc)


def test_ready_and_stopping_notifications(notify_socket):
    ns, path = notify_socket
    sock = listening_socket()
    port = sock.getsockname()[1]
    proc = activate(sock, ["--web.systemd-socket", *ONLY_LOADAVG], env={"NOTIFY_SOCKET": path})
    try:
        sock.close()
        assert ns.recv(4096) == b"READY=1"
        # Ready means serving: the first request after READY=1 is answered.
        assert get(port)[0] == 200
        proc.send_signal(signal.SIGTERM)
        assert ns.recv(4096) == b"STOPPING=1"
        assert proc.wait(timeout=10) == 0
    finally:
        stop(proc)


def test_ready_notification_to_abstract_socket_with_listen_address():
    name = f"he_notify_{os.getpid()}_{time.monotonic_ns()}"
    ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    ns.bind("\0" + name)
    ns.settimeout(20)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("LISTEN_FDS", "LISTEN_PID")}
    env["NOTIFY_SOCKET"] = "@" + name
    proc = subprocess.Popen([BINARY, f"--web.listen-address=127.0.0.1:{port}", *ONLY_LOADAVG], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert ns.recv(4096) == b"READY=1"
        assert get(port)[0] == 200
    finally:
        stop(proc)
        ns.close()


def test_listen_pid_of_another_process_is_refused():
    sock = listening_socket()
    proc = activate(sock, ["--web.systemd-socket", *ONLY_LOADAVG], listen_pid="1")
    try:
        sock.close()
        assert proc.wait(timeout=20) != 0
    finally:
        err = stop(proc)
    assert "--web.systemd-socket" in err and "LISTEN_PID=1 is not this process" in err, err


def test_no_activation_variables_is_refused():
    env = {k: v for k, v in os.environ.items() if k not in ("LISTEN_FDS", "LISTEN_PID")}
    r = subprocess.run([BINARY, "--web.systemd-socket", *ONLY_LOADAVG], env=env, capture_output=True, text=True,
                       timeout=20)
    assert r.returncode != 0
    assert "--web.systemd-socket" in r.stderr and "no socket activation file descriptors found" in r.stderr


def test_systemd_socket_activate_peer(notify_socket):
    """The systemd package's own activation helper as the peer."""
    tool = shutil.which("systemd-socket-activate")
    assert tool, "systemd-socket-activate missing: tools/install-deps.sh installs systemd"
    ns, path = notify_socket
    port = free_port()
    proc = subprocess.Popen([tool, "-l", f"127.0.0.1:{port}", "-E", f"NOTIFY_SOCKET={path}",
                             BINARY, "--web.systemd-socket", *ONLY_LOADAVG],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # It listens itself and starts the exporter on the first connection.
        deadline = time.monotonic() + 20
        while True:
            try:
                status, body = get(port)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        assert status == 200 and "node_load1 0.21" in body
        assert ns.recv(4096) == b"READY=1"
    finally:
        stop(proc)
