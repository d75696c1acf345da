// node_exporter's drbd collector: node_drbd_* per device from /proc/drbd
// (DRBD 8.x); as in node_exporter, received bytes are not scaled from KiB.
#include "host_exporter/procfs/drbd.h"

#include <array>
#include <string>

#include "host_exporter/collector.h"
#include "series_set.h"

namespace host_exporter::collectors::drbd {
namespace {

using prometheus::MetricType;

struct NumberMetric {
  std::string_view key;
  std::string_view name;
  std::string_view help;
  MetricType type;
  double multiplier;
};

constexpr std::array<NumberMetric, 12> kNumbers = {{
    {"ns", "node_drbd_network_sent_bytes_total", "Total number of bytes sent via the network.", MetricType::Counter,
     1024},
    {"nr", "node_drbd_network_received_bytes_total", "Total number of bytes received via the network.",
     MetricType::Counter, 1},
    {"dw", "node_drbd_disk_written_bytes_total", "Net data written on local hard disk; in bytes.", MetricType::Counter,
     1024},
    {"dr", "node_drbd_disk_read_bytes_total", "Net data read from local hard disk; in bytes.", MetricType::Counter,
     1024},
    {"al", "node_drbd_activitylog_writes_total", "Number of updates of the activity log area of the meta data.",
     MetricType::Counter, 1},
    {"bm", "node_drbd_bitmap_writes_total", "Number of updates of the bitmap area of the meta data.",
     MetricType::Counter, 1},
    {"lo", "node_drbd_local_pending", "Number of open requests to the local I/O sub-system.", MetricType::Gauge, 1},
    {"pe", "node_drbd_remote_pending",
     "Number of requests sent to the peer, but that have not yet been answered by the latter.", MetricType::Gauge, 1},
    {"ua", "node_drbd_remote_unacknowledged",
     "Number of requests received by the peer via the network connection, but that have not yet been answered.",
     MetricType::Gauge, 1},
    {"ap", "node_drbd_application_pending",
     "Number of block I/O requests forwarded to DRBD, but not yet answered by DRBD.", MetricType::Gauge, 1},
    {"ep", "node_drbd_epochs", "Number of Epochs currently on the fly.", MetricType::Gauge, 1},
    {"oos", "node_drbd_out_of_sync_bytes", "Amount of data known to be out of sync; in bytes.", MetricType::Gauge,
     1024},
}};

struct PairMetric {
  std::string_view key;
  std::string_view name;
  std::string_view help;
  std::string_view ok;  // the state that gives 1
};

constexpr std::array<PairMetric, 2> kPairs = {{
    {"ro", "node_drbd_node_role_is_primary", "Whether the role of the node is in the primary state.", "Primary"},
    {"ds", "node_drbd_disk_state_is_up_to_date", "Whether the disk of the node is up to date.", "UpToDate"},
}};

// Thread safety: immutable after Create; Collect is const and reentrant.
class DrbdCollector final : public Collector {
 public:
  explicit DrbdCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // A missing file is kNotFound (node_exporter's ErrNoData).
    auto fields = procfs::ReadDrbd(paths_);
    if (!fields) return std::unexpected(fields.error());
    SeriesSet seen;
    for (const procfs::DrbdField& f : *fields) {
      switch (f.kind) {
        case procfs::DrbdFieldKind::kNumber: {
          const NumberMetric* m = FindNumber(f.key);
          // As node_exporter, what was written before a bad value is kept.
          if (!f.number) return Bad(f, "is not a number");
          if (seen.Insert(m->name, {{"device", f.device}})) {
            out.Add(m->type, m->name, m->help, *f.number * m->multiplier, {{"device", f.device}});
          }
          break;
        }
        case procfs::DrbdFieldKind::kPair: {
          const PairMetric* m = FindPair(f.key);
          // node_exporter panics here; this reports the file instead.
          if (!f.pair) return Bad(f, "is not <local>/<remote>");
          if (seen.Insert(m->name, {{"device", f.device}})) {
            out.Gauge(m->name, m->help, f.pair->first == m->ok ? 1 : 0, {{"device", f.device}, {"node", "local"}});
            out.Gauge(m->name, m->help, f.pair->second == m->ok ? 1 : 0, {{"device", f.device}, {"node", "remote"}});
          }
          break;
        }
        case procfs::DrbdFieldKind::kConnection:
          if (seen.Insert("node_drbd_connected", {{"device", f.device}})) {
            out.Gauge("node_drbd_connected", "Whether DRBD is connected to the peer.", f.value == "Connected" ? 1 : 0,
                      {{"device", f.device}});
          }
          break;
      }
    }
    return {};
  }

 private:
  static const NumberMetric* FindNumber(std::string_view key) {
    for (const auto& m : kNumbers) {
      if (m.key == key) return &m;
    }
    return &kNumbers[0];  // unreachable: the parser only reports these keys
  }
  static const PairMetric* FindPair(std::string_view key) {
    for (const auto& m : kPairs) {
      if (m.key == key) return &m;
    }
    return &kPairs[0];
  }
  std::unexpected<Error> Bad(const procfs::DrbdField& f, std::string_view why) const {
    return ParseFail(paths_.Proc("drbd") + ": " + f.device + ": value \"" + f.value + "\" of " + f.key + " " +
                     std::string(why));
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<DrbdCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::drbd
