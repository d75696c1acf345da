// node_exporter's edac collector: memory controller, csrow and channel error
// counters from /sys/devices/system/edac/mc.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/edac.h"

namespace host_exporter::collectors::edac {
namespace {

class EdacCollector final : public Collector {
 public:
  explicit EdacCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto mcs = sysfs::ReadEdac(paths_);
    if (!mcs) return std::unexpected(mcs.error());
    for (const auto& mc : *mcs) {
      const std::string& c = mc.controller;
      out.Counter("node_edac_correctable_errors_total", "Total correctable memory errors.",
                  static_cast<double>(mc.ce_count), {{"controller", c}});
      out.Counter("node_edac_csrow_correctable_errors_total",
                  "Total correctable memory errors for this csrow.",
                  static_cast<double>(mc.ce_noinfo_count), {{"controller", c}, {"csrow", "unknown"}});
      out.Counter("node_edac_uncorrectable_errors_total", "Total uncorrectable memory errors.",
                  static_cast<double>(mc.ue_count), {{"controller", c}});
      out.Counter("node_edac_csrow_uncorrectable_errors_total",
                  "Total uncorrectable memory errors for this csrow.",
                  static_cast<double>(mc.ue_noinfo_count), {{"controller", c}, {"csrow", "unknown"}});
      for (const auto& row : mc.csrows) {
        out.Counter("node_edac_csrow_correctable_errors_total",
                    "Total correctable memory errors for this csrow.",
                    static_cast<double>(row.ce_count), {{"controller", c}, {"csrow", row.csrow}});
        out.Counter("node_edac_csrow_uncorrectable_errors_total",
                    "Total uncorrectable memory errors for this csrow.",
                    static_cast<double>(row.ue_count), {{"controller", c}, {"csrow", row.csrow}});
        for (const auto& ch : row.channels) {
          out.Counter("node_edac_channel_correctable_errors_total",
                      "Total correctable memory errors for this channel.",
                      static_cast<double>(ch.ce_count),
                      {{"controller", c}, {"csrow", row.csrow}, {"channel", ch.channel},
                       {"dimm_label", ch.dimm_label}});
          if (ch.ue_count) {
            out.Counter("node_edac_channel_uncorrectable_errors_total",
                        "Total uncorrectable memory errors for this channel.",
                        static_cast<double>(*ch.ue_count),
                        {{"controller", c}, {"csrow", row.csrow}, {"channel", ch.channel},
                         {"dimm_label", ch.dimm_label}});
          }
        }
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<EdacCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::edac
