// node_exporter's mountstats collector: node_mountstats_nfs_* per NFS export
// from /proc/self/mountstats, with the server address from /proc/self/mountinfo.
// Mounts of the same export over the same protocol and address are reported
// once; node_mountstats_nfs_mountpoint_info names every mount point.
#include "host_exporter/procfs/mountstats.h"

#include <array>
#include <cstdint>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/mountinfo.h"
#include "host_exporter/procfs/self.h"
#include "series_set.h"

namespace host_exporter::collectors::mountstats {
namespace {

using procfs::NfsEvents;
using procfs::NfsMountStats;
using procfs::NfsOperation;
using procfs::NfsTransport;
using prometheus::MetricType;

// node_exporter wraps millisecond and second counters at 2^53 so they stay exact in a double.
constexpr std::uint64_t kFloat64Mantissa = 9007199254740992ULL;

constexpr std::string_view kPrefix = "node_mountstats_nfs_";

template <class T>
struct Field {
  std::string_view name;  // after kPrefix
  std::string_view help;
  MetricType type;
  std::uint64_t T::*member;
};

constexpr std::array<Field<procfs::NfsBytes>, 8> kBytes = {{
    {"read_bytes_total", "Number of bytes read using the read() syscall.", MetricType::Counter,
     &procfs::NfsBytes::read},
    {"write_bytes_total", "Number of bytes written using the write() syscall.", MetricType::Counter,
     &procfs::NfsBytes::write},
    {"direct_read_bytes_total", "Number of bytes read using the read() syscall in O_DIRECT mode.", MetricType::Counter,
     &procfs::NfsBytes::direct_read},
    {"direct_write_bytes_total", "Number of bytes written using the write() syscall in O_DIRECT mode.",
     MetricType::Counter, &procfs::NfsBytes::direct_write},
    {"total_read_bytes_total", "Number of bytes read from the NFS server, in total.", MetricType::Counter,
     &procfs::NfsBytes::read_total},
    {"total_write_bytes_total", "Number of bytes written to the NFS server, in total.", MetricType::Counter,
     &procfs::NfsBytes::write_total},
    {"read_pages_total", "Number of pages read directly via mmap()'d files.", MetricType::Counter,
     &procfs::NfsBytes::read_pages},
    {"write_pages_total", "Number of pages written directly via mmap()'d files.", MetricType::Counter,
     &procfs::NfsBytes::write_pages},
}};

// idle_time_seconds is wrapped at 2^53 (see below).
constexpr std::array<Field<NfsTransport>, 10> kTransport = {{
    {"transport_bind_total",
     "Number of times the client has had to establish a connection from scratch to the NFS server.",
     MetricType::Counter, &NfsTransport::bind},
    {"transport_connect_total", "Number of times the client has made a TCP connection to the NFS server.",
     MetricType::Counter, &NfsTransport::connect},
    {"transport_idle_time_seconds", "Duration since the NFS mount last saw any RPC traffic, in seconds.",
     MetricType::Gauge, &NfsTransport::idle_time_seconds},
    {"transport_sends_total", "Number of RPC requests for this mount sent to the NFS server.", MetricType::Counter,
     &NfsTransport::sends},
    {"transport_receives_total", "Number of RPC responses for this mount received from the NFS server.",
     MetricType::Counter, &NfsTransport::receives},
    {"transport_bad_transaction_ids_total",
     "Number of times the NFS server sent a response with a transaction ID unknown to this client.",
     MetricType::Counter, &NfsTransport::bad_transaction_ids},
    {"transport_backlog_queue_total", "Total number of items added to the RPC backlog queue.", MetricType::Counter,
     &NfsTransport::cumulative_backlog},
    {"transport_maximum_rpc_slots", "Maximum number of simultaneously active RPC requests ever used.",
     MetricType::Gauge, &NfsTransport::maximum_rpc_slots_used},
    {"transport_sending_queue_total", "Total number of items added to the RPC transmission sending queue.",
     MetricType::Counter, &NfsTransport::cumulative_sending_queue},
    {"transport_pending_queue_total", "Total number of items added to the RPC transmission pending queue.",
     MetricType::Counter, &NfsTransport::cumulative_pending_queue},
}};

// queue/response/request times are milliseconds, wrapped at 2^53 and exposed in seconds.
struct OpField {
  std::string_view name;
  std::string_view help;
  std::uint64_t NfsOperation::*member;
  bool millis;
};

constexpr std::array<OpField, 8> kOperations = {{
    {"operations_requests_total", "Number of requests performed for a given operation.", &NfsOperation::requests,
     false},
    {"operations_transmissions_total",
     "Number of times an actual RPC request has been transmitted for a given operation.", &NfsOperation::transmissions,
     false},
    {"operations_major_timeouts_total", "Number of times a request has had a major timeout for a given operation.",
     &NfsOperation::major_timeouts, false},
    {"operations_sent_bytes_total", "Number of bytes sent for a given operation, including RPC headers and payload.",
     &NfsOperation::bytes_sent, false},
    {"operations_received_bytes_total",
     "Number of bytes received for a given operation, including RPC headers and payload.",
     &NfsOperation::bytes_received, false},
    {"operations_queue_time_seconds_total",
     "Duration all requests spent queued for transmission for a given operation before they were sent, in "
     "seconds.",
     &NfsOperation::queue_ms, true},
    {"operations_response_time_seconds_total",
     "Duration all requests took to get a reply back after a request for a given operation was transmitted, in "
     "seconds.",
     &NfsOperation::response_ms, true},
    {"operations_request_time_seconds_total",
     "Duration all requests took from when a request was enqueued to when it was completely handled for a given "
     "operation, in seconds.",
     &NfsOperation::request_ms, true},
}};

// Help texts as node_exporter has them (vfs_open and vfs_setattr repeat others').
constexpr std::array<Field<NfsEvents>, 26> kEvents = {{
    {"event_inode_revalidate_total", "Number of times cached inode attributes are re-validated from the server.",
     MetricType::Counter, &NfsEvents::inode_revalidate},
    {"event_dnode_revalidate_total", "Number of times cached dentry nodes are re-validated from the server.",
     MetricType::Counter, &NfsEvents::dnode_revalidate},
    {"event_data_invalidate_total", "Number of times an inode cache is cleared.", MetricType::Counter,
     &NfsEvents::data_invalidate},
    {"event_attribute_invalidate_total", "Number of times cached inode attributes are invalidated.",
     MetricType::Counter, &NfsEvents::attribute_invalidate},
    {"event_vfs_open_total", "Number of times cached inode attributes are invalidated.", MetricType::Counter,
     &NfsEvents::vfs_open},
    {"event_vfs_lookup_total", "Number of times a directory lookup has occurred.", MetricType::Counter,
     &NfsEvents::vfs_lookup},
    {"event_vfs_access_total", "Number of times permissions have been checked.", MetricType::Counter,
     &NfsEvents::vfs_access},
    {"event_vfs_update_page_total", "Number of updates (and potential writes) to pages.", MetricType::Counter,
     &NfsEvents::vfs_update_page},
    {"event_vfs_read_page_total", "Number of pages read directly via mmap()'d files.", MetricType::Counter,
     &NfsEvents::vfs_read_page},
    {"event_vfs_read_pages_total", "Number of times a group of pages have been read.", MetricType::Counter,
     &NfsEvents::vfs_read_pages},
    {"event_vfs_write_page_total", "Number of pages written directly via mmap()'d files.", MetricType::Counter,
     &NfsEvents::vfs_write_page},
    {"event_vfs_write_pages_total", "Number of times a group of pages have been written.", MetricType::Counter,
     &NfsEvents::vfs_write_pages},
    {"event_vfs_getdents_total", "Number of times directory entries have been read with getdents().",
     MetricType::Counter, &NfsEvents::vfs_getdents},
    {"event_vfs_setattr_total", "Number of times directory entries have been read with getdents().",
     MetricType::Counter, &NfsEvents::vfs_setattr},
    {"event_vfs_flush_total", "Number of pending writes that have been forcefully flushed to the server.",
     MetricType::Counter, &NfsEvents::vfs_flush},
    {"event_vfs_fsync_total", "Number of times fsync() has been called on directories and files.", MetricType::Counter,
     &NfsEvents::vfs_fsync},
    {"event_vfs_lock_total", "Number of times locking has been attempted on a file.", MetricType::Counter,
     &NfsEvents::vfs_lock},
    {"event_vfs_file_release_total", "Number of times files have been closed and released.", MetricType::Counter,
     &NfsEvents::vfs_file_release},
    {"event_truncation_total", "Number of times files have been truncated.", MetricType::Counter,
     &NfsEvents::truncation},
    {"event_write_extension_total", "Number of times a file has been grown due to writes beyond its existing end.",
     MetricType::Counter, &NfsEvents::write_extension},
    {"event_silly_rename_total", "Number of times a file was removed while still open by another process.",
     MetricType::Counter, &NfsEvents::silly_rename},
    {"event_short_read_total", "Number of times the NFS server gave less data than expected while reading.",
     MetricType::Counter, &NfsEvents::short_read},
    {"event_short_write_total", "Number of times the NFS server wrote less data than expected while writing.",
     MetricType::Counter, &NfsEvents::short_write},
    {"event_jukebox_delay_total",
     "Number of times the NFS server indicated EJUKEBOX; retrieving data from offline storage.", MetricType::Counter,
     &NfsEvents::jukebox_delay},
    {"event_pnfs_read_total", "Number of NFS v4.1+ pNFS reads.", MetricType::Counter, &NfsEvents::pnfs_read},
    {"event_pnfs_write_total", "Number of NFS v4.1+ pNFS writes.", MetricType::Counter, &NfsEvents::pnfs_write},
}};

std::string Name(std::string_view suffix) { return std::string(kPrefix) + std::string(suffix); }

// Go's Duration.Seconds().
double Seconds(std::chrono::nanoseconds d) {
  std::int64_t ns = d.count();
  return static_cast<double>(ns / 1000000000) + static_cast<double>(ns % 1000000000) / 1e9;
}

// Thread safety: immutable after Create; Collect is const and reentrant.
class MountstatsCollector final : public Collector {
 public:
  explicit MountstatsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // node_exporter resolves /proc/self when it starts and refuses to start
    // without it; here a missing link fails only this collector.
    auto pid = procfs::ReadSelfPid(paths_);
    if (!pid) return Failed("failed to open /proc/self: ", pid.error());
    auto mounts = procfs::ReadMountStats(paths_, *pid);
    if (!mounts) return Failed("failed to parse mountstats: ", mounts.error());
    auto infos = procfs::ReadMountInfo(paths_, *pid);
    if (!infos) return Failed("failed to parse mountinfo: ", infos.error());

