// node_exporter's netclass collector: /sys/class/net/<iface> attributes
// (node_network_info, _up, _mtu_bytes, _speed_bytes, carrier counters...), or
// with --collector.netclass.netlink the same from rtnetlink and ethtool netlink
// (netclass_rtnl_linux.go), reading only three attributes from sysfs.
//
// In sysfs mode on a live sysfs (--collector.netclass.rtnl-attributes, on by
// default), the attributes an RTM_GETLINK dump carries with the same meaning
// come from one dump instead of one file each: a device then costs 8 sysfs
// reads instead of a directory listing and 25. The output is the same as
// reading every file (the kernel fills both from the same net_device fields).
// Only when the sysfs is this network namespace's: a sysfs mount (not a
// copied tree) with the f_fsid of /sys (one superblock per namespace), whose
// devices are exactly the dump's; a device whose sysfs ifindex then differs
// from the dump's (renamed in between) is read from sysfs alone.
#include <linux/if.h>
#include <linux/magic.h>

#include <array>
#include <cerrno>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/mount/statfs.h"
#include "host_exporter/netlink/net_client.h"
#include "scrape_links.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/net_class.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::netclass {
namespace {

constexpr std::string_view kIgnored = "collector.netclass.ignored-devices";
constexpr std::string_view kInvalidSpeed = "collector.netclass.ignore-invalid-speed";
constexpr std::string_view kNetlink = "collector.netclass.netlink";
constexpr std::string_view kWithStats = "collector.netclass_rtnl.with-stats";
constexpr std::string_view kRtnlAttributes = "collector.netclass.rtnl-attributes";

constexpr std::string_view kUpHelp = "Value is 1 if operstate is 'up', 0 otherwise.";

struct Options {
  Regex ignored;
  bool ignore_invalid_speed = false;
  bool netlink = false;
  bool with_stats = false;
  bool rtnl_attributes = true;
};

// pushMetric: node_network_<name>{device} with "Network device property: <name>".
void Property(MetricWriter& out, std::string_view name, double value, const std::string& device,
              bool counter = false) {
  std::string full = "node_network_" + std::string(name);
  std::string help = "Network device property: " + std::string(name);
  if (counter) {
    out.Counter(full, help, value, {{"device", device}});
  } else {
    out.Gauge(full, help, value, {{"device", device}});
  }
}
template <class T>
void Property(MetricWriter& out, std::string_view name, const std::optional<T>& v, const std::string& device,
              bool counter = false) {
  if (v) Property(out, name, static_cast<double>(*v), device, counter);
}

// getAdminState: IFF_UP from the sysfs flags.
std::string_view AdminState(const std::optional<std::int64_t>& flags) {
  if (!flags) return "unknown";
  return (*flags & 1) == 1 ? "up" : "down";
}

// IF_OPER_* names, as rtnetlink's OperationalState.
std::string_view OperState(std::uint8_t s) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up"};
  return s < kNames.size() ? kNames[s] : "unknown";
}

// Attributes sysfs mode still reads from sysfs when the dump supplies the
// rest: the dump has no addr_assign_type, dev_id or name_assign_type; its
// ifi_flags is dev_get_flags() (IFF_RUNNING, IFF_LOWER_UP folded in), not
// dev->flags; IFF_DORMANT is only set while running, where sysfs's dormant is
// the bare state bit; speed and duplex come from the driver's ethtool ops.
// ifindex ties the file tree to the dump.
constexpr std::string_view kSysfsOnly[] = {"addr_assign_type", "dev_id", "dormant", "duplex",
                                           "flags", "ifindex", "name_assign_type", "speed"};

// The device as a full sysfs read would give it: `sys` holds kSysfsOnly, the
// rest is what the kernel's net-sysfs.c prints from the fields the dump carries.
sysfs::NetClassIface WithLink(sysfs::NetClassIface sys, const netlink::Link& l) {
  sys.address = netlink::FormatHardwareAddr(l.address);  // empty when addr_len is 0, as in sysfs
  sys.broadcast = netlink::FormatHardwareAddr(l.broadcast);
  // sysfs's carrier is EINVAL unless the device is running (IFF_UP in dev->flags).
  if (sys.flags && (*sys.flags & IFF_UP) != 0 && l.carrier) sys.carrier = *l.carrier;
  if (l.carrier_changes) sys.carrier_changes = *l.carrier_changes;
  if (l.carrier_up_count) sys.carrier_up_count = *l.carrier_up_count;
  if (l.carrier_down_count) sys.carrier_down_count = *l.carrier_down_count;
  if (l.alias) {
    // The file holds "<alias>\n", read as at most 128 bytes and trimmed.
    std::string file = *l.alias + "\n";
    sys.ifalias = std::string(Trim(std::string_view(file).substr(0, 128)));
  }
  sys.iflink = l.link ? static_cast<std::int64_t>(*l.link) : l.index;  // IFLA_LINK only when it differs
  if (l.link_mode) sys.link_mode = *l.link_mode;
  sys.mtu = l.mtu;
  if (l.group) sys.netdev_group = *l.group;
  sys.operstate = std::string(OperState(l.operstate));  // already DOWN when not running, as in sysfs
  if (l.tx_queue_len) sys.tx_queue_len = *l.tx_queue_len;
  sys.type = l.type;
  return sys;
}

