#include "host_exporter/procfs/mountstats.h"

#include <array>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

using Words = std::vector<std::string_view>;

std::string Show(const Words& w) {
  std::string out = "[";
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0) out.push_back(' ');
    out.append(w[i]);
    if (out.size() > 120) {
      out.append("...");
      break;
    }
  }
  return out + "]";
}

// Parses w[from..] as unsigned decimals into out.
Status ParseNumbers(const Words& w, std::size_t from, std::vector<std::uint64_t>& out) {
  for (std::size_t i = from; i < w.size(); ++i) {
    auto v = ParseUint(w[i]);
    if (!v) return std::unexpected(v.error());
    out.push_back(*v);
  }
  return {};
}

Result<NfsTransport> ParseTransport(const Words& w, std::string_view version) {
  // w = "xprt:" <protocol> <numbers...>
  std::string_view protocol = w[1];
  const std::size_t n = w.size() - 2;
  if (version == "1.0") {
    std::size_t want = protocol == "tcp" ? 10 : protocol == "udp" ? 7 : 0;
    if (want == 0) return ParseFail("invalid NFS protocol \"" + std::string(protocol) + "\" in stats 1.0 statement");
    if (n != want) return ParseFail("invalid NFS transport stats 1.0 statement: " + Show(w));
  } else if (version == "1.1") {
    if (protocol == "tcp" || protocol == "udp") {
      if (n != (protocol == "tcp" ? 13u : 10u)) {
        return ParseFail("invalid NFS transport stats 1.1 statement: " + Show(w));
      }
    } else if (protocol == "rdma") {
      if (n < 20) return ParseFail("invalid NFS transport stats 1.1 statement: " + Show(w));
    } else {
      return ParseFail("invalid NFS protocol \"" + std::string(protocol) + "\" in stats 1.1 statement");
    }
  } else {
    return ParseFail("unrecognized NFS transport stats version \"" + std::string(version) + "\"");
  }
  // procfs fills a fixed array of 31 (the most rdma writes since 4.14).
  constexpr std::size_t kMaxFields = 31;
  if (n > kMaxFields) return ParseFail("too many NFS transport stats: " + Show(w));
  std::vector<std::uint64_t> v;
  if (auto s = ParseNumbers(w, 2, v); !s) return std::unexpected(s.error());
  v.resize(kMaxFields, 0);
  if (protocol == "udp") {
    // No connect count, connect idle time or idle time over udp.
    v.insert(v.begin() + 2, 3, 0);
  } else if (protocol == "rdma") {
    // No slot or queue counters over rdma; its own counters follow.
    v.insert(v.begin() + 10, 3, 0);
  }
  NfsTransport t;
  t.protocol = std::string(protocol);
  std::array<std::uint64_t*, 13> fields = {&t.port,
                                           &t.bind,
                                           &t.connect,
                                           &t.connect_idle_time,
                                           &t.idle_time_seconds,
                                           &t.sends,
                                           &t.receives,
                                           &t.bad_transaction_ids,
                                           &t.cumulative_active_requests,
                                           &t.cumulative_backlog,
                                           &t.maximum_rpc_slots_used,
                                           &t.cumulative_sending_queue,
                                           &t.cumulative_pending_queue};
  for (std::size_t i = 0; i < fields.size(); ++i) *fields[i] = v[i];
  return t;
}

Result<NfsBytes> ParseBytes(const Words& w) {
  if (w.size() - 1 != 8) return ParseFail("invalid NFS bytes stats: " + Show(w));
  std::vector<std::uint64_t> v;
  if (auto s = ParseNumbers(w, 1, v); !s) return std::unexpected(s.error());
  return NfsBytes{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
}

Result<NfsEvents> ParseEvents(const Words& w) {
  if (w.size() - 1 != 27) return ParseFail("invalid NFS events stats: " + Show(w));
  std::vector<std::uint64_t> v;
  if (auto s = ParseNumbers(w, 1, v); !s) return std::unexpected(s.error());
  NfsEvents e;
  std::array<std::uint64_t*, 27> fields = {
      &e.inode_revalidate, &e.dnode_revalidate, &e.data_invalidate,  &e.attribute_invalidate, &e.vfs_open,
      &e.vfs_lookup,       &e.vfs_access,       &e.vfs_update_page,  &e.vfs_read_page,        &e.vfs_read_pages,
      &e.vfs_write_page,   &e.vfs_write_pages,  &e.vfs_getdents,     &e.vfs_setattr,          &e.vfs_flush,
      &e.vfs_fsync,        &e.vfs_lock,         &e.vfs_file_release, &e.congestion_wait,      &e.truncation,
      &e.write_extension,  &e.silly_rename,     &e.short_read,       &e.short_write,          &e.jukebox_delay,
      &e.pnfs_read,        &e.pnfs_write};
  for (std::size_t i = 0; i < fields.size(); ++i) *fields[i] = v[i];
  return e;
}

Result<NfsOperation> ParseOperation(const Words& w) {
  if (w.size() < 9) return ParseFail("invalid NFS per-operations stats: " + Show(w));
  std::vector<std::uint64_t> v;
  if (auto s = ParseNumbers(w, 1, v); !s) return std::unexpected(s.error());
  std::string_view name = w[0];
  if (name.ends_with(':')) name.remove_suffix(1);
  NfsOperation op{std::string(name), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], 0};
  if (v.size() > 8) op.errors = v[8];
  return op;
}

