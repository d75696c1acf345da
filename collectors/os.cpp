// node_exporter's os collector: node_os_info, node_os_version and
// node_os_support_end_timestamp_seconds from os-release under --path.rootfs.
#include "host_exporter/collector.h"
#include "host_exporter/rootfs/os_release.h"

namespace host_exporter::collectors::os {
namespace {

class OsCollector final : public Collector {
 public:
  explicit OsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto r = rootfs::ReadOsRelease(paths_);
    if (!r) return std::unexpected(r.error());
    out.Gauge("node_os_info",
              "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, "
              "name, pretty_name, variant, variant_id, version, version_codename, version_id.",
              1,
              {{"build_id", r->build_id},
               {"id", r->id},
               {"id_like", r->id_like},
               {"image_id", r->image_id},
               {"image_version", r->image_version},
               {"name", r->name},
               {"pretty_name", r->pretty_name},
               {"variant", r->variant},
               {"variant_id", r->variant_id},
               {"version", r->version},
               {"version_codename", r->version_codename},
               {"version_id", r->version_id}});
    if (r->version_number > 0) {
      out.Gauge("node_os_version", "Metric containing the major.minor part of the OS version.", r->version_number,
                {{"id", r->id}, {"id_like", r->id_like}, {"name", r->name}});
    }
    if (r->support_end_unix) {
      out.Gauge("node_os_support_end_timestamp_seconds", "Metric containing the end-of-life date timestamp of the OS.",
                static_cast<double>(*r->support_end_unix));
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<OsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::os
