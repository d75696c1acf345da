// node_exporter's nfs collector: NFS client statistics from /proc/net/rpc/nfs.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_rpc_nfs.h"

namespace host_exporter::collectors::nfs {
namespace {

template <std::size_t N>
void Requests(MetricWriter& out, std::string_view proto, const std::array<std::string_view, N>& names,
              const std::array<std::uint64_t, N>& values) {
  for (std::size_t i = 0; i < N; ++i) {
    out.Counter("node_nfs_requests_total", "Number of NFS procedures invoked.", static_cast<double>(values[i]),
                {{"proto", proto}, {"method", names[i]}});
  }
}

class NfsCollector final : public Collector {
 public:
  explicit NfsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto s = procfs::ReadClientRpcStats(paths_);
    if (!s) return std::unexpected(s.error());  // no /proc/net/rpc/nfs: no NFS client, no data

    const char* kPacketsHelp = "Total NFSd network packets (sent+received) by protocol type.";
    out.Counter("node_nfs_packets_total", kPacketsHelp, static_cast<double>(s->network.udp_count),
                {{"protocol", "udp"}});
    out.Counter("node_nfs_packets_total", kPacketsHelp, static_cast<double>(s->network.tcp_count),
                {{"protocol", "tcp"}});
    out.Counter("node_nfs_connections_total", "Total number of NFSd TCP connections.",
                static_cast<double>(s->network.tcp_connect));
    out.Counter("node_nfs_rpcs_total", "Total number of RPCs performed.", static_cast<double>(s->client_rpc.rpc_count));
    out.Counter("node_nfs_rpc_retransmissions_total", "Number of RPC transmissions performed.",
                static_cast<double>(s->client_rpc.retransmissions));
    out.Counter("node_nfs_rpc_authentication_refreshes_total", "Number of RPC authentication refreshes performed.",
                static_cast<double>(s->client_rpc.auth_refreshes));
    Requests(out, "2", procfs::kNfsV2Procedures, s->v2);
    Requests(out, "3", procfs::kNfsV3Procedures, s->v3);
    Requests(out, "4", procfs::kNfsV4ClientProcedures, s->v4);
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<NfsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::nfs
