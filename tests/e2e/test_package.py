"""The Debian package, for real on this machine: CPack builds it from the build tree
the binary under test comes from, dpkg installs it, the files, modes, conffile, user,
textfile directory and `host_exporter --version` are checked, the installed service is
run as systemd would run it, an upgrade keeps a modified /etc/default file, and purge
removes everything, leaving the machine as it found it (checked against a snapshot).
Needs root (dpkg); waits, bounded, for the dpkg lock when another package manager on
this machine holds it."""
import glob
import grp
import os
import pwd
import re
import signal
import socket
import stat
import subprocess
import time
import urllib.request

import pytest

from conftest import BINARY, free_port
from deploy_util import binary_library_packages

BUILD_DIR = os.path.dirname(os.path.abspath(BINARY))
PKG = "host-exporter"
USER = "host_exporter"
UNIT = "/lib/systemd/system/host_exporter.service"
DEFAULT = "/etc/default/host_exporter"
STATE = "/var/lib/host_exporter"
TEXTFILE = STATE + "/textfile_collector"
MAN = "/usr/share/man/man1/host_exporter.1.gz"
DOC = "/usr/share/doc/host-exporter/README.md"
WANTS = "/etc/systemd/system/multi-user.target.wants/host_exporter.service"
# Everything the package or its scripts may create, to compare before and after.
TRACKED = ["/usr/bin/host_exporter", UNIT, DEFAULT, STATE, MAN, DOC, os.path.dirname(DOC), WANTS,
           "/etc/systemd/system/host_exporter.service",
           "/var/lib/systemd/deb-systemd-helper-enabled/host_exporter.service.dsh-also",
           "/var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/host_exporter.service",
           "/var/lib/systemd/deb-systemd-helper-masked/host_exporter.service"]


def run(cmd, timeout=300, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, **kw)


def dpkg(*args):
    """dpkg, retrying (for at most 5 minutes) while another process holds its lock."""
    deadline = time.monotonic() + 300
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    while True:
        r = run(["dpkg", *args], env=env)
        if r.returncode != 0 and "lock" in r.stderr and time.monotonic() < deadline:
            time.sleep(2)
            continue
        return r


def installed_version():
    r = run(["dpkg-query", "-W", "-f=${Status}|${Version}", PKG])
    if r.returncode != 0:
        return None
    status, version = r.stdout.split("|")
    return version if status == "install ok installed" else status


def snapshot():
    return {
        "users": sorted(p.pw_name for p in pwd.getpwall()),
        "groups": sorted(g.gr_name for g in grp.getgrall()),
        "paths": {p: os.path.lexists(p) for p in TRACKED},
        "package": installed_version(),
    }


def build_deb(out_dir, version):
    """cpack on the build tree; -> path of the .deb"""
    out_dir.mkdir()
    r = run(["cpack", "-G", "DEB", "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake"), "-B", str(out_dir),
             "-D", f"CPACK_PACKAGE_VERSION={version}"], timeout=600, cwd=BUILD_DIR)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (deb,) = glob.glob(str(out_dir / "*.deb"))
    return deb


def mode(path):
    st = os.lstat(path)
    return stat.S_IMODE(st.st_mode), pwd.getpwuid(st.st_uid).pw_name, grp.getgrgid(st.st_gid).gr_name


