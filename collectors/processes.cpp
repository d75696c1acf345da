// node_exporter's processes collector: node_processes_* from every
// /proc/<pid>/stat and /proc/<pid>/task/<tid>/stat, with the limits from
// /proc/sys/kernel/{threads-max,pid_max} (disabled by default, as in node_exporter).
#include <map>
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/pid.h"
#include "host_exporter/procfs/sysctl.h"

namespace host_exporter::collectors::processes {
namespace {

struct Counts {
  std::int64_t pids = 0;
  std::int64_t threads = 0;
  std::map<std::string, std::int64_t> states;         // of processes
  std::map<std::string, std::int64_t> thread_states;  // of every thread
};

Status Wrapped(std::string prefix, Error e) {
  e.message = std::move(prefix) + e.message;
  return std::unexpected(std::move(e));
}

class ProcessesCollector final : public Collector {
 public:
  explicit ProcessesCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    Counts c;
    if (auto st = Count(c); !st) {
      return Wrapped("unable to retrieve number of allocated threads: ", st.error());
    }
    out.Gauge("node_processes_threads", "Allocated threads in system", static_cast<double>(c.threads));
    auto max_threads = procfs::ReadSysctlUint(paths_, "sys/kernel/threads-max");
    if (!max_threads) return Wrapped("unable to retrieve limit number of threads: ", max_threads.error());
    out.Gauge("node_processes_max_threads", "Limit of threads in the system", static_cast<double>(*max_threads));
    for (const auto& [state, n] : c.states) {
      out.Gauge("node_processes_state", "Number of processes in each state.", static_cast<double>(n),
                {{"state", state}});
    }
    for (const auto& [state, n] : c.thread_states) {
      out.Gauge("node_processes_threads_state", "Number of threads in each state.", static_cast<double>(n),
                {{"thread_state", state}});
    }
    auto pid_max = procfs::ReadSysctlUint(paths_, "sys/kernel/pid_max");
    if (!pid_max) return Wrapped("unable to retrieve limit number of maximum pids alloved: ", pid_max.error());
    out.Gauge("node_processes_pids", "Number of PIDs", static_cast<double>(c.pids));
    out.Gauge("node_processes_max_processes", "Number of max PIDs limit", static_cast<double>(*pid_max));
    return {};
  }

 private:
  Status Count(Counts& c) const {
    auto pids = procfs::ReadPidList(paths_.procfs);
    if (!pids) return Wrapped("unable to list all processes: ", pids.error());
    for (int pid : *pids) {
      std::string dir = std::to_string(pid);
      auto stat = procfs::ReadPidStat(paths_.Proc(dir + "/stat"));
      if (!stat) {
        // Processes exit between listing /proc and reading their stat.
        if (procfs::IsVanished(stat.error())) continue;
        return Wrapped("error reading stat for pid " + dir + ": ", stat.error());
      }
      std::string state(1, stat->state);
      ++c.pids;
      ++c.states[state];
      c.threads += stat->num_threads;
      if (auto st = CountThreads(pid, state, c); !st) return st;
    }
    return {};
  }

  Status CountThreads(int pid, const std::string& pid_state, Counts& c) const {
    std::string task = paths_.Proc(std::to_string(pid) + "/task");
    auto tids = procfs::ReadPidList(task);
    if (!tids) {
      if (procfs::IsVanished(tids.error())) return {};
      return Wrapped("unable to list all threads for pid " + std::to_string(pid) + ": ", tids.error());
    }
    for (int tid : *tids) {
      if (tid == pid) {
        ++c.thread_states[pid_state];
        continue;
      }
      auto stat = procfs::ReadPidStat(task + "/" + std::to_string(tid) + "/stat");
      if (!stat) {
        if (procfs::IsVanished(stat.error())) continue;
        return Wrapped("error reading stat for pid:" + std::to_string(pid) + " thread:" + std::to_string(tid) + ": ",
                       stat.error());
      }
      ++c.thread_states[std::string(1, stat->state)];
    }
    return {};
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<ProcessesCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::processes
