// node_exporter's conntrack collector: node_nf_conntrack_entries{,_limit} from
// /proc/sys/net/netfilter and node_nf_conntrack_stat_* summed over the CPUs of
// /proc/net/stat/nf_conntrack.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/nf_conntrack.h"

namespace host_exporter::collectors::conntrack {
namespace {

// node_exporter's handleErr: a missing file means the module is not loaded.
Error CountError(Error e) {
  if (e.kind == ErrorKind::kNotFound) {
    return Error{ErrorKind::kNoData, "conntrack probably not loaded: " + e.message};
  }
  e.message = "failed to retrieve conntrack stats: " + e.message;
  return e;
}

class ConntrackCollector final : public Collector {
 public:
  explicit ConntrackCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto count = procfs::ReadNfConntrackCount(paths_);
    if (!count) return std::unexpected(CountError(count.error()));
    out.Gauge("node_nf_conntrack_entries",
              "Number of currently allocated flow entries for connection tracking.",
              static_cast<double>(*count));
    auto max = procfs::ReadNfConntrackMax(paths_);
    if (!max) return std::unexpected(CountError(max.error()));
    out.Gauge("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.",
              static_cast<double>(*max));

    auto stats = procfs::ReadNfConntrackStat(paths_);
    if (!stats) {
      // Unlike the two files above, node_exporter fails the collector (logged as an
      // error) when this one is missing.
      Error e = stats.error();
      if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
      return std::unexpected(e);
    }
    procfs::NfConntrackStatEntry sum;
    for (const auto& s : *stats) {
      sum.found += s.found;
      sum.invalid += s.invalid;
      sum.ignore += s.ignore;
      sum.insert += s.insert;
      sum.insert_failed += s.insert_failed;
      sum.drop += s.drop;
      sum.early_drop += s.early_drop;
      sum.search_restart += s.search_restart;
    }
    auto gauge = [&out](std::string_view name, std::string_view help, std::uint64_t v) {
      out.Gauge(name, help, static_cast<double>(v));
    };
    gauge("node_nf_conntrack_stat_found", "Number of searched entries which were successful.", sum.found);
    gauge("node_nf_conntrack_stat_invalid", "Number of packets seen which can not be tracked.", sum.invalid);
    gauge("node_nf_conntrack_stat_ignore",
          "Number of packets seen which are already connected to a conntrack entry.", sum.ignore);
    gauge("node_nf_conntrack_stat_insert", "Number of entries inserted into the list.", sum.insert);
    gauge("node_nf_conntrack_stat_insert_failed",
          "Number of entries for which list insertion was attempted but failed.", sum.insert_failed);
    gauge("node_nf_conntrack_stat_drop", "Number of packets dropped due to conntrack failure.", sum.drop);
    gauge("node_nf_conntrack_stat_early_drop",
          "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.",
          sum.early_drop);
    gauge("node_nf_conntrack_stat_search_restart",
          "Number of conntrack table lookups which had to be restarted due to hashtable resizes.",
          sum.search_restart);
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<ConntrackCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::conntrack
