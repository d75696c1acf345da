"""The systemd unit (systemd/host_exporter.service): `systemd-analyze verify` is clean,
`systemd-analyze security` rates its exposure at most 2.0, every hardening line is
explained by a comment, and its system call filter lets through every system call the
exporter really makes (traced with strace on a live start-up, scrapes and shutdown).
systemd-analyze works offline here: no running systemd is needed."""
import functools
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import BINARY, SOURCE, free_port

UNIT_DIR = os.path.join(SOURCE, "systemd")
UNIT = os.path.join(UNIT_DIR, "host_exporter.service")
INSTALLED_BINARY = "/usr/bin/host_exporter"

# systemd.exec(5) sandboxing and security settings: each one set must be commented.
HARDENING_KEYS = re.compile(
    r"^(NoNewPrivileges|CapabilityBoundingSet|AmbientCapabilities|SecureBits|Protect\w+|Private\w+|"
    r"Restrict\w+|LockPersonality|MemoryDenyWriteExecute|RemoveIPC|SystemCall\w+|UMask|DevicePolicy|"
    r"DeviceAllow|IPAddress\w+|ProcSubset|KeyringMode|ReadOnlyPaths|ReadWritePaths|InaccessiblePaths|"
    r"NoExecPaths|ExecPaths|DynamicUser|SupplementaryGroups)=")


def unit_copy(tmp_path):
    """The unit directory copied, with ExecStart's binary pointed at the built one:
    `verify` insists that the binary exists, and it is installed only by the package
    (test_package.py verifies the installed unit as it is)."""
    out = tmp_path / "units"
    out.mkdir()
    for name in os.listdir(UNIT_DIR):
        text = open(os.path.join(UNIT_DIR, name)).read()
        (out / name).write_text(text.replace(INSTALLED_BINARY, os.path.abspath(BINARY)))
    return out / "host_exporter.service"


def service_lines():
    """[(line number, text)] of the [Service] section, comments included."""
    lines, inside = [], False
    for n, line in enumerate(open(UNIT).read().splitlines(), 1):
        if line.startswith("["):
            inside = line.strip() == "[Service]"
            continue
        if inside:
            lines.append((n, line.strip()))
    return lines


def test_unit_verifies_clean(tmp_path):
    unit = unit_copy(tmp_path)
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "" and r.stderr.strip() == "", r.stdout + r.stderr


def test_unit_verify_catches_a_bad_directive(tmp_path):
    # The check above can fail: a misspelt key and a missing binary are both reported.
    unit = unit_copy(tmp_path)
    unit.write_text(unit.read_text().replace("NoNewPrivileges=yes", "NoNewPrivilege=yes")
                    .replace(os.path.abspath(BINARY), "/nonexistent/host_exporter"))
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)],
                       capture_output=True, text=True, timeout=60)
    assert "NoNewPrivilege" in r.stderr
    assert "/nonexistent/host_exporter" in r.stderr


def test_security_exposure_at_most_2(tmp_path):
    unit = unit_copy(tmp_path)
    # --threshold is on the 0..100 scale: exit non-zero above 20 (= 2.0).
    r = subprocess.run(["systemd-analyze", "security", "--offline=true", "--threshold=20", "--no-pager", str(unit)],
                       capture_output=True, text=True, timeout=60)
    m = re.search(r"Overall exposure level for host_exporter\.service: (\d+\.\d+)", r.stdout)
    assert m, r.stdout + r.stderr
    exposure = float(m.group(1))
    assert exposure <= 2.0, r.stdout
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_hardening_line_is_commented():
    """Each hardening directive sits in a small group (at most 4 lines) directly under
    a comment that explains it."""
    lines = service_lines()
    found = 0
    for i, (n, text) in enumerate(lines):
        if not HARDENING_KEYS.match(text):
            continue
        found += 1
        j, group = i - 1, 1
        while j >= 0 and lines[j][1] and not lines[j][1].startswith("#"):
            j -= 1
            group += 1
        assert j >= 0 and lines[j][1].startswith("#"), f"line {n} ({text}) has no comment above it"
        assert group <= 4, f"line {n} ({text}): {group} directives under one comment"
    assert found >= 20, "the unit lost its hardening block"


def test_unit_keeps_service_essentials():
    keys = {}
    for _, text in service_lines():
        if text and not text.startswith("#") and "=" in text:
            k, v = text.split("=", 1)
            keys.setdefault(k, []).append(v)
    assert keys["User"] == ["host_exporter"] and keys["Group"] == ["host_exporter"]
    (exec_start,) = keys["ExecStart"]
    assert exec_start.startswith("/usr/bin/host_exporter ") and "$ARGS" in exec_start.split()
    assert keys["EnvironmentFile"] == ["-/etc/default/host_exporter"]
    # Nothing may be written anywhere: the exporter only reads.
    assert keys["ProtectSystem"] == ["strict"]
    assert "ReadWritePaths" not in keys
    # ProtectClock= would deny adjtimex(2), which the timex collector needs.
    assert "ProtectClock" not in keys