// Immutable after Create; Collect keeps its state on the stack and is reentrant.
class NetClassCollector final : public Collector {
 public:
  NetClassCollector(Paths paths, Options opts, mount::StatFsFunc statfs)
      : paths_(std::move(paths)), opts_(std::move(opts)), statfs_(std::move(statfs)) {}

  Status Collect(MetricWriter& out) const override { return opts_.netlink ? CollectRtnl(out) : CollectSysfs(out); }

 private:
  bool Ignored(std::string_view device) const { return opts_.ignored.Match(device); }

  Status CollectSysfs(MetricWriter& out) const {
    // Everything is read before anything is written: an unreadable device
    // fails the whole collector, as in node_exporter.
    std::vector<sysfs::NetClassIface> ifaces;
    auto devices = sysfs::ReadNetClassDevices(paths_);
    if (!devices) return SysfsFailure(devices.error());
    std::shared_ptr<const LinkDump> links;  // kept alive while by_name points into it
    std::unordered_map<std::string_view, const netlink::Link*> by_name;
    if (opts_.rtnl_attributes && !devices->empty() && OwnNamespaceSysfs()) {
      auto dump = ScrapeLinks(out);
      if (*dump) {
        links = dump;
        for (const auto& l : **links) {
          if (l.has_attributes) by_name.emplace(l.name, &l);
        }
        // Another namespace's devices (a host sysfs bind-mounted over /sys
        // in a container with its own network) differ in name; a device
        // added or removed in between makes this scrape read files alone.
        bool same = by_name.size() == devices->size();
        for (std::size_t i = 0; same && i < devices->size(); ++i) same = by_name.contains((*devices)[i]);
        if (!same) by_name.clear();
      } else {
        log::Debug("netclass: reading every attribute from sysfs", {{"err", dump->error().message}});
      }
    }
    for (const auto& d : *devices) {
      if (Ignored(d)) continue;
      if (auto l = by_name.find(d); l != by_name.end()) {
        auto sys = sysfs::ReadNetClassAttributes(paths_, d, kSysfsOnly);
        if (!sys) return SysfsFailure(sys.error());
        if (sys->ifindex == l->second->index && sys->flags) {
          ifaces.push_back(WithLink(std::move(*sys), *l->second));
          continue;
        }
      }
      auto iface = sysfs::ReadNetClassIface(paths_, d);
      if (!iface) return SysfsFailure(iface.error());
      ifaces.push_back(std::move(*iface));
    }
    for (const auto& i : ifaces) {
      out.Gauge("node_network_up", kUpHelp, i.operstate == "up" ? 1 : 0, {{"device", i.name}});
      out.Gauge("node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.", 1,
                {{"device", i.name},
                 {"address", i.address},
                 {"broadcast", i.broadcast},
                 {"duplex", i.duplex},
                 {"operstate", i.operstate},
                 {"adminstate", AdminState(i.flags)},
                 {"ifalias", i.ifalias}});
      Property(out, "address_assign_type", i.addr_assign_type, i.name);
      Property(out, "carrier", i.carrier, i.name);
      Property(out, "carrier_changes_total", i.carrier_changes, i.name, true);
      Property(out, "carrier_up_changes_total", i.carrier_up_count, i.name, true);
      Property(out, "carrier_down_changes_total", i.carrier_down_count, i.name, true);
      Property(out, "device_id", i.dev_id, i.name);
      Property(out, "dormant", i.dormant, i.name);
      Property(out, "flags", i.flags, i.name);
      Property(out, "iface_id", i.ifindex, i.name);
      Property(out, "iface_link", i.iflink, i.name);
      Property(out, "iface_link_mode", i.link_mode, i.name);
      Property(out, "mtu_bytes", i.mtu, i.name);
      Property(out, "name_assign_type", i.name_assign_type, i.name);
      Property(out, "net_dev_group", i.netdev_group, i.name);
      // Some devices report -1 when the speed is unknown; node_exporter still
      // converts it (-125000) unless told to ignore it.
      if (i.speed && (*i.speed >= 0 || !opts_.ignore_invalid_speed)) {
        // Go's int64 arithmetic, wrapping instead of overflowing.
        auto mbit = static_cast<std::int64_t>(static_cast<std::uint64_t>(*i.speed) * 1000u * 1000u);
        Property(out, "speed_bytes", static_cast<double>(mbit / 8), i.name);
      }
      Property(out, "transmit_queue_length", i.tx_queue_len, i.name);
      Property(out, "protocol_type", i.type, i.name);
    }
    return {};
  }