def run_like_systemd(port):
    """The installed binary as the unit runs it: as host_exporter, with $ARGS from
    /etc/default/host_exporter split on whitespace. -> (proc, url)"""
    script = (f'. {DEFAULT}; exec setpriv --reuid={USER} --regid={USER} --init-groups '
              f'/usr/bin/host_exporter $ARGS --web.listen-address=127.0.0.1:{port}')
    proc = subprocess.Popen(["sh", "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            raise AssertionError("service exited: " + proc.communicate()[1][-2000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc, f"http://127.0.0.1:{port}"
        except OSError:
            assert time.monotonic() < deadline, "installed service did not listen within 30 s"
            time.sleep(0.1)


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    proc.communicate()


def test_package_install_upgrade_purge(tmp_path):
    assert os.geteuid() == 0, "installing a package needs root"
    before = snapshot()
    assert before["package"] is None, f"{PKG} is already installed here ({before['package']}); purge it first"
    assert USER not in before["users"] and USER not in before["groups"], \
        f"user/group {USER} already exists on this machine"
    leftovers = [p for p, exists in before["paths"].items() if exists]
    assert not leftovers, f"paths the package would own already exist: {leftovers}"

    version = re.search(r"version (\S+)", run([BINARY, "--version"]).stdout).group(1)
    deb1 = build_deb(tmp_path / "v1", version)
    deb2 = build_deb(tmp_path / "v2", version + "+upgrade1")
    try:
        # --- the archive ------------------------------------------------------------
        fields = {f: run(["dpkg-deb", "-f", deb1, f]).stdout.strip() for f in ("Package", "Version", "Depends")}
        assert fields["Package"] == PKG and fields["Version"] == version
        depends = {d.split()[0] for d in re.split(r",\s*", fields["Depends"])}
        assert "adduser" in depends
        # dpkg-shlibdeps computed a dependency for each library the binary links: the
        # package itself or a name it provides (libspdlog1.10 -> libspdlog1.10-fmt9).
        for lib in binary_library_packages(os.path.abspath(BINARY)):
            provides = run(["dpkg-query", "-W", "-f=${Provides}", lib]).stdout
            names = {lib} | {p.split()[0] for p in provides.split(",") if p.strip()}
            assert names & depends, f"Depends ({fields['Depends']}) lacks {lib}"
        control = run(["dpkg-deb", "-I", deb1]).stdout
        for script in ("postinst", "prerm", "postrm", "conffiles"):
            assert re.search(rf"^\s+\d+ bytes,\s+\d+ lines\s+\*?\s*{script}\b", control, re.M), control

        # --- install ------------------------------------------------------------------
        r = dpkg("-i", deb1)
        assert r.returncode == 0, r.stdout + r.stderr
        assert installed_version() == version
        assert mode("/usr/bin/host_exporter") == (0o755, "root", "root")
        assert mode(UNIT) == (0o644, "root", "root")
        assert mode(DEFAULT) == (0o644, "root", "root")
        assert mode(MAN) == (0o644, "root", "root") and mode(DOC) == (0o644, "root", "root")
        assert mode(TEXTFILE) == (0o755, USER, USER) and os.path.isdir(TEXTFILE)
        conffiles = run(["dpkg-query", "-W", "-f=${Conffiles}", PKG]).stdout
        assert re.search(rf"^ {re.escape(DEFAULT)} [0-9a-f]{{32}}$", conffiles, re.M), conffiles
        user = pwd.getpwnam(USER)
        assert user.pw_uid < 1000, "not a system user"
        assert user.pw_gid == grp.getgrnam(USER).gr_gid
        assert user.pw_shell == "/usr/sbin/nologin" and user.pw_dir == STATE
        out = run(["/usr/bin/host_exporter", "--version"])
        assert out.returncode == 0 and out.stdout == run([BINARY, "--version"]).stdout
        assert out.stdout.startswith(f"host_exporter, version {version} ")
        # Enabled (the wants/ symlink) even without a running systemd; started only with one.
        assert os.path.islink(WANTS) and os.readlink(WANTS) == UNIT
        if os.path.isdir("/run/systemd/system"):
            assert run(["systemctl", "is-active", "host_exporter.service"]).stdout.strip() == "active"
        # The installed unit verifies as it is, man page included.
        r = run(["systemd-analyze", "verify", UNIT])
        assert r.returncode == 0 and not r.stderr.strip(), r.stdout + r.stderr

        # The service's command line works as its user, and the user can read the
        # textfile directory that an administrator's script writes into.
        with open(os.path.join(TEXTFILE, "deploy.prom"), "w") as f:
            f.write("deploy_package_test 1\n")
        proc, url = run_like_systemd(free_port())
        try:
            with urllib.request.urlopen(url + "/metrics", timeout=60) as resp:
                body = resp.read().decode()
            assert "deploy_package_test 1" in body
            assert "node_textfile_scrape_error 0" in body
        finally:
            stop(proc)

        # --- upgrade over a modified conffile -----------------------------------------
        with open(DEFAULT, "a") as f:
            f.write("# changed by the administrator\n")
        modified = open(DEFAULT).read()
        uid = pwd.getpwnam(USER).pw_uid
        r = dpkg("-i", deb2)
        assert r.returncode == 0, r.stdout + r.stderr
        assert installed_version() == version + "+upgrade1"
        assert open(DEFAULT).read() == modified, "the upgrade replaced the administrator's file"
        assert not os.path.exists(DEFAULT + ".dpkg-new") and not os.path.exists(DEFAULT + ".dpkg-dist")
        assert pwd.getpwnam(USER).pw_uid == uid
        assert os.path.exists(os.path.join(TEXTFILE, "deploy.prom"))
        assert os.path.islink(WANTS)

        # --- purge --------------------------------------------------------------------
        r = dpkg("--purge", PKG)
        assert r.returncode == 0, r.stdout + r.stderr
        after = snapshot()
        assert after == before, {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    finally:
        # Whatever failed above, leave no package, user or file behind.
        if installed_version() is not None:
            dpkg("--purge", PKG)
        now = snapshot()
        if USER in now["users"] and USER not in before["users"]:
            run(["userdel", USER])
        if USER in snapshot()["groups"] and USER not in before["groups"]:
            run(["groupdel", USER])
        for p, existed in before["paths"].items():
            if not existed and os.path.lexists(p):
                run(["rm", "-rf", p])
