// node_exporter's netdev collector: node_network_{receive,transmit}_*_total per
// interface from an rtnetlink link dump (default) or /proc/net/dev, optional
// ifalias label (sysfs) and node_network_address_info (rtnetlink addresses).
#include <linux/if_addr.h>
#include <sys/socket.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/netlink/net_client.h"
#include "scrape_links.h"
#include "host_exporter/procfs/net_dev.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/net_class.h"

namespace host_exporter::collectors::netdev {
namespace {

constexpr std::string_view kInclude = "collector.netdev.device-include";
constexpr std::string_view kOldInclude = "collector.netdev.device-whitelist";
constexpr std::string_view kExclude = "collector.netdev.device-exclude";
constexpr std::string_view kOldExclude = "collector.netdev.device-blacklist";
constexpr std::string_view kAddressInfo = "collector.netdev.address-info";
constexpr std::string_view kDetailed = "collector.netdev.enable-detailed-metrics";
constexpr std::string_view kNetlink = "collector.netdev.netlink";
constexpr std::string_view kLabelIfAlias = "collector.netdev.label-ifalias";

struct Options {
  DeviceFilter filter;
  bool address_info = false;
  bool detailed = false;
  bool netlink = true;
  bool label_ifalias = false;
};

// Counter name (without "_total") -> value, for one device.
using DevStats = std::map<std::string, std::uint64_t>;
// Device -> counters; std::map keeps the output independent of dump order.
using NetDevStats = std::map<std::string, DevStats>;

// include/uapi/linux/if_link.h field names, as node_exporter keys them.
DevStats FromLink(const netlink::LinkStats& s) {
  return {
      {"receive_packets", s.rx_packets},
      {"transmit_packets", s.tx_packets},
      {"receive_bytes", s.rx_bytes},
      {"transmit_bytes", s.tx_bytes},
      {"receive_errors", s.rx_errors},
      {"transmit_errors", s.tx_errors},
      {"receive_dropped", s.rx_dropped},
      {"transmit_dropped", s.tx_dropped},
      {"multicast", s.multicast},
      {"collisions", s.collisions},
      {"receive_length_errors", s.rx_length_errors},
      {"receive_over_errors", s.rx_over_errors},
      {"receive_crc_errors", s.rx_crc_errors},
      {"receive_frame_errors", s.rx_frame_errors},
      {"receive_fifo_errors", s.rx_fifo_errors},
      {"receive_missed_errors", s.rx_missed_errors},
      {"transmit_aborted_errors", s.tx_aborted_errors},
      {"transmit_carrier_errors", s.tx_carrier_errors},
      {"transmit_fifo_errors", s.tx_fifo_errors},
      {"transmit_heartbeat_errors", s.tx_heartbeat_errors},
      {"transmit_window_errors", s.tx_window_errors},
      {"receive_compressed", s.rx_compressed},
      {"transmit_compressed", s.tx_compressed},
      {"receive_nohandler", s.rx_nohandler},
  };
}

DevStats FromProc(const procfs::NetDevLine& l) {
  return {
      {"receive_bytes", l.rx_bytes},         {"receive_packets", l.rx_packets},
      {"receive_errors", l.rx_errors},       {"receive_dropped", l.rx_dropped},
      {"receive_fifo", l.rx_fifo},           {"receive_frame", l.rx_frame},
      {"receive_compressed", l.rx_compressed}, {"receive_multicast", l.rx_multicast},
      {"transmit_bytes", l.tx_bytes},        {"transmit_packets", l.tx_packets},
      {"transmit_errors", l.tx_errors},      {"transmit_dropped", l.tx_dropped},
      {"transmit_fifo", l.tx_fifo},          {"transmit_colls", l.tx_collisions},
      {"transmit_carrier", l.tx_carrier},    {"transmit_compressed", l.tx_compressed},
  };
}

std::optional<std::uint64_t> Pop(DevStats& m, const char* key) {
  auto it = m.find(key);
  if (it == m.end()) return std::nullopt;
  std::uint64_t v = it->second;
  m.erase(it);
  return v;
}
std::uint64_t PopZ(DevStats& m, const char* key) { return Pop(m, key).value_or(0); }

// node_exporter's legacy(): the /proc/net/dev names, folding the detailed
// error counters the way net/core/net-procfs.c does.
void Legacy(DevStats& m) {
  if (auto v = Pop(m, "receive_errors")) m["receive_errs"] = *v;
  if (auto v = Pop(m, "receive_dropped")) m["receive_drop"] = *v + PopZ(m, "receive_missed_errors");
  if (auto v = Pop(m, "receive_fifo_errors")) m["receive_fifo"] = *v;
  if (auto v = Pop(m, "receive_frame_errors")) {
    m["receive_frame"] = *v + PopZ(m, "receive_length_errors") + PopZ(m, "receive_over_errors") +
                         PopZ(m, "receive_crc_errors");
  }
  if (auto v = Pop(m, "multicast")) m["receive_multicast"] = *v;
  if (auto v = Pop(m, "transmit_errors")) m["transmit_errs"] = *v;
  if (auto v = Pop(m, "transmit_dropped")) m["transmit_drop"] = *v;
  if (auto v = Pop(m, "transmit_fifo_errors")) m["transmit_fifo"] = *v;
  if (auto v = Pop(m, "collisions")) m["transmit_colls"] = *v;
  if (auto v = Pop(m, "transmit_carrier_errors")) {
    m["transmit_carrier"] = *v + PopZ(m, "transmit_aborted_errors") + PopZ(m, "transmit_heartbeat_errors") +
                            PopZ(m, "transmit_window_errors");
  }
}

// Go's net.IP predicates on a 4- or 16-byte address.
struct GoIP {
  std::vector<std::uint8_t> b;  // 4 (IPv4) or 16 bytes

