// node_exporter's arp collector: node_arp_entries{device} from an rtnetlink
// neighbour dump (default, also node_arp_states{device,state}) or /proc/net/arp.
#include <linux/neighbour.h>
#include <sys/socket.h>

#include <map>
#include <string>
#include <unordered_map>

#include "host_exporter/collector.h"
#include "host_exporter/netlink/net_client.h"
#include "scrape_links.h"
#include "host_exporter/procfs/net_arp.h"
#include "host_exporter/regex.h"

namespace host_exporter::collectors::arp {
namespace {

constexpr std::string_view kInclude = "collector.arp.device-include";
constexpr std::string_view kExclude = "collector.arp.device-exclude";
constexpr std::string_view kNetlink = "collector.arp.netlink";

// node_exporter's neighborStatesMap: exact NUD_* values; anything else
// (NUD_NONE, combinations) is reported with an empty state.
std::string_view StateName(std::uint16_t state) {
  switch (state) {
    case NUD_INCOMPLETE: return "incomplete";
    case NUD_REACHABLE: return "reachable";
    case NUD_STALE: return "stale";
    case NUD_DELAY: return "delay";
    case NUD_PROBE: return "probe";
    case NUD_FAILED: return "failed";
    case NUD_PERMANENT: return "permanent";
    default: return "";
  }
}

struct Counts {
  std::map<std::string, std::uint32_t> entries;                        // device -> entries
  std::map<std::string, std::map<std::string, std::uint32_t>> states;  // device -> state -> entries
};

// Immutable after Create; Collect keeps its state on the stack and is reentrant.
class ArpCollector final : public Collector {
 public:
  ArpCollector(Paths paths, DeviceFilter filter, bool netlink)
      : paths_(std::move(paths)), filter_(std::move(filter)), netlink_(netlink) {}

  Status Collect(MetricWriter& out) const override {
    auto counts = netlink_ ? FromNetlink(out) : FromProc();
    if (!counts) {
      const Error& e = counts.error();
      // A missing /proc/net/arp fails the collector in node_exporter.
      ErrorKind kind = e.kind == ErrorKind::kNotFound ? ErrorKind::kIo : e.kind;
      return std::unexpected(Error{kind, "could not get ARP entries: " + e.message});
    }
    for (const auto& [device, n] : counts->entries) {
      if (filter_.Ignored(device)) continue;
      out.Gauge("node_arp_entries", "ARP entries by device", n, {{"device", device}});
      if (!netlink_) continue;
      auto st = counts->states.find(device);
      if (st == counts->states.end()) continue;
      for (const auto& [state, count] : st->second) {
        out.Gauge("node_arp_states", "ARP states by device", count, {{"device", device}, {"state", state}});
      }
    }
    return {};
  }

 private:
  Result<Counts> FromProc() const {
    auto entries = procfs::ReadNetArp(paths_);
    if (!entries) return std::unexpected(entries.error());
    Counts c;
    for (const auto& e : *entries) ++c.entries[e.device];
    return c;
  }

  Result<Counts> FromNetlink(const MetricWriter& out) const {
    const auto& nl = netlink::CurrentNetlink();
    auto neigh = nl.Neighbours();
    if (!neigh) return std::unexpected(neigh.error());
    auto dump = ScrapeLinks(out);
    const LinkDump& links = *dump;
    if (!links) return std::unexpected(links.error());
    std::unordered_map<std::int32_t, std::string> names;
    for (const auto& l : *links) names.emplace(l.index, l.name);
    Counts c;
    for (const auto& n : *neigh) {
      // IPv6 neighbours are not ARP.
      if (n.family != AF_INET) continue;
      auto name = names.find(n.ifindex);
      if (name == names.end()) {
        return Fail(ErrorKind::kIo, "route ip+net: no such network interface (index " + std::to_string(n.ifindex) + ")");
      }
      // /proc/net/arp does not list NUD_NOARP entries either.
      if ((n.state & NUD_NOARP) != 0) continue;
      ++c.entries[name->second];
      ++c.states[name->second][std::string(StateName(n.state))];
    }
    return c;
  }

  Paths paths_;
  DeviceFilter filter_;
  bool netlink_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kInclude), "",
               "Regexp of arp devices to include (mutually exclusive to device-exclude).");
  flags.String(std::string(kExclude), "",
               "Regexp of arp devices to exclude (mutually exclusive to device-include).");
  flags.Bool(std::string(kNetlink), true, "Use netlink to gather stats instead of /proc/net/arp.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  // node_exporter builds this filter without the mutual-exclusion check its
  // help text promises: both may be given, exclude is applied first.
  std::optional<Regex> inc, exc;
  if (const auto& p = cfg.flags.GetString(kExclude); !p.empty()) {
    auto r = Regex::Compile(p, "--" + std::string(kExclude));
    if (!r) return std::unexpected(r.error());
    exc = std::move(*r);
  }
  if (const auto& p = cfg.flags.GetString(kInclude); !p.empty()) {
    auto r = Regex::Compile(p, "--" + std::string(kInclude));
    if (!r) return std::unexpected(r.error());
    inc = std::move(*r);
  }
  return std::make_unique<ArpCollector>(cfg.paths, DeviceFilter(std::move(exc), std::move(inc)),
                                        cfg.flags.GetBool(kNetlink));
}

}  // namespace host_exporter::collectors::arp
