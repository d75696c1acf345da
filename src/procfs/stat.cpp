#include "host_exporter/procfs/stat.h"

#include <array>
#include <string>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

Error AtLine(std::size_t line, std::string_view key, Error e) {
  e.message = "line " + std::to_string(line) + " (" + std::string(key) + "): " + e.message;
  return e;
}

// "cpu" or "cpuN" followed by up to ten tick counts; missing trailing fields stay 0.
Result<std::int64_t> ParseCpuLine(const std::vector<std::string_view>& fields, CpuStat& out) {
  std::array<double*, 10> dst = {&out.user,    &out.nice,  &out.system, &out.idle,  &out.iowait,
                                 &out.irq,     &out.softirq, &out.steal, &out.guest, &out.guest_nice};
  for (std::size_t i = 0; i < dst.size() && i + 1 < fields.size(); ++i) {
    auto v = ParseDouble(fields[i + 1]);
    if (!v) return std::unexpected(v.error());
    *dst[i] = *v / kUserHz;
  }
  std::string_view name = fields[0];
  if (name == "cpu") return -1;
  return ParseInt(name.substr(3));
}

Status ParseSoftIrqLine(const std::vector<std::string_view>& fields, Stat& out) {
  SoftIrqStat& s = out.softirq;
  std::array<std::uint64_t*, 11> dst = {&out.softirq_total, &s.hi,      &s.timer, &s.net_tx,
                                        &s.net_rx,          &s.block,   &s.block_iopoll,
                                        &s.tasklet,         &s.sched,   &s.hrtimer, &s.rcu};
  if (fields.size() < dst.size() + 1) {
    return ParseFail("expected " + std::to_string(dst.size()) + " numbers, got " +
                     std::to_string(fields.size() - 1));
  }
  for (std::size_t i = 0; i < dst.size(); ++i) {
    auto v = ParseUint(fields[i + 1]);
    if (!v) return std::unexpected(v.error());
    *dst[i] = *v;
  }
  return {};
}

}  // namespace

Result<Stat> ParseStat(std::string_view text) {
  Stat out;
  std::size_t lineno = 0;
  for (std::string_view line : SplitLines(text)) {
    ++lineno;
    auto fields = SplitFields(line);
    if (fields.size() < 2) continue;
    std::string_view key = fields[0];
    std::uint64_t* scalar = nullptr;
    if (key == "btime") scalar = &out.boot_time;
    else if (key == "ctxt") scalar = &out.context_switches;
    else if (key == "processes") scalar = &out.process_created;
    else if (key == "procs_running") scalar = &out.processes_running;
    else if (key == "procs_blocked") scalar = &out.processes_blocked;

    if (scalar != nullptr) {
      auto v = ParseUint(fields[1]);
      if (!v) return std::unexpected(AtLine(lineno, key, v.error()));
      *scalar = *v;
    } else if (key == "intr") {
      auto total = ParseUint(fields[1]);
      if (!total) return std::unexpected(AtLine(lineno, key, total.error()));
      out.irq_total = *total;
      out.irq.assign(fields.size() - 2, 0);
      for (std::size_t i = 2; i < fields.size(); ++i) {
        auto v = ParseUint(fields[i]);
        if (!v) return std::unexpected(AtLine(lineno, key, v.error()));
        out.irq[i - 2] = *v;
      }
    } else if (key == "softirq") {
      if (auto s = ParseSoftIrqLine(fields, out); !s) {
        return std::unexpected(AtLine(lineno, key, s.error()));
      }
    } else if (key.starts_with("cpu")) {
      CpuStat cpu;
      auto id = ParseCpuLine(fields, cpu);
      if (!id) return std::unexpected(AtLine(lineno, key, id.error()));
      // procfs reports "cpu" as id -1 and files it as the total, whatever spelled it.
      if (*id == -1) {
        out.cpu_total = cpu;
      } else {
        out.cpu[*id] = cpu;
      }
    }
  }
  return out;
}

Result<Stat> ReadStat(const Paths& paths) {
  std::string path = paths.Proc("stat");
  return ParseFile(path, ParseStat);
}

}  // namespace host_exporter::procfs