  bool IsV4() const {
    static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return b.size() == 4 || (b.size() == 16 && std::equal(std::begin(kPrefix), std::end(kPrefix), b.begin()));
  }
  const std::uint8_t* V4() const { return b.size() == 4 ? b.data() : b.data() + 12; }
  bool AllZero() const {
    return std::all_of(b.begin(), b.end(), [](std::uint8_t x) { return x == 0; });
  }
  bool Loopback() const {
    if (IsV4()) return V4()[0] == 127;
    static constexpr std::uint8_t kOne[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return std::equal(std::begin(kOne), std::end(kOne), b.begin());
  }
  bool LinkLocalUnicast() const {
    if (IsV4()) return V4()[0] == 169 && V4()[1] == 254;
    return b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
  }
  bool LinkLocalMulticast() const {
    if (IsV4()) return V4()[0] == 224 && V4()[1] == 0 && V4()[2] == 0;
    return b[0] == 0xff && (b[1] & 0x0f) == 0x02;
  }
  bool InterfaceLocalMulticast() const { return !IsV4() && b[0] == 0xff && (b[1] & 0x0f) == 0x01; }
  bool Multicast() const { return IsV4() ? (V4()[0] & 0xf0) == 0xe0 : b[0] == 0xff; }
  bool Unspecified() const { return IsV4() ? (V4()[0] | V4()[1] | V4()[2] | V4()[3]) == 0 : AllZero(); }
  bool Broadcast() const { return IsV4() && V4()[0] == 255 && V4()[1] == 255 && V4()[2] == 255 && V4()[3] == 255; }
  bool GlobalUnicast() const {
    return !Broadcast() && !Unspecified() && !Loopback() && !Multicast() && !LinkLocalUnicast();
  }
};

// node_exporter's scope(): what it calls the address's scope, from the address
// alone (not the kernel's ifa_scope).
std::string_view Scope(const GoIP& ip) {
  if (ip.Loopback() || ip.LinkLocalUnicast() || ip.LinkLocalMulticast()) return "link-local";
  if (ip.InterfaceLocalMulticast()) return "interface-local";
  if (ip.GlobalUnicast()) return "global";
  return "";
}

// Immutable after Create; Collect keeps its state on the stack and is reentrant.
class NetDevCollector final : public Collector {
 public:
  NetDevCollector(Paths paths, Options opts) : paths_(std::move(paths)), opts_(std::move(opts)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = opts_.netlink ? NetlinkStats(out) : ProcStats();
    if (!stats) return Failure("couldn't get netstats", stats.error());

    // Device -> ifalias, from sysfs; read before anything is written, so a
    // failure leaves no partial output (as node_exporter's getNetDevLabels).
    std::unordered_map<std::string, std::string> aliases;
    if (opts_.label_ifalias) {
      auto nc = sysfs::ReadNetClass(paths_);
      if (!nc) return Failure("couldn't get netdev labels", nc.error());
      for (auto& iface : *nc) aliases.emplace(iface.name, std::move(iface.ifalias));
    }

    for (auto& [dev, devstats] : *stats) {
      if (!opts_.detailed) Legacy(devstats);
      auto alias = aliases.find(dev);
      for (const auto& [key, value] : devstats) {
        Labels labels{{"device", dev}};
        if (alias != aliases.end()) labels.push_back({"ifalias", alias->second});
        out.Counter("node_network_" + key + "_total", "Network device statistic " + key + ".",
                    static_cast<double>(value), std::move(labels));
      }
    }
    if (opts_.address_info) return AddressInfo(out);
    return {};
  }