  // Whether --path.sysfs is a sysfs mount (not a copied tree) of this
  // process's network namespace: the same superblock (f_fsid) as /sys, which
  // the runtime (or `ip netns exec`) mounts in the namespace it runs us in.
  bool OwnNamespaceSysfs() const {
    mount::StatFs st, own;
    return statfs_(paths_.Sys("class/net"), &st) == 0 && st.type == SYSFS_MAGIC &&
           statfs_("/sys/class/net", &own) == 0 && own.type == SYSFS_MAGIC && own.fsid == st.fsid;
  }

  static std::unexpected<Error> SysfsFailure(const Error& e) {
    // A missing or unreadable /sys/class/net is "no data" in node_exporter
    // (ENOENT and EACCES only: a path through a regular file is an error).
    if (e.kind == ErrorKind::kNotFound || e.errnum == EACCES) {
      return std::unexpected(Error{ErrorKind::kNoData, "Could not read netclass file: " + e.message});
    }
    return std::unexpected(Error{e.kind, "could not get net class info: " + e.message});
  }

  Status CollectRtnl(MetricWriter& out) const {
    const auto& nl = netlink::CurrentNetlink();
    std::map<std::string, netlink::LinkMode> modes;
    auto lms = nl.LinkModes();
    if (!lms) {
      if (lms.error().kind != ErrorKind::kNotFound) {
        return std::unexpected(Error{lms.error().kind, "could not get link modes: " + lms.error().message});
      }
      log::Info("ETHTOOL netlink interface unavailable, duplex and linkspeed are not scraped.");
    } else {
      for (const auto& lm : *lms) {
        if (Ignored(lm.name)) continue;
        // mdlayher/ethtool keeps the u32 in a Go int: SPEED_UNKNOWN stays
        // 4294967295 and passes node_exporter's ">= 0" check.
        Property(out, "speed_bytes", static_cast<double>(std::uint64_t{lm.speed_mbps} * 1000 * 1000 / 8), lm.name);
        modes[lm.name] = lm;
      }
    }

    auto dump = ScrapeLinks(out);
    const LinkDump& links = *dump;
    if (!links) return std::unexpected(Error{links.error().kind, "could not get net class info: " + links.error().message});
    std::vector<const netlink::Link*> relevant;
    for (const auto& l : *links) {
      if (l.has_attributes && !Ignored(l.name)) relevant.push_back(&l);
    }

    // Attributes netlink does not carry; these take a per-device lock in the
    // kernel rather than RTNL, so they are cheap to read.
    static constexpr std::string_view kSysfsAttrs[] = {"addr_assign_type", "dev_id", "name_assign_type"};
    std::vector<sysfs::NetClassIface> sys;
    for (const auto* l : relevant) {
      auto a = sysfs::ReadNetClassAttributes(paths_, l->name, kSysfsAttrs);
      if (!a) return std::unexpected(Error{a.error().kind, "could not get sysfs device info: " + a.error().message});
      sys.push_back(std::move(*a));
    }

    for (std::size_t n = 0; n < relevant.size(); ++n) {
      const netlink::Link& l = *relevant[n];
      const sysfs::NetClassIface& s = sys[n];
      constexpr std::uint8_t kOperUp = 6;  // IF_OPER_UP
      out.Gauge("node_network_up", kUpHelp, l.operstate == kOperUp ? 1 : 0, {{"device", l.name}});
      auto mode = modes.find(l.name);
      out.Gauge("node_network_info", "Non-numeric data of <iface>, value is always 1.", 1,
                {{"device", l.name},
                 {"address", netlink::FormatHardwareAddr(l.address)},
                 {"broadcast", netlink::FormatHardwareAddr(l.broadcast)},
                 {"duplex", mode != modes.end() ? netlink::DuplexString(mode->second.duplex) : ""},
                 {"operstate", OperState(l.operstate)},
                 {"ifalias", l.alias.value_or("")}});
      Property(out, "address_assign_type", s.addr_assign_type, l.name);
      Property(out, "carrier", l.carrier, l.name);
      Property(out, "carrier_changes_total", l.carrier_changes, l.name, true);
      Property(out, "carrier_up_changes_total", l.carrier_up_count, l.name, true);
      Property(out, "carrier_down_changes_total", l.carrier_down_count, l.name, true);
      Property(out, "device_id", s.dev_id, l.name);
      Property(out, "flags", l.flags, l.name);
      Property(out, "iface_id", static_cast<std::uint32_t>(l.index), l.name);
      Property(out, "iface_link_mode", l.link_mode, l.name);
      // node_exporter reports IFLA_LINKMODE here too, not IFF_DORMANT.
      Property(out, "dormant", l.link_mode, l.name);
      // The kernel omits IFLA_LINK when it equals the device's own index.
      std::uint32_t iflink = l.link.value_or(0);
      Property(out, "iface_link", iflink > 0 ? iflink : static_cast<std::uint32_t>(l.index), l.name);
      Property(out, "mtu_bytes", l.mtu, l.name);
      Property(out, "name_assign_type", s.name_assign_type, l.name);
      Property(out, "net_dev_group", l.group, l.name);
      Property(out, "transmit_queue_length", l.tx_queue_len, l.name);
      Property(out, "protocol_type", l.type, l.name);
      if (opts_.with_stats && l.stats64) Stats(out, *l.stats64, l.name);
    }
    return {};
  }