    SeriesSet devices, mount_points, operations;
    for (std::size_t i = 0; i < mounts->size(); ++i) {
      const procfs::MountStatsEntry& m = (*mounts)[i];
      if (!m.nfs) continue;
      // The two files list the same mounts in the same order.
      std::string addr;
      if (i < infos->size()) {
        const auto& opts = (*infos)[i].super_options;
        if (auto it = opts.find("addr"); it != opts.end()) addr = it->second;
      }
      const std::string protocol = m.nfs->transports.empty() ? "" : m.nfs->transports.front().protocol;
      if (mount_points.Insert(m.mount_point, {{"export", m.device}, {"protocol", protocol}, {"mountaddr", addr}})) {
        out.Gauge(Name("mountpoint_info"), "Info metric for an NFS mountpoint.", 1,
                  {{"export", m.device}, {"protocol", protocol}, {"mountaddr", addr}, {"mountpoint", m.mount_point}});
      }
      if (!devices.Insert("", {{"export", m.device}, {"protocol", protocol}, {"mountaddr", addr}})) continue;
      WriteNfs(out, operations, *m.nfs, m.device, protocol, addr);
    }
    return {};
  }

 private:
  static std::unexpected<Error> Failed(std::string_view what, Error e) {
    // node_exporter fails (an error, not "no data") when a file is missing.
    if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
    e.message = std::string(what) + e.message;
    return std::unexpected(std::move(e));
  }