 private:
  static std::unexpected<Error> Failure(const std::string& what, const Error& e) {
    // node_exporter fails (error log) rather than reporting "no data" when the
    // file or dump is missing.
    ErrorKind kind = e.kind == ErrorKind::kNotFound ? ErrorKind::kIo : e.kind;
    return std::unexpected(Error{kind, what + ": " + e.message});
  }

  Result<NetDevStats> NetlinkStats(const MetricWriter& w) const {
    auto dump = ScrapeLinks(w);
    const LinkDump& links = *dump;
    if (!links) return std::unexpected(links.error());
    NetDevStats out;
    for (const auto& l : *links) {
      if (!l.has_attributes) continue;
      // 32-bit counters only when the kernel sent no IFLA_STATS64.
      const auto& stats = l.stats64 ? l.stats64 : l.stats32;
      if (opts_.filter.Ignored(l.name)) continue;
      if (!stats) continue;
      out[l.name] = FromLink(*stats);
    }
    return out;
  }

  Result<NetDevStats> ProcStats() const {
    auto lines = procfs::ReadNetDev(paths_);
    if (!lines) {
      return std::unexpected(Error{lines.error().kind, "failed to parse /proc/net/dev: " + lines.error().message});
    }
    NetDevStats out;
    for (const auto& l : *lines) {
      if (opts_.filter.Ignored(l.name)) continue;
      out[l.name] = FromProc(l);
    }
    return out;
  }

  // node_network_address_info for every interface (the device filter does not
  // apply), as Go's net.Interfaces() and Interface.Addrs() report them.
  Status AddressInfo(MetricWriter& out) const {
    const auto& nl = netlink::CurrentNetlink();
    auto dump = ScrapeLinks(out);
    const LinkDump& links = *dump;
    if (!links) return Failure("could not get network interfaces", links.error());
    auto addrs = nl.Addresses();
    if (!addrs) return {};  // Go ignores Addrs() errors: no addresses
    for (const auto& l : *links) {
      for (const auto& a : *addrs) {
        if (a.index != static_cast<std::uint32_t>(l.index)) continue;
        const auto& own = a.Own();
        unsigned bits;
        if (a.family == AF_INET && own.size() >= 4) {
          bits = 32;
        } else if (a.family == AF_INET6 && own.size() >= 16) {
          bits = 128;
        } else {
          continue;
        }
        if (a.prefix_len > bits) continue;  // Go's CIDRMask gives nil: not a parsable CIDR
        GoIP ip{{own.begin(), own.begin() + (bits == 32 ? 4 : 16)}};
        out.Gauge("node_network_address_info", "node network address by device", 1,
                  Labels{{"device", l.name},
                         {"address", netlink::FormatGoIP(ip.b)},
                         {"netmask", std::to_string(a.prefix_len)},
                         {"scope", std::string(Scope(ip))}});
      }
    }
    return {};
  }

