// node_exporter's nfsd collector: NFS server statistics from /proc/net/rpc/nfsd.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_rpc_nfsd.h"

namespace host_exporter::collectors::nfsd {
namespace {

// The NFSv4 operations node_exporter reports, with their operation numbers.
struct Op {
  std::string_view name;
  std::size_t index;
};
constexpr Op kV4Ops[] = {
    {"Access", 3},        {"Close", 4},      {"Commit", 5},      {"Create", 6},      {"DelegPurge", 7},
    {"DelegReturn", 8},   {"GetAttr", 9},    {"GetFH", 10},      {"Link", 11},       {"Lock", 12},
    {"Lockt", 13},        {"Locku", 14},     {"Lookup", 15},     {"LookupRoot", 16}, {"Nverify", 17},
    {"Open", 18},         {"OpenAttr", 19},  {"OpenConfirm", 20}, {"OpenDgrd", 21},  {"PutFH", 22},
    {"Read", 25},         {"ReadDir", 26},   {"ReadLink", 27},   {"Remove", 28},     {"Rename", 29},
    {"Renew", 30},        {"RestoreFH", 31}, {"SaveFH", 32},     {"SecInfo", 33},    {"SetAttr", 34},
    {"SetClientID", 35},  {"SetClientIDConfirm", 36}, {"Verify", 37}, {"Write", 38}, {"RelLockOwner", 39},
};

class NfsdCollector final : public Collector {
 public:
  explicit NfsdCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto s = procfs::ReadServerRpcStats(paths_);
    if (!s) return std::unexpected(s.error());  // no /proc/net/rpc/nfsd: no NFS server, no data

    auto counter = [&](std::string_view name, std::string_view help, std::uint64_t v,
                       std::initializer_list<LabelView> labels = {}) {
      out.Counter(name, help, static_cast<double>(v), labels);
    };
    counter("node_nfsd_reply_cache_hits_total", "Total number of NFSd Reply Cache hits (client lost server response).",
            s->reply_cache.hits);
    counter("node_nfsd_reply_cache_misses_total",
            "Total number of NFSd Reply Cache an operation that requires caching (idempotent).", s->reply_cache.misses);
    counter("node_nfsd_reply_cache_nocache_total",
            "Total number of NFSd Reply Cache non-idempotent operations (rename/delete/\xE2\x80\xA6).",
            s->reply_cache.no_cache);
    counter("node_nfsd_file_handles_stale_total", "Total number of NFSd stale file handles", s->file_handles.stale);
    counter("node_nfsd_disk_bytes_read_total", "Total NFSd bytes read.", s->input_output.read);
    counter("node_nfsd_disk_bytes_written_total", "Total NFSd bytes written.", s->input_output.write);
    out.Gauge("node_nfsd_server_threads", "Total number of NFSd kernel threads that are running.",
              static_cast<double>(s->threads.threads));
    out.Gauge("node_nfsd_read_ahead_cache_size_blocks", "How large the read ahead cache is in blocks.",
              static_cast<double>(s->read_ahead_cache.cache_size));
    counter("node_nfsd_read_ahead_cache_not_found_total", "Total number of NFSd read ahead cache not found.",
            s->read_ahead_cache.not_found);
    const char* kPackets = "Total NFSd network packets (sent+received) by protocol type.";
    counter("node_nfsd_packets_total", kPackets, s->network.udp_count, {{"proto", "udp"}});
    counter("node_nfsd_packets_total", kPackets, s->network.tcp_count, {{"proto", "tcp"}});
    counter("node_nfsd_connections_total", "Total number of NFSd TCP connections.", s->network.tcp_connect);
    const char* kErrors = "Total number of NFSd RPC errors by error type.";
    counter("node_nfsd_rpc_errors_total", kErrors, s->server_rpc.bad_fmt, {{"error", "fmt"}});
    counter("node_nfsd_rpc_errors_total", kErrors, s->server_rpc.bad_auth, {{"error", "auth"}});
    counter("node_nfsd_rpc_errors_total", kErrors, s->server_rpc.badc_int, {{"error", "cInt"}});
    counter("node_nfsd_server_rpcs_total", "Total number of NFSd RPCs.", s->server_rpc.rpc_count);

    const char* kRequests = "Total number NFSd Requests by method and protocol.";
    // The NULL procedures are not reported.
    for (std::size_t i = 1; i < s->v2.size(); ++i) {
      counter("node_nfsd_requests_total", kRequests, s->v2[i], {{"proto", "2"}, {"method", procfs::kNfsV2Procedures[i]}});
    }
    for (std::size_t i = 1; i < s->v3.size(); ++i) {
      counter("node_nfsd_requests_total", kRequests, s->v3[i], {{"proto", "3"}, {"method", procfs::kNfsV3Procedures[i]}});
    }
    for (const Op& op : kV4Ops) {
      counter("node_nfsd_requests_total", kRequests, s->v4_ops[op.index], {{"proto", "4"}, {"method", op.name}});
    }
    counter("node_nfsd_requests_total", kRequests, s->wdeleg_getattr, {{"proto", "4"}, {"method", "WdelegGetattr"}});
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<NfsdCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::nfsd
