// The explicit collector table: a collector missing its code fails the link.
#include <algorithm>
#include <array>

#include "host_exporter/collector.h"

#define HOST_EXPORTER_COLLECTOR(name, enabled)                           \
  namespace host_exporter::collectors::name {                            \
  void DeclareFlags(FlagSet& flags);                                     \
  Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg); \
  }
#include "collectors.def"
#undef HOST_EXPORTER_COLLECTOR

namespace host_exporter {
namespace {
constexpr CollectorInfo kCollectors[] = {
#define HOST_EXPORTER_COLLECTOR(name, enabled) \
  {#name, enabled, &collectors::name::DeclareFlags, &collectors::name::Create},
#include "collectors.def"
#undef HOST_EXPORTER_COLLECTOR
};
}  // namespace

std::span<const CollectorInfo> AllCollectors() { return kCollectors; }

const CollectorInfo* FindCollector(std::string_view name) {
  for (const auto& c : kCollectors) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace host_exporter