  Paths paths_;
  Options opts_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kInclude), "",
               "Regexp of net devices to include (mutually exclusive to device-exclude).");
  flags.String(std::string(kOldInclude), "", "DEPRECATED: Use collector.netdev.device-include").Hidden();
  flags.String(std::string(kExclude), "",
               "Regexp of net devices to exclude (mutually exclusive to device-include).");
  flags.String(std::string(kOldExclude), "", "DEPRECATED: Use collector.netdev.device-exclude").Hidden();
  flags.Bool(std::string(kAddressInfo), false, "Collect address-info for every device");
  flags.Bool(std::string(kDetailed), false,
             "Use (incompatible) metric names that provide more detailed stats on Linux");
  flags.Bool(std::string(kNetlink), true, "Use netlink to gather stats instead of /proc/net/dev.");
  flags.Bool(std::string(kLabelIfAlias), false, "Add ifAlias label");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  const FlagValues& f = cfg.flags;
  std::string include = f.GetString(kInclude);
  std::string exclude = f.GetString(kExclude);
  // The pre-1.1 flag names still work when the new one is unset.
  if (const auto& old = f.GetString(kOldInclude); !old.empty()) {
    if (!include.empty()) {
      return Fail(ErrorKind::kInvalidArgument,
                  "--collector.netdev.device-whitelist and --collector.netdev.device-include are mutually exclusive");
    }
    log::Warn("--collector.netdev.device-whitelist is DEPRECATED and will be removed in 2.0.0, use "
              "--collector.netdev.device-include");
    include = old;
  }
  if (const auto& old = f.GetString(kOldExclude); !old.empty()) {
    if (!exclude.empty()) {
      return Fail(ErrorKind::kInvalidArgument,
                  "--collector.netdev.device-blacklist and --collector.netdev.device-exclude are mutually exclusive");
    }
    log::Warn("--collector.netdev.device-blacklist is DEPRECATED and will be removed in 2.0.0, use "
              "--collector.netdev.device-exclude");
    exclude = old;
  }
  if (!include.empty() && !exclude.empty()) {
    return Fail(ErrorKind::kInvalidArgument, "device-exclude & device-include are mutually exclusive");
  }
  std::optional<Regex> inc, exc;
  if (!exclude.empty()) {
    auto r = Regex::Compile(exclude, "--" + std::string(kExclude));
    if (!r) return std::unexpected(r.error());
    exc = std::move(*r);
    log::Info("Parsed flag --collector.netdev.device-exclude", {{"flag", exclude}});
  }
  if (!include.empty()) {
    auto r = Regex::Compile(include, "--" + std::string(kInclude));
    if (!r) return std::unexpected(r.error());
    inc = std::move(*r);
    log::Info("Parsed Flag --collector.netdev.device-include", {{"flag", include}});
  }
  Options opts;
  opts.filter = DeviceFilter(std::move(exc), std::move(inc));
  opts.address_info = f.GetBool(kAddressInfo);
  opts.detailed = f.GetBool(kDetailed);
  opts.netlink = f.GetBool(kNetlink);
  opts.label_ifalias = f.GetBool(kLabelIfAlias);
  return std::make_unique<NetDevCollector>(cfg.paths, std::move(opts));
}

}  // namespace host_exporter::collectors::netdev