  // --collector.netclass_rtnl.with-stats: IFLA_STATS64 as gauges.
  static void Stats(MetricWriter& out, const netlink::LinkStats& s, const std::string& d) {
    const std::pair<std::string_view, std::uint64_t> kv[] = {
        {"receive_packets_total", s.rx_packets},
        {"transmit_packets_total", s.tx_packets},
        {"receive_bytes_total", s.rx_bytes},
        {"transmit_bytes_total", s.tx_bytes},
        {"receive_errors_total", s.rx_errors},
        {"transmit_errors_total", s.tx_errors},
        {"receive_dropped_total", s.rx_dropped},
        {"transmit_dropped_total", s.tx_dropped},
        {"multicast_total", s.multicast},
        {"collisions_total", s.collisions},
        {"receive_length_errors_total", s.rx_length_errors},
        {"receive_over_errors_total", s.rx_over_errors},
        {"receive_crc_errors_total", s.rx_crc_errors},
        {"receive_frame_errors_total", s.rx_frame_errors},
        {"receive_fifo_errors_total", s.rx_fifo_errors},
        {"receive_missed_errors_total", s.rx_missed_errors},
        {"transmit_aborted_errors_total", s.tx_aborted_errors},
        {"transmit_carrier_errors_total", s.tx_carrier_errors},
        {"transmit_fifo_errors_total", s.tx_fifo_errors},
        {"transmit_heartbeat_errors_total", s.tx_heartbeat_errors},
        {"transmit_window_errors_total", s.tx_window_errors},
        {"receive_compressed_total", s.rx_compressed},
        {"transmit_compressed_total", s.tx_compressed},
        {"receive_nohandler_total", s.rx_nohandler},
    };
    for (const auto& [name, v] : kv) Property(out, name, static_cast<double>(v), d);
  }

  Paths paths_;
  Options opts_;
  mount::StatFsFunc statfs_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kIgnored), "^$", "Regexp of net devices to ignore for netclass collector.");
  flags.Bool(std::string(kInvalidSpeed), false,
             "Ignore devices where the speed is invalid. This will be the default behavior in 2.x.");
  flags.Bool(std::string(kNetlink), false, "Use netlink to gather stats instead of /proc/net/dev.");
  flags.Bool(std::string(kWithStats), false,
             "Expose the statistics for each network device, replacing netdev collector.");
  flags.Bool(std::string(kRtnlAttributes), true,
             "In sysfs mode, read the attributes rtnetlink carries (address, mtu, operstate, carrier "
             "counters...) from one RTM_GETLINK dump instead of a sysfs file each, when --path.sysfs is "
             "this network namespace's sysfs; same values, fewer reads. host_exporter only.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto re = Regex::Compile(cfg.flags.GetString(kIgnored), "--" + std::string(kIgnored));
  if (!re) return std::unexpected(re.error());
  Options opts{std::move(*re), cfg.flags.GetBool(kInvalidSpeed), cfg.flags.GetBool(kNetlink),
               cfg.flags.GetBool(kWithStats), cfg.flags.GetBool(kRtnlAttributes)};
  return std::make_unique<NetClassCollector>(cfg.paths, std::move(opts), mount::CurrentStatFs());
}

}  // namespace host_exporter::collectors::netclass
