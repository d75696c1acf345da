// node_exporter's tapestats collector: node_tape_* per SCSI tape drive from
// /sys/class/scsi_tape/st<N>/stats.
#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/class_scsi_tape.h"

namespace host_exporter::collectors::tapestats {
namespace {

constexpr std::string_view kIgnoredFlag = "collector.tapestats.ignored-devices";

class TapestatsCollector final : public Collector {
 public:
  TapestatsCollector(Paths paths, Regex ignored) : paths_(std::move(paths)), ignored_(std::move(ignored)) {}

  Status Collect(MetricWriter& out) const override {
    auto tapes = sysfs::ReadScsiTapes(paths_);
    if (!tapes) {
      Error e = tapes.error();
      e.message =
          (e.IsNoData() ? "scsi_tape stats not found, skipping: " : "error obtaining SCSITape class info: ") +
          e.message;
      return std::unexpected(e);
    }
    for (const auto& tape : *tapes) {
      if (ignored_.Match(tape.name)) {
        if (log::DebugEnabled()) log::Debug("Ignoring device", {{"device", tape.name}});
        continue;
      }
      const auto& c = tape.counters;
      auto counter = [&](std::string_view name, std::string_view help, double v) {
        out.Counter(name, help, v, {{"device", tape.name}});
      };
      // node_exporter multiplies by 1e-9 (not divides by 1e9); the last bit can differ.
      out.Gauge("node_tape_io_now", "The number of I/Os currently outstanding to this device.",
                static_cast<double>(c.in_flight), {{"device", tape.name}});
      counter("node_tape_io_time_seconds_total",
              "The amount of time spent waiting for all I/O to complete (including read and write). This "
              "includes tape movement commands such as seeking between file or set marks and implicit tape "
              "movement such as when rewind on close tape devices are used.",
              static_cast<double>(c.io_ns) * 0.000000001);
      counter("node_tape_io_others_total",
              "The number of I/Os issued to the tape drive other than read or write commands. The time taken "
              "to complete these commands uses the following calculation "
              "io_time_seconds_total-read_time_seconds_total-write_time_seconds_total",
              static_cast<double>(c.other_cnt));
      counter("node_tape_read_bytes_total", "The number of bytes read from the tape drive.",
              static_cast<double>(c.read_byte_cnt));
      counter("node_tape_reads_completed_total", "The number of read requests issued to the tape drive.",
              static_cast<double>(c.read_cnt));
      counter("node_tape_read_time_seconds_total",
              "The amount of time spent waiting for read requests to complete.",
              static_cast<double>(c.read_ns) * 0.000000001);
      counter("node_tape_residual_total",
              "The number of times during a read or write we found the residual amount to be non-zero. This "
              "should mean that a program is issuing a read larger thean the block size on tape. For write "
              "not all data made it to tape.",
              static_cast<double>(c.resid_cnt));
      counter("node_tape_written_bytes_total", "The number of bytes written to the tape drive.",
              static_cast<double>(c.write_byte_cnt));
      counter("node_tape_writes_completed_total", "The number of write requests issued to the tape drive.",
              static_cast<double>(c.write_cnt));
      counter("node_tape_write_time_seconds_total",
              "The amount of time spent waiting for write requests to complete.",
              static_cast<double>(c.write_ns) * 0.000000001);
    }
    return {};
  }

 private:
  Paths paths_;
  Regex ignored_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kIgnoredFlag), "^$", "Regexp of devices to ignore for tapestats.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto ignored = Regex::Compile(cfg.flags.GetString(kIgnoredFlag), "--" + std::string(kIgnoredFlag));
  if (!ignored) return std::unexpected(ignored.error());
  return std::make_unique<TapestatsCollector>(cfg.paths, std::move(*ignored));
}

}  // namespace host_exporter::collectors::tapestats