@functools.lru_cache(maxsize=None)
def syscall_group(name):
    """The system calls of a systemd @group, nested groups expanded."""
    out = subprocess.run(["systemd-analyze", "syscall-filter", name], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        t = line.strip()
        if not t or t.startswith("#"):
            continue
        calls |= syscall_group(t) if t.startswith("@") else {t}
    return frozenset(calls)


def allowed_syscalls():
    """Evaluates the unit's SystemCallFilter= lines in order, as systemd does: the first
    line decides allow-list or deny-list; later lines add (allow) or remove (~)."""
    allowed = None
    for _, text in service_lines():
        if not text.startswith("SystemCallFilter="):
            continue
        value = text.split("=", 1)[1]
        deny = value.startswith("~")
        names = set()
        for item in value.lstrip("~").split():
            names |= syscall_group(item) if item.startswith("@") else {item}
        assert allowed is not None or not deny, "the filter must start as an allow list"
        allowed = (allowed or set()) - names if deny else (allowed or set()) | names
    assert allowed, "no SystemCallFilter="
    return allowed


def http_get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.read()


def test_syscall_filter_allows_everything_the_exporter_does(tmp_path):
    """strace the exporter through start-up, default-collector scrapes (plain and gzip),
    the landing page and SIGTERM; every system call it made must pass the filter, so
    under systemd no collector fails with EPERM."""
    assert shutil.which("strace"), "strace is missing: tools/install-deps.sh installs it"
    allowed = allowed_syscalls()
    trace = tmp_path / "trace"
    port = free_port()
    textfile = tmp_path / "textfile"
    textfile.mkdir()
    (textfile / "x.prom").write_text("deploy_test 1\n")
    cmd = ["strace", "-f", "-qq", "-o", str(trace), os.path.abspath(BINARY),
           f"--web.listen-address=127.0.0.1:{port}", f"--collector.textfile.directory={textfile}"]
    # On a sanitizer build LeakSanitizer ptrace()s the process at exit: not the
    # exporter's own doing, and never in a packaged binary.
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    exporter_pid = None
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"exporter under strace exited with {proc.returncode}"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                assert time.monotonic() < deadline, "exporter under strace did not listen in 60 s"
                time.sleep(0.1)
        # strace detaches and leaves its tracee running when signalled itself: the
        # exporter (strace's child) is the one to stop.
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            (exporter_pid,) = [int(p) for p in f.read().split()]
        for headers in ({}, {"Accept-Encoding": "gzip"}):
            status, _ = http_get(url + "/metrics", headers)
            assert status == 200
        assert http_get(url + "/")[0] == 200
        status, body = http_get(url + "/metrics")
        assert b"node_timex_offset_seconds" in body and b"deploy_test 1" in body
    finally:
        if exporter_pid is not None:
            os.kill(exporter_pid, signal.SIGTERM)
        else:
            subprocess.run(["pkill", "-TERM", "-P", str(proc.pid)], timeout=30)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            subprocess.run(["pkill", "-KILL", "-P", str(proc.pid)], timeout=30)
            proc.kill()
            proc.wait()
    assert exporter_pid is not None and not os.path.exists(f"/proc/{exporter_pid}/cmdline"), "exporter left running"
    made = set()
    for line in trace.read_text().splitlines():
        m = re.match(r"\d+\s+([a-z_0-9]+)\(", line)
        if m:
            made.add(m.group(1))
    # The calls the collectors and the server are known to need must have been seen,
    # or the trace missed the exporter's threads.
    # glibc's adjtimex() is the clock_adjtime system call; the server may accept or accept4.
    for calls in (("adjtimex", "clock_adjtime"), ("accept", "accept4"), ("statfs",), ("openat",), ("sendto",)):
        assert set(calls) & made, f"none of {calls} traced: {sorted(made)}"
    denied = sorted(made - allowed)
    assert not denied, f"system calls the unit's SystemCallFilter= denies: {denied}"


def test_syscall_filter_check_can_fail():
    # The read-only clock calls are allowed only by the unit's explicit line: the
    # groups alone deny them, so a trace with them fails without it.
    assert {"adjtimex", "clock_adjtime"} <= allowed_syscalls()
    assert "clock_adjtime" not in set(syscall_group("@system-service")) - syscall_group("@privileged")
    assert "clock_settime" not in allowed_syscalls() and "settimeofday" not in allowed_syscalls()
