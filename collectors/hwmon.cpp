// node_exporter's hwmon collector: node_hwmon_* from /sys/class/hwmon (like lm-sensors).
#include <optional>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/hwmon.h"

namespace host_exporter::collectors::hwmon {
namespace {

constexpr std::string_view kChipInclude = "collector.hwmon.chip-include";
constexpr std::string_view kChipExclude = "collector.hwmon.chip-exclude";
constexpr std::string_view kSensorInclude = "collector.hwmon.sensor-include";
constexpr std::string_view kSensorExclude = "collector.hwmon.sensor-exclude";

// node_exporter's newDeviceFilter: both patterns may be given (no exclusivity check).
Result<DeviceFilter> FilterFromFlags(const FlagValues& flags, std::string_view include_flag,
                                     std::string_view exclude_flag) {
  std::optional<Regex> include, exclude;
  if (const std::string& p = flags.GetString(include_flag); !p.empty()) {
    auto r = Regex::Compile(p, "--" + std::string(include_flag));
    if (!r) return std::unexpected(r.error());
    include = std::move(*r);
  }
  if (const std::string& p = flags.GetString(exclude_flag); !p.empty()) {
    auto r = Regex::Compile(p, "--" + std::string(exclude_flag));
    if (!r) return std::unexpected(r.error());
    exclude = std::move(*r);
  }
  return DeviceFilter(std::move(exclude), std::move(include));
}

// node_exporter returns a chip's error as is (no ErrNoData check): a missing
// file inside a chip is a failure, not "no data".
Error AsFailure(Error e) {
  if (e.IsNoData()) e.kind = ErrorKind::kIo;
  return e;
}

class HwmonCollector final : public Collector {
 public:
  HwmonCollector(Paths paths, DeviceFilter chips, DeviceFilter sensors)
      : paths_(std::move(paths)), chips_(std::move(chips)), sensors_(std::move(sensors)) {}

  Status Collect(MetricWriter& out) const override {
    auto dirs = sysfs::ListHwmonDirs(paths_);
    if (!dirs) return std::unexpected(dirs.error());  // no /sys/class/hwmon: no data

    Status last;
    // Pass 1: device-derived names, so that chips sharing a device can be told apart.
    struct Chip {
      const sysfs::HwmonDir* dir;
      std::optional<std::string> human;
    };
    std::vector<Chip> chips;
    std::vector<sysfs::HwmonChipNaming> naming;
    for (const auto& d : *dirs) {
      auto id = sysfs::ReadHwmonChipIdentity(d.path);
      if (!id) {
        last = std::unexpected(AsFailure(id.error()));
        continue;
      }
      chips.push_back(Chip{&d, id->human});
      naming.push_back(sysfs::HwmonChipNaming{id->base, id->human, d.entry});
    }
    std::vector<std::string> names = sysfs::DisambiguateHwmonChips(naming);

    // Pass 2: filter on the final chip label and emit.
    for (std::size_t i = 0; i < chips.size(); ++i) {
      const std::string& chip = names[i];
      if (chips_.Ignored(chip)) {
        if (log::DebugEnabled()) log::Debug("ignoring hwmon chip", {{"chip", chip}});
        continue;
      }
      auto sensors = sysfs::ReadHwmonSensors(chips[i].dir->path);
      if (!sensors) {
        last = std::unexpected(AsFailure(sensors.error()));
        continue;
      }
      if (chips[i].human) {
        out.Gauge("node_hwmon_chip_names", "Annotation metric for human-readable chip names", 1,
                  {{"chip", chip}, {"chip_name", *chips[i].human}});
      }
      for (const auto& [sensor, data] : *sensors) {
        // Sensors are filtered on "<chip>;<sensor>", e.g. "platform_coretemp_0;temp3".
        if (sensors_.Ignored(chip + ";" + sensor)) {
          if (log::DebugEnabled()) log::Debug("ignoring sensor", {{"sensor", sensor}});
          continue;
        }
        EmitSensor(out, chip, sensor, data);
      }
    }
    return last;
  }

