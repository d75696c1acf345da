#!/usr/bin/env python3
"""Prints (or, with --write README.md, updates) the README's collector table from
the binary's --help: every collector, whether it is on by default, and its flags.
tests/e2e/test_readme.py checks the README's table is current."""
import re
import subprocess
import sys

# One line on what each collector exposes.
WHAT = {
    "arp": "ARP table entries per device (rtnetlink; /proc/net/arp)",
    "bcache": "bcache cache sets and backing devices (/sys/fs/bcache)",
    "bcachefs": "bcachefs filesystems (/sys/fs/bcachefs)",
    "bonding": "bonding interfaces' slaves (/sys/class/net/*/bonding)",
    "btrfs": "btrfs allocation, device sizes and error counters (sysfs, ioctls)",
    "buddyinfo": "free memory fragments per zone (/proc/buddyinfo)",
    "cgroups": "cgroup controllers (/proc/cgroups)",
    "conntrack": "netfilter connection tracking (/proc/sys/net/netfilter, /proc/net/stat)",
    "cpu": "CPU time per mode, info, flags, throttling, isolation (/proc/stat, /proc/cpuinfo, sysfs)",
    "cpu_vulnerabilities": "CPU vulnerability mitigations (/sys/devices/system/cpu/vulnerabilities)",
    "cpufreq": "CPU frequency and scaling (sysfs cpufreq)",
    "diskstats": "block device I/O, disk info from udev (/proc/diskstats, /sys/block, udev data)",
    "dmi": "DMI/SMBIOS system information (/sys/class/dmi/id)",
    "dmmultipath": "device-mapper multipath devices and paths (sysfs)",
    "drbd": "DRBD replication (/proc/drbd)",
    "edac": "ECC memory error counters (/sys/devices/system/edac)",
    "entropy": "kernel entropy pool (/proc/sys/kernel/random)",
    "fibrechannel": "Fibre Channel HBA statistics (/sys/class/fc_host)",
    "filefd": "allocated file handles (/proc/sys/fs/file-nr)",
    "filesystem": "filesystem space and inodes per mount, stuck-mount detection (mountinfo, statfs)",
    "hwmon": "hardware sensors: temperature, fans, voltage, power (/sys/class/hwmon)",
    "infiniband": "InfiniBand ports and counters (/sys/class/infiniband)",
    "interrupts": "interrupts per CPU and device (/proc/interrupts)",
    "ipvs": "IPVS virtual servers and backends (/proc/net/ip_vs*)",
    "kernel_hung": "hung task detections (/proc/sys/kernel/hung_task_detect_count)",
    "ksmd": "kernel samepage merging (/sys/kernel/mm/ksm)",
    "lnstat": "kernel network statistics (/proc/net/stat)",
    "loadavg": "load averages (/proc/loadavg)",
    "mdadm": "software RAID arrays and their sync state (/proc/mdstat, sysfs)",
    "meminfo": "memory usage (/proc/meminfo)",
    "meminfo_numa": "memory per NUMA node (/sys/devices/system/node)",
    "mountstats": "NFS client per-mount statistics (/proc/self/mountstats)",
    "netclass": "network interface properties (/sys/class/net; rtnetlink)",
    "netdev": "network interface counters (rtnetlink; /proc/net/dev)",
    "netstat": "TCP/IP protocol counters (/proc/net/netstat, snmp, snmp6)",
    "nfs": "NFS client RPC statistics (/proc/net/rpc/nfs)",
    "nfsd": "NFS server RPC statistics (/proc/net/rpc/nfsd)",
    "nvme": "NVMe controllers (/sys/class/nvme)",
    "os": "operating system release (os-release)",
    "pcidevice": "PCI devices (/sys/bus/pci/devices)",
    "powersupplyclass": "power supplies and batteries (/sys/class/power_supply)",
    "pressure": "pressure stall information (/proc/pressure)",
    "processes": "process and thread counts by state (/proc/*/stat)",
    "rapl": "RAPL energy counters (/sys/class/powercap)",
    "schedstat": "scheduler statistics (/proc/schedstat)",
    "selinux": "SELinux mode (selinuxfs, /etc/selinux/config)",
    "slabinfo": "kernel slab allocator (/proc/slabinfo)",
    "sockstat": "socket counts and memory (/proc/net/sockstat, sockstat6)",
    "softirqs": "softirqs per CPU (/proc/softirqs)",
    "softnet": "softnet per-CPU packet processing (/proc/net/softnet_stat)",
    "stat": "boot time, context switches, forks, interrupts, processes (/proc/stat)",
    "sysctl": "selected sysctl values (/proc/sys)",
    "tapestats": "tape device I/O (/sys/class/scsi_tape)",
    "textfile": "metrics from *.prom files written by other programs",
    "thermal_zone": "thermal zones and cooling devices (/sys/class/thermal)",
    "time": "system time, time zone, clock sources",
    "timex": "kernel clock discipline (adjtimex)",
    "udp_queues": "UDP socket queue sizes (/proc/net/udp, udp6)",
    "uname": "kernel name, release, version, machine (uname)",
    "vmstat": "virtual memory statistics (/proc/vmstat)",
    "watchdog": "hardware watchdogs (/sys/class/watchdog)",
    "xfrm": "IPsec transformation statistics (/proc/net/xfrm_stat)",
    "xfs": "XFS filesystem statistics (/sys/fs/xfs)",
    "zfs": "ZFS ARC, pools and datasets (/proc/spl/kstat/zfs)",
    "zoneinfo": "memory zone statistics (/proc/zoneinfo)",
}

BEGIN, END = "<!-- collectors:begin -->", "<!-- collectors:end -->"


def table(binary):
    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
    defaults = {}
    for m in re.finditer(r"--\[no-\]collector\.([a-z0-9_]+)\n\s+(.*)", help_text):
        if m.group(1) == "disable-defaults":
            continue
        defaults[m.group(1)] = "(default: disabled)" not in m.group(2)
    sections = {}
    for block in re.split(r"\n(?=\S)", help_text):
        m = re.match(r"Collector ([a-z0-9_]+):\n", block)
        if m:
            flags = re.findall(r"^  --(?:\[no-\])?([a-zA-Z0-9_.-]+)", block, re.M)
            sections[m.group(1)] = flags
    rows = ["| collector | default | exposes | options |", "|---|---|---|---|"]
    for name in sorted(defaults):
        opts = ", ".join(f"`--{f}`" for f in sections.get(name, [])) or "none"
        rows.append(f"| `{name}` | {'enabled' if defaults[name] else 'disabled'} | "
                    f"{WHAT.get(name, '')} | {opts} |")
    return "\n".join(rows)


def main():
    binary = sys.argv[1]
    t = table(binary)
    if len(sys.argv) > 3 and sys.argv[2] == "--write":
        path = sys.argv[3]
        text = open(path).read()
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        open(path, "w").write(text[:start] + "\n" + t + "\n" + text[end:])
    else:
        print(t)


if __name__ == "__main__":
    main()
