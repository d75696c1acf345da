// node_exporter's powersupplyclass collector: node_power_supply_* from
// /sys/class/power_supply, one gauge per attribute the supply exposes plus
// node_power_supply_info with its text attributes as labels.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/power_supply.h"

namespace host_exporter::collectors::powersupplyclass {
namespace {

constexpr std::string_view kIgnoredFlag = "collector.powersupply.ignored-supplies";

struct NumericMetric {
  std::string_view metric;     // node_power_supply_<metric>
  std::string_view attribute;  // file under /sys/class/power_supply/<supply>/
  double divisor;              // the kernel's unit -> node_exporter's unit
};

// node_exporter's tables: plain counts; micro-units (uA, uV, uWh, uAh, uW) / 1e6;
// tenths of a degree Celsius / 10.
constexpr NumericMetric kNumeric[] = {
    {"authentic", "authentic", 1},
    {"calibrate", "calibrate", 1},
    {"capacity", "capacity", 1},
    {"capacity_alert_max", "capacity_alert_max", 1},
    {"capacity_alert_min", "capacity_alert_min", 1},
    {"cyclecount", "cycle_count", 1},
    {"online", "online", 1},
    {"present", "present", 1},
    {"time_to_empty_seconds", "time_to_empty_now", 1},
    {"time_to_full_seconds", "time_to_full_now", 1},
    {"current_boot", "current_boot", 1e6},
    {"current_max", "current_max", 1e6},
    {"current_ampere", "current_now", 1e6},
    {"energy_empty", "energy_empty", 1e6},
    {"energy_empty_design", "energy_empty_design", 1e6},
    {"energy_full", "energy_full", 1e6},
    {"energy_full_design", "energy_full_design", 1e6},
    {"energy_watthour", "energy_now", 1e6},
    {"voltage_boot", "voltage_boot", 1e6},
    {"voltage_max", "voltage_max", 1e6},
    {"voltage_max_design", "voltage_max_design", 1e6},
    {"voltage_min", "voltage_min", 1e6},
    {"voltage_min_design", "voltage_min_design", 1e6},
    {"voltage_volt", "voltage_now", 1e6},
    {"voltage_ocv", "voltage_ocv", 1e6},
    {"charge_control_limit", "charge_control_limit", 1e6},
    {"charge_control_limit_max", "charge_control_limit_max", 1e6},
    {"charge_counter", "charge_counter", 1e6},
    {"charge_empty", "charge_empty", 1e6},
    {"charge_empty_design", "charge_empty_design", 1e6},
    {"charge_full", "charge_full", 1e6},
    {"charge_full_design", "charge_full_design", 1e6},
    {"charge_ampere", "charge_now", 1e6},
    {"charge_term_current", "charge_term_current", 1e6},
    {"constant_charge_current", "constant_charge_current", 1e6},
    {"constant_charge_current_max", "constant_charge_current_max", 1e6},
    {"constant_charge_voltage", "constant_charge_voltage", 1e6},
    {"constant_charge_voltage_max", "constant_charge_voltage_max", 1e6},
    {"precharge_current", "precharge_current", 1e6},
    {"input_current_limit", "input_current_limit", 1e6},
    {"power_watt", "power_now", 1e6},
    {"temp_celsius", "temp", 10},
    {"temp_alert_max_celsius", "temp_alert_max", 10},
    {"temp_alert_min_celsius", "temp_alert_min", 10},
    {"temp_ambient_celsius", "temp_ambient", 10},
    {"temp_ambient_max_celsius", "temp_ambient_max", 10},
    {"temp_ambient_min_celsius", "temp_ambient_min", 10},
    {"temp_max_celsius", "temp_max", 10},
    {"temp_min_celsius", "temp_min", 10},
};

// node_power_supply_info label -> text attribute ("power_supply" is the name).
constexpr std::string_view kInfoLabels[] = {
    "capacity_level", "charge_type", "health", "manufacturer", "model_name", "serial_number",
    "status",         "technology",  "type",   "usb_type",     "scope",
};

// Length of the valid UTF-8 sequence at s[i] (Go's utf8.DecodeRune rules), or 0.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return k < s.size() && b(k) >= lo && b(k) <= hi;
  };
  unsigned c = b(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : 0xBF;  // no UTF-16 surrogates
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// Go's strings.ToValidUTF8(s, "\uFFFD"): each run of invalid bytes becomes one U+FFFD.
std::string ToValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_invalid = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      if (!in_invalid) out.append("\xEF\xBF\xBD");
      in_invalid = true;
      ++i;
      continue;
    }
    in_invalid = false;
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

class PowerSupplyClassCollector final : public Collector {
 public:
  PowerSupplyClassCollector(Paths paths, Regex ignored)
      : paths_(std::move(paths)), ignored_(std::move(ignored)) {}

  Status Collect(MetricWriter& out) const override {
    auto supplies = sysfs::ReadPowerSupplies(paths_);
    if (!supplies) {
      Error e = supplies.error();
      e.message = "could not get power_supply class info: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& ps : *supplies) {
      if (ignored_.Match(ps.name)) continue;
      for (const auto& m : kNumeric) {
        const std::int64_t* v = ps.Number(m.attribute);
        if (v == nullptr) continue;
        std::string name = "node_power_supply_" + std::string(m.metric);
        std::string help = std::string(m.metric) + " value of /sys/class/power_supply/<power_supply>.";
        double value = static_cast<double>(*v);
        if (m.divisor != 1) value /= m.divisor;
        out.Gauge(name, help, value, {{"power_supply", ps.name}});
      }
      Labels labels = {{"power_supply", ToValidUtf8(ps.name)}};
      for (std::string_view label : kInfoLabels) {
        std::string_view value = ps.String(label);
        if (!value.empty()) labels.push_back({std::string(label), ToValidUtf8(value)});
      }
      out.Gauge("node_power_supply_info", "info of /sys/class/power_supply/<power_supply>.", 1,
                std::move(labels));
    }
    return {};
  }

 private:
  Paths paths_;
  Regex ignored_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kIgnoredFlag), "^$",
               "Regexp of power supplies to ignore for powersupplyclass collector.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto ignored = Regex::Compile(cfg.flags.GetString(kIgnoredFlag), "--" + std::string(kIgnoredFlag));
  if (!ignored) return std::unexpected(ignored.error());
  return std::make_unique<PowerSupplyClassCollector>(cfg.paths, std::move(*ignored));
}

}  // namespace host_exporter::collectors::powersupplyclass