// Reads lines through a cursor, as procfs's bufio.Scanner does, so the NFS
// sections consume the lines they scan.
// Thread safety: not thread-safe; one per parse, on the stack.
class Lines {
 public:
  explicit Lines(std::string_view text) : lines_(SplitLines(text)) {}
  bool Next(Words& w) {
    if (next_ >= lines_.size()) return false;
    w = SplitFields(lines_[next_++]);
    return true;
  }
  std::size_t line() const { return next_; }  // 1-based number of the last line read

 private:
  std::vector<std::string_view> lines_;
  std::size_t next_ = 0;
};

Result<NfsMountStats> ParseNfs(Lines& in, std::string_view version) {
  NfsMountStats s;
  s.stat_version = std::string(version);
  Words w;
  while (in.Next(w)) {
    if (w.empty()) break;
    const std::string_view key = w[0];
    auto incomplete = [&] { return ParseFail("incomplete information for NFS stats: " + Show(w)); };
    if (key == "opts:") {
      if (w.size() < 2) return incomplete();
    } else if (key == "age:") {
      if (w.size() < 2) return incomplete();
      auto d = ParseGoDuration(std::string(w[1]) + "s");
      if (!d) return std::unexpected(d.error());
      s.age = *d;
    } else if (key == "bytes:") {
      if (w.size() < 2) return incomplete();
      auto b = ParseBytes(w);
      if (!b) return std::unexpected(b.error());
      s.bytes = *b;
    } else if (key == "events:") {
      if (w.size() < 2) return incomplete();
      auto e = ParseEvents(w);
      if (!e) return std::unexpected(e.error());
      s.events = *e;
    } else if (key == "xprt:") {
      if (w.size() < 3) return incomplete();
      auto t = ParseTransport(w, version);
      if (!t) return std::unexpected(t.error());
      s.transports.push_back(std::move(*t));
    } else if (key == "per-op") {
      break;
    }
  }
  // Per-operation lines run to the next blank line.
  while (in.Next(w)) {
    if (w.empty()) break;
    auto op = ParseOperation(w);
    if (!op) return std::unexpected(op.error());
    s.operations.push_back(std::move(*op));
  }
  return s;
}

}  // namespace

Result<std::vector<MountStatsEntry>> ParseMountStats(std::string_view text) {
  std::vector<MountStatsEntry> out;
  Lines in(text);
  Words w;
  auto at = [&](Error e) {
    e.message = "line " + std::to_string(in.line()) + ": " + e.message;
    return std::unexpected(std::move(e));
  };
  while (in.Next(w)) {
    if (w.empty() || w[0] != "device") continue;
    if (w.size() < 8 || w[2] != "mounted" || w[3] != "on" || w[5] != "with" || w[6] != "fstype") {
      return at(Error{ErrorKind::kParse, "invalid device " + Show(w)});
    }
    MountStatsEntry m{std::string(w[1]), std::string(w[4]), std::string(w[7]), std::nullopt};
    if (w.size() > 8) {
      if (m.fs_type != "nfs" && m.fs_type != "nfs4") {
        return at(Error{ErrorKind::kParse, "cannot parse MountStats for \"" + m.fs_type + "\""});
      }
      std::string_view version = w[8];
      if (version.starts_with("statvers=")) version.remove_prefix(9);
      auto nfs = ParseNfs(in, version);
      if (!nfs) return at(nfs.error());
      m.nfs = std::move(*nfs);
    }
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<MountStatsEntry>> ReadMountStats(const Paths& paths, std::string_view pid) {
  std::string path = paths.Proc(std::string(pid) + "/mountstats");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseMountStats(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
