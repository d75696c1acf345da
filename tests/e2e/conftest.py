"""Shared helpers for the end-to-end tests: start the real binary on loopback,
scrape it with real clients, and always clean up the processes."""
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

BINARY = os.environ.get("HOST_EXPORTER_BINARY", os.path.join(os.path.dirname(__file__), "../../build/host_exporter"))
SOURCE = os.path.realpath(os.environ.get("HOST_EXPORTER_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../..")))
FIXTURES = os.path.join(SOURCE, "fixtures")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fixture_flags(scenario):
    d = os.path.join(FIXTURES, scenario)
    return [f"--path.procfs={d}/proc", f"--path.sysfs={d}/sys", f"--path.rootfs={d}/rootfs",
            f"--path.udev.data={d}/udev/data"]


class Exporter:
    """A running host_exporter; use as a context manager."""

    def __init__(self, args, port=None, listen=None, wait=True):
        self.port = port or free_port()
        self.listen = listen or f"127.0.0.1:{self.port}"
        self.args = [BINARY, f"--web.listen-address={self.listen}"] + list(args)
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if wait:
            self.wait_ready()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                out, err = self.proc.communicate()
                raise RuntimeError(f"exporter exited with {self.proc.returncode}: {err[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("exporter did not start listening in time")

    def get(self, path="/metrics", headers=None, method="GET"):
        """-> (status, headers, body bytes)"""
        req = urllib.request.Request(self.url + path, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        out, err = self.proc.communicate()
        return self.proc.returncode, err

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


@pytest.fixture
def exporter_factory():
    started = []

    def make(args=(), **kw):
        e = Exporter(args, **kw)
        started.append(e)
        return e

    yield make
    for e in started:
        e.stop()


def parse_series(text):
    """{(name, frozenset(labels)): value-string} of a text exposition."""
    import re
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$', line)
        assert m, f"unparsable line: {line}"
        labels = frozenset(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        out[(m.group(1), labels)] = m.group(4)
    return out


class SlowMount:
    """slowfs.py mounted at a fresh directory; unmounted and removed on exit."""

    def __init__(self, root, *opts):
        import tempfile
        self.mount = tempfile.mkdtemp(prefix="he_slowfs_")
        here = os.path.dirname(os.path.abspath(__file__))
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(here, "slowfs.py"), root, self.mount, *opts],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while not os.path.ismount(self.mount):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("slowfs did not mount: " + (self.proc.stderr.read() if self.proc.stderr else ""))
            time.sleep(0.05)

    def close(self):
        subprocess.run(["fusermount", "-u", "-z", self.mount], stderr=subprocess.DEVNULL)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            os.rmdir(self.mount)
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
