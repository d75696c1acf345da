// node_exporter's vmstat collector: node_vmstat_<field> (untyped) for the
// /proc/vmstat fields matching --collector.vmstat.fields.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/match_memo.h"
#include "host_exporter/procfs/vmstat.h"
#include "host_exporter/regex.h"

namespace host_exporter::collectors::vmstat {
namespace {

constexpr const char* kFieldsFlag = "collector.vmstat.fields";

class VmstatCollector final : public Collector {
 public:
  VmstatCollector(Paths paths, Regex fields) : paths_(std::move(paths)), fields_(std::move(fields)) {}

  Status Collect(MetricWriter& out) const override {
    std::string text;  // the entries point into it
    auto entries = procfs::ReadVmstat(paths_, text);
    if (!entries) return std::unexpected(entries.error());
    std::string name, help;
    MemoizedRegex::Batch fields(fields_);
    for (const auto& e : *entries) {
      if (!fields.Match(e.name)) continue;
      name.assign("node_vmstat_").append(e.name);
      help.assign("/proc/vmstat information field ").append(e.name).append(".");
      out.Untyped(name, help, e.value);
    }
    return {};
  }

 private:
  Paths paths_;
  MemoizedRegex fields_;  // the same field names every scrape
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(kFieldsFlag, "^(oom_kill|pgpg|pswp|pg.*fault).*",
               "Regexp of fields to return for vmstat collector.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  auto re = Regex::Compile(cfg.flags.GetString(kFieldsFlag), std::string("--") + kFieldsFlag);
  if (!re) return std::unexpected(re.error());
  return std::make_unique<VmstatCollector>(cfg.paths, std::move(*re));
}

}  // namespace host_exporter::collectors::vmstat
