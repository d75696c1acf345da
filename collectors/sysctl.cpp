// node_exporter's sysctl collector: the sysctls named by --collector.sysctl.include
// as node_sysctl_<name> numbers, and those named by --collector.sysctl.include-info
// as node_sysctl_info{name,value,index} (disabled by default, as in node_exporter).
// A flag value is "name" or "name:key1,key2,..." to give each field its own metric.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "host_exporter/collector.h"
#include "host_exporter/text.h"
#include "host_exporter/procfs/sysctl.h"

namespace host_exporter::collectors::sysctl {
namespace {

constexpr std::string_view kIncludeFlag = "collector.sysctl.include";
constexpr std::string_view kIncludeInfoFlag = "collector.sysctl.include-info";

bool IsMetricNameChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Go's fmt %v of a []string: "[a b c]".
std::string GoList(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? " " : "") + v[i];
  return out + "]";
}

struct Sysctl {
  bool numeric = true;
  std::string name;               // "fs.file-nr"
  std::vector<std::string> keys;  // from "name:key1,key2"
  std::string metric;             // "node_sysctl_fs_file_nr"
};

class SysctlCollector final : public Collector {
 public:
  SysctlCollector(Paths paths, std::vector<Sysctl> sysctls) : paths_(std::move(paths)), sysctls_(std::move(sysctls)) {}

  Status Collect(MetricWriter& out) const override {
    // A sysctl named twice would repeat series; node_exporter's registry keeps the first.
    std::set<std::string> seen;
    for (const Sysctl& s : sysctls_) {
      if (auto st = s.numeric ? CollectNumeric(s, out, seen) : CollectInfo(s, out, seen); !st) return st;
    }
    return {};
  }

 private:
  static bool First(std::set<std::string>& seen, std::string key) { return seen.insert(std::move(key)).second; }

  Status CollectNumeric(const Sysctl& s, MetricWriter& out, std::set<std::string>& seen) const {
    auto values = procfs::ReadSysctlInts(paths_, s.name);
    if (!values) return Wrap(values.error());
    if (auto st = CheckLength(s, values->size()); !st) return st;
    const std::string help = "sysctl " + s.name;
    if (values->size() == 1) {
      if (First(seen, s.metric)) out.Untyped(s.metric, help, static_cast<double>((*values)[0]));
    } else if (s.keys.empty()) {
      for (std::size_t i = 0; i < values->size(); ++i) {
        std::string index = std::to_string(i);
        if (First(seen, s.metric + "{" + index)) {
          out.Untyped(s.metric, help, static_cast<double>((*values)[i]), {{"index", index}});
        }
      }
    } else {
      for (std::size_t i = 0; i < values->size(); ++i) {
        std::string metric = s.metric + "_" + s.keys[i];
        if (First(seen, metric)) {
          out.Untyped(metric, help + ", field " + std::to_string(i), static_cast<double>((*values)[i]));
        }
      }
    }
    return {};
  }

  Status CollectInfo(const Sysctl& s, MetricWriter& out, std::set<std::string>& seen) const {
    auto values = procfs::ReadSysctlStrings(paths_, s.name);
    if (!values) return Wrap(values.error());
    if (auto st = CheckLength(s, values->size()); !st) return st;
    if (values->size() > 1 && !s.keys.empty()) {
      return Fail(ErrorKind::kInvalidArgument, "mapped sysctl string values not supported");
    }
    for (std::size_t i = 0; i < values->size(); ++i) {
      std::string index = std::to_string(i);
      if (First(seen, "info{" + s.name + "\n" + (*values)[i] + "\n" + index)) {
        out.Gauge("node_sysctl_info", "sysctl info", 1, {{"name", s.name}, {"value", (*values)[i]}, {"index", index}});
      }
    }
    return {};
  }

  static Status CheckLength(const Sysctl& s, std::size_t n) {
    if (n == 0) return Fail(ErrorKind::kIo, "sysctl " + s.name + " has no values");
    if (n == 1 && !s.keys.empty()) {
      return Fail(ErrorKind::kInvalidArgument,
                  "sysctl " + s.name + " has only one value, but expected " + GoList(s.keys));
    }
    if (n > 1 && !s.keys.empty() && n != s.keys.size()) {
      return Fail(ErrorKind::kInvalidArgument, "sysctl " + s.name + " has " + std::to_string(n) +
                                                   " keys but only " + std::to_string(s.keys.size()) +
                                                   " defined in flag");
    }
    return {};
  }

  static Status Wrap(Error e) {
    // A sysctl that was asked for by name and is missing is a failure, not "no data".
    if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
    e.message = "error obtaining sysctl info: " + e.message;
    return std::unexpected(std::move(e));
  }

  Paths paths_;
  std::vector<Sysctl> sysctls_;
};

Result<Sysctl> ParseInclude(std::string_view flag, const std::string& value, bool numeric) {
  Sysctl s;
  s.numeric = numeric;
  std::size_t colon = value.find(':');
  s.name = value.substr(0, colon);
  if (colon != std::string::npos) {
    std::string_view keys = std::string_view(value).substr(colon + 1);
    for (std::size_t start = 0;;) {
      std::size_t comma = keys.find(',', start);
      std::string key(keys.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      for (char c : key) {
        if (!IsMetricNameChar(c) && c != ':') {
          return Fail(ErrorKind::kInvalidArgument, "--" + std::string(flag) + "=" + value + ": key \"" + key +
                                                       "\" is not valid in a metric name (use [a-zA-Z0-9_:])");
        }
      }
      s.keys.push_back(std::move(key));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  // Go's BuildFQName leaves out an empty name.
  std::string sanitized = SanitizeMetricName(s.name);
  s.metric = sanitized.empty() ? "node_sysctl" : "node_sysctl_" + sanitized;
  return s;
}

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.Strings(std::string(kIncludeFlag), {}, "Select sysctl metrics to include");
  flags.Strings(std::string(kIncludeInfoFlag), {}, "Select sysctl metrics to include as info metrics");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  std::vector<Sysctl> sysctls;
  for (auto [flag, numeric] : {std::pair{kIncludeFlag, true}, std::pair{kIncludeInfoFlag, false}}) {
    for (const std::string& value : cfg.flags.GetStrings(flag)) {
      auto s = ParseInclude(flag, value, numeric);
      if (!s) return std::unexpected(s.error());
      sysctls.push_back(std::move(*s));
    }
  }
  return std::make_unique<SysctlCollector>(cfg.paths, std::move(sysctls));
}

}  // namespace host_exporter::collectors::sysctl
