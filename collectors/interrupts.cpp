// node_exporter's interrupts collector: node_interrupts_total per interrupt and
// CPU from /proc/interrupts, filtered by "<name>;<info>;<devices>".
#include "host_exporter/procfs/interrupts.h"

#include <optional>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/regex.h"

namespace host_exporter::collectors::interrupts {
namespace {

constexpr std::string_view kInclude = "collector.interrupts.name-include";
constexpr std::string_view kExclude = "collector.interrupts.name-exclude";
constexpr std::string_view kIncludeZeros = "collector.interrupts.include-zeros";

// Thread safety: immutable after Create; Collect is const and reentrant.
class InterruptsCollector final : public Collector {
 public:
  InterruptsCollector(Paths paths, DeviceFilter filter, bool include_zeros)
      : paths_(std::move(paths)), filter_(std::move(filter)), include_zeros_(include_zeros) {}

  Status Collect(MetricWriter& out) const override {
    auto irqs = procfs::ReadInterrupts(paths_);
    if (!irqs) {
      // node_exporter fails (an error, not "no data") when the file is missing.
      Error e = irqs.error();
      if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
      return std::unexpected(std::move(e));
    }
    for (const procfs::Interrupt& irq : *irqs) {
      if (filter_.Ignored(irq.name + ";" + irq.info + ";" + irq.devices)) continue;
      for (std::size_t cpu = 0; cpu < irq.counts.size(); ++cpu) {
        const procfs::InterruptCount& c = irq.counts[cpu];
        if (!c.value) {
          return ParseFail(paths_.Proc("interrupts") + ": invalid value \"" + c.text + "\" in interrupts");
        }
        if (!include_zeros_ && *c.value == 0.0) continue;
        out.Counter("node_interrupts_total", "Interrupt details.", *c.value,
                    {{"cpu", std::to_string(cpu)}, {"type", irq.name}, {"info", irq.info}, {"devices", irq.devices}});
      }
    }
    return {};
  }

 private:
  Paths paths_;
  DeviceFilter filter_;
  bool include_zeros_;
};

Result<std::optional<Regex>> CompileFlag(const FlagValues& flags, std::string_view name) {
  const std::string& pattern = flags.GetString(name);
  if (pattern.empty()) return std::optional<Regex>{};
  auto re = Regex::Compile(pattern, "--" + std::string(name));
  if (!re) return std::unexpected(re.error());
  return std::optional<Regex>(std::move(*re));
}

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kInclude), "",
               "Regexp of interrupts name to include (mutually exclusive to --collector.interrupts.name-exclude).");
  flags.String(std::string(kExclude), "",
               "Regexp of interrupts name to exclude (mutually exclusive to --collector.interrupts.name-include).");
  flags.Bool(std::string(kIncludeZeros), true, "Include interrupts that have a zero value");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  // node_exporter applies both patterns when both are given (its help calls
  // them mutually exclusive but nothing checks), so this does too.
  auto include = CompileFlag(cfg.flags, kInclude);
  if (!include) return std::unexpected(include.error());
  auto exclude = CompileFlag(cfg.flags, kExclude);
  if (!exclude) return std::unexpected(exclude.error());
  return std::make_unique<InterruptsCollector>(cfg.paths, DeviceFilter(std::move(*exclude), std::move(*include)),
                                               cfg.flags.GetBool(kIncludeZeros));
}

}  // namespace host_exporter::collectors::interrupts
