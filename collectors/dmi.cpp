// node_exporter's dmi collector: node_dmi_info, labelled with the DMI strings of
// /sys/class/dmi/id. As in node_exporter they are read once, when the collector
// is built (they only change across reboots).
#include "host_exporter/collector.h"
#include "host_exporter/gocompat/utf8.h"
#include "host_exporter/sysfs/class_dmi.h"

namespace host_exporter::collectors::dmi {
namespace {

constexpr std::string_view kHelp =
    "A metric with a constant '1' value labeled by bios_date, bios_release, bios_vendor, bios_version, "
    "board_asset_tag, board_name, board_serial, board_vendor, board_version, chassis_asset_tag, "
    "chassis_serial, chassis_vendor, chassis_version, product_family, product_name, product_serial, "
    "product_sku, product_uuid, product_version, system_vendor if provided by DMI.";

class DmiCollector final : public Collector {
 public:
  explicit DmiCollector(Labels labels) : labels_(std::move(labels)) {}

  Status Collect(MetricWriter& out) const override {
    if (labels_.empty()) return NoData("no DMI information");
    out.Gauge("node_dmi_info", kHelp, 1, labels_);
    return {};
  }

 private:
  Labels labels_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto dmi = sysfs::ReadDmiClass(cfg.paths);
  if (!dmi) {
    if (dmi.error().kind != ErrorKind::kNotFound) {
      return Fail(dmi.error().kind,
                  "failed to read Desktop Management Interface (DMI) information: " + dmi.error().message);
    }
    dmi = sysfs::DmiClass{};  // platform without DMI: the collector reports no data
  }
  const std::pair<std::string_view, const std::optional<std::string>*> fields[] = {
      {"bios_date", &dmi->bios_date},
      {"bios_release", &dmi->bios_release},
      {"bios_vendor", &dmi->bios_vendor},
      {"bios_version", &dmi->bios_version},
      {"board_asset_tag", &dmi->board_asset_tag},
      {"board_name", &dmi->board_name},
      {"board_serial", &dmi->board_serial},
      {"board_vendor", &dmi->board_vendor},
      {"board_version", &dmi->board_version},
      {"chassis_asset_tag", &dmi->chassis_asset_tag},
      {"chassis_serial", &dmi->chassis_serial},
      {"chassis_vendor", &dmi->chassis_vendor},
      {"chassis_version", &dmi->chassis_version},
      {"product_family", &dmi->product_family},
      {"product_name", &dmi->product_name},
      {"product_serial", &dmi->product_serial},
      {"product_sku", &dmi->product_sku},
      {"product_uuid", &dmi->product_uuid},
      {"product_version", &dmi->product_version},
      {"system_vendor", &dmi->sys_vendor},
  };
  Labels labels;
  for (const auto& [name, value] : fields) {
    if (value->has_value()) {
      labels.push_back(Label{std::string(name), gocompat::ToValidUTF8(**value, "\xEF\xBF\xBD")});
    }
  }
  return std::make_unique<DmiCollector>(std::move(labels));
}

}  // namespace host_exporter::collectors::dmi