  static void WriteNfs(MetricWriter& out, SeriesSet& operations, const NfsMountStats& s, const std::string& dev,
                       const std::string& protocol, const std::string& addr) {
    auto labels = [&]() -> Labels { return {{"export", dev}, {"protocol", protocol}, {"mountaddr", addr}}; };
    out.Counter(Name("age_seconds_total"), "The age of the NFS mount in seconds.", Seconds(s.age), labels());
    for (const auto& f : kBytes) {
      out.Add(f.type, Name(f.name), f.help, static_cast<double>(s.bytes.*f.member), labels());
    }
    for (std::size_t t = 0; t < s.transports.size(); ++t) {
      const NfsTransport& tr = s.transports[t];
      for (const auto& f : kTransport) {
        std::uint64_t v = tr.*f.member;
        if (f.member == &NfsTransport::idle_time_seconds) v %= kFloat64Mantissa;
        Labels l = labels();
        l.push_back({"transport", std::to_string(t)});
        out.Add(f.type, Name(f.name), f.help, static_cast<double>(v), std::move(l));
      }
    }
    for (const NfsOperation& op : s.operations) {
      // A repeated operation line would repeat its series.
      if (!operations.Insert(op.name, {{"export", dev}, {"protocol", protocol}, {"mountaddr", addr}})) continue;
      for (const auto& f : kOperations) {
        std::uint64_t v = op.*f.member;
        double value = f.millis ? static_cast<double>(v % kFloat64Mantissa) / 1000.0 : static_cast<double>(v);
        Labels l = labels();
        l.push_back({"operation", op.name});
        out.Counter(Name(f.name), f.help, value, std::move(l));
      }
    }
    for (const auto& f : kEvents) {
      out.Add(f.type, Name(f.name), f.help, static_cast<double>(s.events.*f.member), labels());
    }
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<MountstatsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::mountstats
