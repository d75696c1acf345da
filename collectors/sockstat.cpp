// node_exporter's sockstat collector: node_sockstat_sockets_used and
// node_sockstat_<PROTO>_<state> from /proc/net/sockstat{,6}, plus
// node_sockstat_<PROTO>_mem_bytes (mem is in pages).
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/net_sockstat.h"

namespace host_exporter::collectors::sockstat {
namespace {

class SockstatCollector final : public Collector {
 public:
  SockstatCollector(Paths paths, std::int64_t page_size) : paths_(std::move(paths)), page_size_(page_size) {}

  Status Collect(MetricWriter& out) const override {
    // IPv4 or IPv6 may be disabled: a missing file is skipped.
    auto stat4 = procfs::ReadNetSockstat(paths_);
    if (!stat4) {
      if (stat4.error().kind != ErrorKind::kNotFound) return std::unexpected(stat4.error());
      log::Debug("IPv4 sockstat statistics not found, skipping");
    }
    auto stat6 = procfs::ReadNetSockstat6(paths_);
    if (!stat6) {
      if (stat6.error().kind != ErrorKind::kNotFound) return std::unexpected(stat6.error());
      log::Debug("IPv6 sockstat statistics not found, skipping");
    }
    if (stat4) Write(out, *stat4, false);
    if (stat6) Write(out, *stat6, true);
    return {};
  }

 private:
  void Write(MetricWriter& out, const procfs::NetSockstat& s, bool ipv6) const {
    if (!ipv6 && s.used) {
      out.Gauge("node_sockstat_sockets_used", "Number of IPv4 sockets in use.", static_cast<double>(*s.used));
    }
    for (const auto& p : s.protocols) {
      auto emit = [&](const char* state, std::optional<std::int64_t> v) {
        if (!v) return;
        out.Gauge("node_sockstat_" + p.protocol + "_" + state,
                  "Number of " + p.protocol + " sockets in state " + state + ".", static_cast<double>(*v));
      };
      emit("inuse", p.inuse);
      emit("orphan", p.orphan);
      emit("tw", p.tw);
      emit("alloc", p.alloc);
      emit("mem", p.mem);
      emit("memory", p.memory);
      if (p.mem) {
        // Go's int multiplication: wraps on overflow.
        auto bytes = static_cast<std::int64_t>(static_cast<std::uint64_t>(*p.mem) *
                                               static_cast<std::uint64_t>(page_size_));
        emit("mem_bytes", bytes);
      }
    }
  }

  Paths paths_;
  std::int64_t page_size_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  long page = sysconf(_SC_PAGESIZE);
  return std::make_unique<SockstatCollector>(cfg.paths, page > 0 ? page : 4096);
}

}  // namespace host_exporter::collectors::sockstat
