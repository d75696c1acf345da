#!/usr/bin/python3
"""Generators of scaled fixture trees for the benchmark's scaling cases.

Each generator writes a fresh tree (proc/, sys/, rootfs/, udev/data/) holding N
CPUs, block devices or mounts, in the layouts the kernel uses, with per-unit
files modelled on fixtures/basic. Both host_exporter and node_exporter 1.5.0 read
them through --path.procfs/--path.sysfs/--path.rootfs/--path.udev.data.

    gen_fixtures.py cpus 1024 /tmp/tree      # or disks N, mounts N
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASIC = os.path.join(HERE, "..", "fixtures", "basic")


def _write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def _link(root, src_rel, rel):
    """A hard link to a file written once: thousands of identical sysfs files
    cost one inode, and stay regular files (d_type DT_REG) to the readers."""
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.link(os.path.join(root, src_rel), path)


def _read_basic(rel):
    with open(os.path.join(BASIC, rel)) as f:
        return f.read()


def _skeleton(root):
    for d in ("proc", "sys", "rootfs", "udev/data"):
        os.makedirs(os.path.join(root, d), exist_ok=True)


def gen_cpus(root, n):
    """proc/stat, cpuinfo, schedstat, net/softnet_stat and sys/devices/system/cpu for n CPUs."""
    _skeleton(root)
    lines = ["cpu  %d 8576 2011570 %d 67365 0 19626 0 60907 34" % (1800000 * n, 27000000 * n)]
    for i in range(n):
        lines.append("cpu%d %d %d 512376 %d 18321 0 %d 0 15213 20" %
                     (i, 1845512 + i, 2310 + i, 27219870 + 7 * i, 10544 + i))
    lines += ["intr 191328255 9 10 0 0", "ctxt 1432893311", "btime 1731912486",
              "processes 4873120", "procs_running 3", "procs_blocked 1",
              "softirq 95616805 25 41275634 3120 1843377 2387602 0 912 30228611 1204 19876320"]
    _write(root, "proc/stat", "\n".join(lines) + "\n")

    block = _read_basic("proc/cpuinfo").split("\n\n")[0].split("\n")
    out = []
    for i in range(n):
        for line in block:
            key = line.split(":")[0].strip()
            if key == "processor":
                line = "processor\t: %d" % i
            elif key in ("core id", "apicid", "initial apicid"):
                line = "%s\t: %d" % (line.split(":")[0].rstrip(), i // 2 if key == "core id" else i)
            elif key == "siblings":
                line = "siblings\t: %d" % n
            elif key == "cpu cores":
                line = "cpu cores\t: %d" % max(1, n // 2)
            out.append(line)
        out.append("")
    _write(root, "proc/cpuinfo", "\n".join(out) + "\n")

    sched = ["version 15", "timestamp 4297871852"]
    for i in range(n):
        sched.append("cpu%d 0 0 0 0 0 0 %d %d %d" % (i, 1538712438620 + i, 213839182537 + i, 5234311 + i))
        sched.append("domain0 00000000,00000003 28493 27701 673 731458 119 2 0 27538 3216 3174 30 "
                     "11804 12 0 0 3174 31877 30391 1267 1327493 216 1 2 30157 0 0 0 0 0 0 0 0 0 41582 3702 0")
    _write(root, "proc/schedstat", "\n".join(sched) + "\n")

    soft = []
    for i in range(n):
        soft.append(" ".join(["%08x" % (0x12a7c3 + i), "00000000", "00000011"] + ["00000000"] * 6 +
                             ["0000012c", "00000000", "00000000", "00000000", "%08x" % i, "00000000"]))
    _write(root, "proc/net/softnet_stat", "\n".join(soft) + "\n")

    base = "sys/devices/system/cpu"
    rng = "0-%d" % (n - 1) if n > 1 else "0"
    for f, v in (("online", rng), ("present", rng), ("possible", rng), ("isolated", ""), ("offline", "")):
        _write(root, "%s/%s" % (base, f), v + "\n")
    policy = os.path.join(BASIC, base, "cpufreq", "policy0")
    policy_files = {f: _read_basic(os.path.join(base, "cpufreq", "policy0", f)) for f in sorted(os.listdir(policy))}
    for i in range(n):
        cpu = "%s/cpu%d" % (base, i)
        _write(root, cpu + "/thermal_throttle/core_throttle_count", "%d\n" % (i % 3))
        _write(root, cpu + "/thermal_throttle/package_throttle_count", "0\n")
        _write(root, cpu + "/topology/core_id", "%d\n" % (i // 2))
        _write(root, cpu + "/topology/physical_package_id", "0\n")
        _write(root, cpu + "/topology/core_cpus_list", "%d,%d\n" % (i - i % 2, i - i % 2 + 1))
        _write(root, cpu + "/topology/package_cpus_list", rng + "\n")
        for f, v in policy_files.items():
            if f in ("related_cpus", "affected_cpus"):
                v = "%d\n" % i
            _write(root, "%s/cpufreq/policy%d/%s" % (base, i, f), v)
        os.symlink("../cpufreq/policy%d" % i, os.path.join(root, cpu, "cpufreq"))


def _disk_name(i):
    s = ""
    i += 1
    while i > 0:
        i, r = divmod(i - 1, 26)
        s = chr(ord("a") + r) + s
    return "vd" + s


def gen_disks(root, n):
    """proc/diskstats, sys/block/<dev>/queue and udev/data/b<maj>:<min> for n disks."""
    _skeleton(root)
    qdir = os.path.join(BASIC, "sys/devices/virtual/block/dm-3/queue")
    queue = {f: _read_basic(os.path.join("sys/devices/virtual/block/dm-3/queue", f))
             for f in sorted(os.listdir(qdir)) if os.path.isfile(os.path.join(qdir, f))}
    udev = _read_basic("udev/data/b259:0")
    for f, v in queue.items():
        _write(root, "template/queue/" + f, v)
    lines = []
    for i in range(n):
        name = _disk_name(i)
        major, minor = 252, i * 16
        lines.append("%4d %7d %s %d 0 %d %d %d 0 %d %d 0 %d %d 0 0 0 0 %d %d" %
                     (major, minor, name, 1843202 + i, 98213457 + i, 402113 + i, 7123456 + i,
                      412345678 + i, 5123456 + i, 2812345 + i, 5698765 + i, 12 + i, 345678 + i))
        dev = "sys/devices/virtual/block/" + name
        for f in queue:
            _link(root, "template/queue/" + f, "%s/queue/%s" % (dev, f))
        _write(root, dev + "/dev", "%d:%d\n" % (major, minor))
        os.makedirs(os.path.join(root, "sys/block"), exist_ok=True)
        os.symlink("../devices/virtual/block/" + name, os.path.join(root, "sys/block", name))
        _write(root, "udev/data/b%d:%d" % (major, minor), udev.replace("nvme0n1", name))
    _write(root, "proc/diskstats", "\n".join(lines) + "\n")


def gen_mounts(root, n):
    """proc/1/mountinfo and proc/1/mounts (and self/) for n ext4 mounts under rootfs/srv."""
    _skeleton(root)
    info = ["1 0 0:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw"]
    mounts = ["/dev/vda1 / ext4 rw,relatime 0 0"]
    for i in range(n):
        mp = "/srv/m%d" % i
        os.makedirs(os.path.join(root, "rootfs" + mp), exist_ok=True)
        info.append("%d 1 253:%d / %s rw,relatime shared:%d - ext4 /dev/mapper/vg-m%d rw" % (i + 2, i, mp, i + 2, i))
        mounts.append("/dev/mapper/vg-m%d %s ext4 rw,relatime 0 0" % (i, mp))
    for pid in ("1", "self"):
        _write(root, "proc/%s/mountinfo" % pid, "\n".join(info) + "\n")
        _write(root, "proc/%s/mounts" % pid, "\n".join(mounts) + "\n")


GENERATORS = {"cpus": gen_cpus, "disks": gen_disks, "mounts": gen_mounts}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in GENERATORS:
        sys.exit("usage: gen_fixtures.py {cpus|disks|mounts} N DIR")
    GENERATORS[sys.argv[1]](sys.argv[3], int(sys.argv[2]))