 private:
  static void EmitSensor(MetricWriter& out, const std::string& chip, const std::string& sensor,
                         const sysfs::HwmonSensor& data) {
    const std::string& type = data.type;
    const auto& props = data.props;
    auto bare = props.find("");
    auto label = props.find("label");
    if (label != props.end()) {
      out.Gauge("node_hwmon_sensor_label", "Label for given chip and sensor", 1,
                {{"chip", chip}, {"sensor", sensor}, {"label", sysfs::ToValidUtf8(label->second.raw)}});
    }
    auto gauge = [&](const std::string& name, const std::string& help, double v) {
      out.Gauge(name, help, v, {{"chip", chip}, {"sensor", sensor}});
    };

    if (type == "beep_enable") {
      bool on = bare != props.end() && bare->second.raw == "1";
      gauge("node_hwmon_beep_enabled", "Hardware beep enabled", on ? 1.0 : 0.0);
      return;
    }
    if (type == "vrm") {
      if (bare != props.end() && bare->second.number) {
        gauge("node_hwmon_voltage_regulator_version", "Hardware voltage regulator", *bare->second.number);
      }
      return;
    }
    if (type == "update_interval") {
      if (bare != props.end() && bare->second.number) {
        gauge("node_hwmon_update_interval_seconds", "Hardware monitor update interval",
              *bare->second.number * 0.001);
      }
      return;
    }

    const std::string prefix = "node_hwmon_" + type;
    for (const auto& [prop, value] : props) {
      if (prop == "label") continue;
      std::string element = prop;
      std::string name = prefix;
      if (element == "input") {
        // "input" is the value itself, unless a bare file already is.
        if (bare != props.end()) name += "_input";
      } else if (!element.empty()) {
        name += "_" + sysfs::CleanHwmonName(element);
      }
      if (!value.number) continue;
      double v = *value.number;

      // fault, alarm and beep carry no unit.
      if (element == "fault" || element == "alarm") {
        gauge(name, "Hardware sensor " + element + " status (" + type + ")", v);
        continue;
      }
      if (element == "beep") {
        gauge(name + "_enabled", "Hardware monitor sensor has beeping enabled", v);
        continue;
      }
      if (type == "in" || type == "cpu") {
        gauge(name + "_volts", "Hardware monitor for voltage (" + element + ")", v * 0.001);
        continue;
      }
      if (type == "temp" && element != "type") {
        if (element.empty()) element = "input";
        gauge(name + "_celsius", "Hardware monitor for temperature (" + element + ")", v * 0.001);
        continue;
      }
      if (type == "curr") {
        gauge(name + "_amps", "Hardware monitor for current (" + element + ")", v * 0.001);
        continue;
      }
      if (type == "energy") {
        out.Counter(name + "_joule_total", "Hardware monitor for joules used so far (" + element + ")",
                    v / 1000000.0, {{"chip", chip}, {"sensor", sensor}});
        continue;
      }
      if (type == "power" && element == "accuracy") {
        gauge(name, "Hardware monitor power meter accuracy, as a ratio", v / 1000000.0);
        continue;
      }
      if (type == "power" && (element == "average_interval" || element == "average_interval_min" ||
                              element == "average_interval_max")) {
        gauge(name + "_seconds", "Hardware monitor power usage update interval (" + element + ")", v * 0.001);
        continue;
      }
      if (type == "power") {
        gauge(name + "_watt", "Hardware monitor for power usage in watts (" + element + ")", v / 1000000.0);
        continue;
      }
      if (type == "humidity") {
        gauge(name,
              "Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a "
              "percentage) (" + element + ")",
              v / 1000000.0);
        continue;
      }
      if (type == "fan" && (element == "input" || element == "min" || element == "max" || element == "target")) {
        gauge(name + "_rpm", "Hardware monitor for fan revolutions per minute (" + element + ")", v);
        continue;
      }
      if (type == "freq" && element == "input") {
        // GPU clocks: the cleaned label takes the place of the sensor name.
        if (label != props.end()) {
          out.Gauge(name + "_freq_mhz", "Hardware monitor for GPU frequency in MHz", v / 1000000.0,
                    {{"chip", chip}, {"sensor", sysfs::CleanHwmonName(label->second.raw)}});
        }
        continue;
      }
      // Anything else is exported as is.
      gauge(name, "Hardware monitor " + type + " element " + element, v);
    }
  }

  Paths paths_;
  DeviceFilter chips_;
  DeviceFilter sensors_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kChipInclude), "",
               "Regexp of hwmon chip to include (mutually exclusive to device-exclude).");
  flags.String(std::string(kChipExclude), "",
               "Regexp of hwmon chip to exclude (mutually exclusive to device-include).");
  flags.String(std::string(kSensorInclude), "",
               "Regexp of hwmon sensor to include (mutually exclusive to sensor-exclude).");
  flags.String(std::string(kSensorExclude), "",
               "Regexp of hwmon sensor to exclude (mutually exclusive to sensor-include).");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto chips = FilterFromFlags(cfg.flags, kChipInclude, kChipExclude);
  if (!chips) return std::unexpected(chips.error());
  auto sensors = FilterFromFlags(cfg.flags, kSensorInclude, kSensorExclude);
  if (!sensors) return std::unexpected(sensors.error());
  return std::make_unique<HwmonCollector>(cfg.paths, std::move(*chips), std::move(*sensors));
}

}  // namespace host_exporter::collectors::hwmon
