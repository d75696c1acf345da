// The Prometheus text exposition format 0.0.4, parsed as node_exporter's
// textfile collector parses it: prometheus/common's expfmt.TextParser with
// legacy (ASCII) name validation. That parser is stricter than the format's
// spec in ways the collector exposes, and they are kept: a last line without
// '\n' is an error, so is whitespace after a sample value, and HELP/TYPE must
// come before a family's samples (TYPE) or only once (both).
// Thread safety: reentrant; the parser keeps no state between calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::textfile {

enum class MetricKind { kCounter, kGauge, kSummary, kUntyped, kHistogram };

struct LabelPair {
  std::string name;
  std::string value;
  bool operator==(const LabelPair&) const = default;
};

struct Quantile {
  double quantile = 0;
  double value = 0;
};

struct Bucket {
  double upper_bound = 0;
  std::uint64_t cumulative_count = 0;
};

// One sample (counter, gauge, untyped) or one summary/histogram, which gathers
// the lines that share its labels ("quantile"/"le" aside).
struct Metric {
  std::vector<LabelPair> labels;  // in input order; no "quantile"/"le" for summaries/histograms
  double value = 0;               // counter, gauge, untyped
  std::optional<std::int64_t> timestamp_ms;
  // Summaries and histograms; 0 when their _count/_sum lines are absent.
  std::uint64_t sample_count = 0;
  double sample_sum = 0;
  std::vector<Quantile> quantiles;  // in input order, duplicates kept
  std::vector<Bucket> buckets;      // in input order, duplicates kept
};

struct MetricFamily {
  std::string name;
  std::optional<std::string> help;  // empty when there is no HELP line
  MetricKind kind = MetricKind::kUntyped;
  std::vector<Metric> metrics;  // never empty
};

// Families sorted by name; families with HELP/TYPE but no samples are dropped.
// A syntax error fails the whole text: "text format parsing error in line N: ...".
Result<std::vector<MetricFamily>> ParseTextFormat(std::string_view text);

}  // namespace host_exporter::textfile
