// node_exporter's netstat collector: node_netstat_<Proto>_<Name> (untyped) from
// /proc/net/netstat, /proc/net/snmp and /proc/net/snmp6, for the keys matching
// --collector.netstat.fields.
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/match_memo.h"
#include "host_exporter/procfs/net_netstat.h"
#include "host_exporter/regex.h"

namespace host_exporter::collectors::netstat {
namespace {

constexpr const char* kFieldsFlag = "collector.netstat.fields";

Error Wrap(Error e, const char* what) {
  if (e.kind != ErrorKind::kNotFound) e.message = std::string(what) + ": " + e.message;
  return e;
}

// Go's maps.Copy: a protocol in `from` replaces the whole protocol in `into`.
void Merge(procfs::NetStats& into, procfs::NetStats from) {
  for (auto& p : from) {
    bool replaced = false;
    for (auto& q : into) {
      if (q.protocol == p.protocol) {
        q = std::move(p);
        replaced = true;
        break;
      }
    }
    if (!replaced) into.push_back(std::move(p));
  }
}

class NetstatCollector final : public Collector {
 public:
  NetstatCollector(Paths paths, Regex fields) : paths_(std::move(paths)), fields_(std::move(fields)) {}

  Status Collect(MetricWriter& out) const override {
    // The parsed stats point into these.
    std::string netstat_text, snmp_text, snmp6_text;
    auto stats = procfs::ReadNetNetstat(paths_, netstat_text);
    if (!stats) return std::unexpected(Wrap(stats.error(), "couldn't get netstats"));
    auto snmp = procfs::ReadNetSnmp(paths_, snmp_text);
    if (!snmp) return std::unexpected(Wrap(snmp.error(), "couldn't get SNMP stats"));
    auto snmp6 = procfs::ReadNetSnmp6(paths_, snmp6_text);
    if (!snmp6) return std::unexpected(Wrap(snmp6.error(), "couldn't get SNMP6 stats"));
    Merge(*stats, std::move(*snmp));
    Merge(*stats, std::move(*snmp6));
    // node_exporter converts every value, selected or not, and fails on the
    // first bad one; check them all before writing anything.
    for (const auto& p : *stats) {
      for (const auto& v : p.values) {
        if (!v.value) {
          return Fail(ErrorKind::kParse, "invalid value \"" + std::string(v.text) + "\" in netstats for " +
                                             std::string(p.protocol) + "_" + std::string(v.name));
        }
      }
    }
    std::string key;  // one buffer for every field's name
    std::string name, help;
    MemoizedRegex::Batch fields(fields_);
    for (const auto& p : *stats) {
      for (const auto& v : p.values) {
        key.assign(p.protocol).append("_").append(v.name);
        if (!fields.Match(key)) continue;
        name.assign("node_netstat_").append(key);
        help.assign("Statistic ").append(p.protocol).append(v.name).append(".");
        out.Untyped(name, help, *v.value);
      }
    }
    return {};
  }

 private:
  Paths paths_;
  MemoizedRegex fields_;  // the same field names every scrape
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(kFieldsFlag,
               "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|"
               "TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue|TCPRcvQDrop)|"
               "Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|"
               "Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$",
               "Regexp of fields to return for netstat collector.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto re = Regex::Compile(cfg.flags.GetString(kFieldsFlag), std::string("--") + kFieldsFlag);
  if (!re) return std::unexpected(re.error());
  return std::make_unique<NetstatCollector>(cfg.paths, std::move(*re));
}

}  // namespace host_exporter::collectors::netstat
