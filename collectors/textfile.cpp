// node_exporter's textfile collector: the metrics of every *.prom file in the
// directories (or glob matches) of --collector.textfile.directory, plus
// node_textfile_mtime_seconds{file} for each file read and node_textfile_scrape_error.
//
// Beyond parsing, node_exporter's behaviour comes from two places, both mirrored
// here: the collector itself (a file with a syntax error or client-side
// timestamps is skipped whole and sets scrape_error; a family whose HELP differs
// from the same family's HELP in an earlier file is skipped and sets
// scrape_error; families without HELP get "Metric read from <files>"), and
// client_golang's registry, which merges same-named families across files and
// silently (scrape_error stays 0) drops a sample whose HELP or type disagrees with
// the family's first sample, that repeats a series, or whose family name collides
// with a summary's/histogram's _sum/_count/_bucket.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include "host_exporter/collector.h"
#include "host_exporter/exposition.h"
#include "host_exporter/file.h"
#include "host_exporter/gocompat/filepath.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/log.h"
#include "host_exporter/textfile/text_format.h"

namespace host_exporter::collectors::textfile {
namespace {

using gocompat::JoinPath;
using gocompat::Quote;
using host_exporter::textfile::MetricFamily;
using host_exporter::textfile::MetricKind;
using prometheus::ClientMetric;
using prometheus::MetricType;

constexpr std::string_view kDirectoryFlag = "collector.textfile.directory";

// node_exporter reads files whole without a limit; this only bounds memory.
constexpr std::size_t kMaxFileSize = 256u << 20;

const char* TypeName(MetricType t) {
  switch (t) {
    case MetricType::Counter: return "counter";
    case MetricType::Gauge: return "gauge";
    case MetricType::Summary: return "summary";
    case MetricType::Histogram: return "histogram";
    default: return "untyped";
  }
}

MetricType ToMetricType(MetricKind k) {
  switch (k) {
    case MetricKind::kCounter: return MetricType::Counter;
    case MetricKind::kGauge: return MetricType::Gauge;
    case MetricKind::kSummary: return MetricType::Summary;
    case MetricKind::kHistogram: return MetricType::Histogram;
    case MetricKind::kUntyped: break;
  }
  return MetricType::Untyped;
}

bool ValidLabelName(std::string_view s) {
  if (s.empty() || s.starts_with("__")) return false;  // "__" is reserved to Prometheus
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string SeriesText(const std::string& name, const ClientMetric& m) {
  std::string s = name + "{";
  for (std::size_t i = 0; i < m.label.size(); ++i) {
    if (i > 0) s += ",";
    s += m.label[i].name + "=" + Quote(m.label[i].value);
  }
  return s + "}";
}

// What client_golang's Registry.Gather checks as it merges the collected samples
// into families (processMetric, checkSuffixCollisions, checkMetricConsistency).
// A sample that fails is dropped and logged; the rest are served.
class Gatherer {
 public:
  void Add(const std::string& name, const std::string& help, MetricType type, ClientMetric m) {
    auto it = index_.find(name);
    if (it != index_.end()) {
      const prometheus::MetricFamily& f = families_[it->second].family;
      if (f.help != help) {
        return Drop("collected metric " + SeriesText(name, m) + " has help " + Quote(help) + " but should have " +
                    Quote(f.help));
      }
      if (f.type != type) return Drop("collected metric " + SeriesText(name, m) + " should be a " + TypeName(f.type));
    } else {
      if (auto collision = SuffixCollision(name, type)) return Drop(*collision);
      index_.emplace(name, families_.size());
      it = index_.find(name);
      families_.push_back(Family{prometheus::MetricFamily{name, help, type, {}}, {}});
    }
    Family& fam = families_[it->second];
    std::sort(m.label.begin(), m.label.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::string key;
    for (const auto& l : m.label) {
      if (!ValidLabelName(l.name)) {
        return Drop("collected metric " + SeriesText(name, m) + " has a label with an invalid name: " + l.name);
      }
      key.append(l.name).push_back('\xff');
      key.append(l.value).push_back('\xff');
    }
    if (!fam.series.insert(key).second) {
      return Drop("collected metric " + SeriesText(name, m) + " was collected before with the same name and label values");
    }
    fam.family.metric.push_back(std::move(m));
  }

  std::vector<prometheus::MetricFamily> Take() {
    std::vector<prometheus::MetricFamily> out;
    for (Family& f : families_) {
      if (!f.family.metric.empty()) out.push_back(std::move(f.family));
    }
    return out;
  }

 private:
  struct Family {
    prometheus::MetricFamily family;
    std::set<std::string> series;
  };

  static void Drop(const std::string& why) { log::Error("error gathering metrics", {{"err", why}}); }

  const Family* Find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &families_[it->second];
  }

  std::optional<std::string> SuffixCollision(const std::string& name, MetricType type) const {
    for (std::string_view suffix : {"_count", "_sum", "_bucket"}) {
      if (!name.ends_with(suffix)) continue;
      std::string base = name.substr(0, name.size() - suffix.size());
      if (const Family* f = Find(base)) {
        if (f->family.type == MetricType::Summary && suffix != "_bucket") {
          return "collected metric named " + Quote(name) + " collides with previously collected summary named " +
                 Quote(base);
        }
        if (f->family.type == MetricType::Histogram) {
          return "collected metric named " + Quote(name) + " collides with previously collected histogram named " +
                 Quote(base);
        }
      }
      break;
    }
    if (type == MetricType::Summary || type == MetricType::Histogram) {
      std::vector<std::string_view> suffixes = {"_count", "_sum"};
      if (type == MetricType::Histogram) suffixes.push_back("_bucket");
      for (std::string_view suffix : suffixes) {
        std::string other = name + std::string(suffix);
        if (Find(other) != nullptr) {
          return std::string("collected ") + TypeName(type) + " named " + Quote(name) +
                 " collides with previously collected metric named " + Quote(other);
        }
      }
    }
    return std::nullopt;
  }

  std::vector<Family> families_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Adds one parsed family as node_exporter's convertMetricFamily does: every
// sample gets all label names used in the family (missing ones empty), summary
// quantiles and histogram buckets are deduplicated and sorted.
void Convert(const MetricFamily& mf, const std::string& help, Gatherer& out) {
  std::vector<std::string> all_names;
  for (const auto& m : mf.metrics) {
    for (const auto& l : m.labels) {
      if (std::find(all_names.begin(), all_names.end(), l.name) == all_names.end()) all_names.push_back(l.name);
    }
  }
  const MetricType type = ToMetricType(mf.kind);
  for (const auto& m : mf.metrics) {
    ClientMetric cm;
    for (const auto& l : m.labels) cm.label.push_back({l.name, l.value});
    for (const std::string& n : all_names) {
      bool present = std::any_of(m.labels.begin(), m.labels.end(), [&](const auto& l) { return l.name == n; });
      if (!present) cm.label.push_back({n, ""});
    }
    switch (mf.kind) {
      case MetricKind::kCounter: cm.counter.value = m.value; break;
      case MetricKind::kGauge: cm.gauge.value = m.value; break;
      case MetricKind::kUntyped: cm.untyped.value = m.value; break;
      case MetricKind::kSummary: {
        std::map<double, double> quantiles;
        for (const auto& q : m.quantiles) quantiles[q.quantile] = q.value;
        cm.summary.sample_count = m.sample_count;
        cm.summary.sample_sum = m.sample_sum;
        for (const auto& [q, v] : quantiles) cm.summary.quantile.push_back({q, v});
        break;
      }
      case MetricKind::kHistogram: {
        std::map<double, std::uint64_t> buckets;
        for (const auto& b : m.buckets) buckets[b.upper_bound] = b.cumulative_count;
        cm.histogram.sample_count = m.sample_count;
        cm.histogram.sample_sum = m.sample_sum;
        for (const auto& [bound, count] : buckets) cm.histogram.bucket.push_back({count, bound});
        break;
      }
    }
    out.Add(mf.name, help, type, std::move(cm));
  }
}

struct ProcessedFile {
  std::vector<MetricFamily> families;
  std::optional<std::string> error;
  std::int64_t mtime = 0;
};

bool HasTimestamps(const std::vector<MetricFamily>& families) {
  for (const auto& f : families) {
    for (const auto& m : f.metrics) {
      if (m.timestamp_ms) return true;
    }
  }
  return false;
}

ProcessedFile ProcessFile(const std::string& path) {
  ProcessedFile out;
  auto file = File::Open(path);
  if (!file) {
    out.error = "failed to open textfile data file " + Quote(path) + ": " + file.error().message;
    return out;
  }
  std::string text;
  if (auto s = file->ReadAll(text, kMaxFileSize, path); !s) {
    out.error = "failed to parse textfile data from " + Quote(path) + ": " + s.error().message;
    return out;
  }
  auto families = host_exporter::textfile::ParseTextFormat(text);
  if (!families) {
    out.error = "failed to parse textfile data from " + Quote(path) + ": " + families.error().message;
    return out;
  }
  if (HasTimestamps(*families)) {
    out.error = "textfile " + Quote(path) + " contains unsupported client-side timestamps, skipping entire file";
    return out;
  }
  // Stat only after a successful parse, so that a failure does not look fresh.
  out.families = std::move(*families);
  struct stat st;
  if (::fstat(file->fd(), &st) != 0) {
    out.error = "failed to stat " + Quote(path) + ": " + std::strerror(errno);
    return out;
  }
  out.mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec);
  return out;
}

class TextfileCollector final : public Collector {
 public:
  explicit TextfileCollector(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}

  Status Collect(MetricWriter& out) const override {
    bool errored = false;
    std::vector<std::string> dirs;
    for (const std::string& pattern : patterns_) {
      auto matches = gocompat::GlobPath(pattern);
      if (!matches || matches->empty()) {
        dirs.push_back(pattern);  // not a glob, or nothing matched: a plain directory
      } else {
        dirs.insert(dirs.end(), matches->begin(), matches->end());
      }
    }

    std::vector<MetricFamily> parsed;
    std::unordered_map<std::string, std::vector<std::string>> files_of;
    // Per family name: the first HELP seen and, once one disagreed, that one.
    std::unordered_map<std::string, std::pair<std::string, std::optional<std::string>>> help_of;
    std::map<std::string, std::int64_t> mtimes;

    for (const std::string& dir : dirs) {
      auto names = ListDir(dir);
      if (!names) {
        if (!dir.empty()) {  // the default, unset directory is not an error
          errored = true;
          log::Error("failed to read textfile collector directory", {{"path", dir}, {"err", names.error().message}});
        }
        continue;
      }
      for (const std::string& name : *names) {
        if (!name.ends_with(".prom")) continue;
        std::string path = JoinPath({dir, name});
        ProcessedFile result = ProcessFile(path);
        for (MetricFamily& mf : result.families) {
          if (auto seen = help_of.find(mf.name); seen != help_of.end()) {
            auto& [first, conflict] = seen->second;
            // Once a HELP disagreed, every later family of the name is skipped
            // (node_exporter 1.12 crashes on one without HELP there; it is skipped too).
            if ((mf.help && *mf.help != first) || conflict) {
              conflict = mf.help.value_or("");
              errored = true;
              log::Error("inconsistent metric help text",
                         {{"metric", mf.name}, {"original_help_text", first}, {"new_help_text", *conflict},
                          {"file", files_of[mf.name].front()}});
              continue;
            }
          }
          if (mf.help) help_of[mf.name] = {*mf.help, std::nullopt};
          files_of[mf.name].push_back(path);
          parsed.push_back(std::move(mf));
        }
        if (result.error) {
          errored = true;
          log::Error("failed to collect textfile data", {{"file", name}, {"err", *result.error}});
          continue;
        }
        mtimes[path] = result.mtime;
      }
    }

    Gatherer gatherer;
    std::unordered_map<std::string, std::string> default_help;
    for (const MetricFamily& mf : parsed) {
      std::string help;
      if (mf.help) {
        help = *mf.help;
      } else {
        auto [it, inserted] = default_help.emplace(mf.name, "");
        if (inserted) {
          std::string files;
          for (const std::string& f : files_of[mf.name]) files += (files.empty() ? "" : ", ") + f;
          it->second = "Metric read from " + files;
        }
        help = it->second;
      }
      Convert(mf, help, gatherer);
    }
    for (const auto& [path, mtime] : mtimes) {
      ClientMetric m;
      m.label.push_back({"file", path});
      m.gauge.value = static_cast<double>(mtime);
      gatherer.Add("node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.",
                   MetricType::Gauge, std::move(m));
    }
    ClientMetric err;
    err.gauge.value = errored ? 1 : 0;
    gatherer.Add("node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise",
                 MetricType::Gauge, std::move(err));

    for (prometheus::MetricFamily& f : gatherer.Take()) out.AddFamily(std::move(f));
    return {};
  }

 private:
  std::vector<std::string> patterns_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.Strings(std::string(kDirectoryFlag), {""},
                "Directory to read text files with metrics from, supports glob matching. (repeatable)");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<TextfileCollector>(cfg.flags.GetStrings(kDirectoryFlag));
}

}  // namespace host_exporter::collectors::textfile
