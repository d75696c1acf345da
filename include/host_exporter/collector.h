// The collector interface and registry. A collector is built once from its
// options and then asked to collect on every scrape.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "host_exporter/flags.h"
#include "host_exporter/metric_writer.h"
#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter {

// What a collector is built from.
struct CollectorConfig {
  Paths paths;
  const FlagValues& flags;
};

// Thread safety: Collect is const and reentrant; it keeps per-scrape state on
// the stack and never throws. It may write samples and then fail: as in
// node_exporter, what it wrote is still served and success is 0.
class Collector {
 public:
  virtual ~Collector() = default;
  virtual Status Collect(MetricWriter& out) const = 0;
};

using CollectorFactory = Result<std::unique_ptr<Collector>> (*)(const CollectorConfig&);
using FlagDeclarer = void (*)(FlagSet&);

struct CollectorInfo {
  std::string_view name;
  bool enabled_by_default;
  FlagDeclarer declare_flags;
  CollectorFactory create;
};

// Every collector, sorted by name (collectors/collectors.def).
std::span<const CollectorInfo> AllCollectors();
const CollectorInfo* FindCollector(std::string_view name);

}  // namespace host_exporter
