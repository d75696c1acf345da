#include "host_exporter/sysfs/btrfs.h"

#include <optional>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

constexpr std::uint64_t kSectorSize = 512;

// procfs's btrfs reader, step for step. Its quirks are part of node_exporter's
// behaviour: a read error sticks in err_ and zeroes later values, but each
// allocation subdirectory read *replaces* err_ with its own outcome, so an
// earlier error (say a missing devices/ or features/) is forgotten once
// allocation/data reads cleanly.
class Reader {
 public:
  Reader(std::string path, std::size_t dev_count) : path_(std::move(path)), dev_count_(dev_count) {}

  std::optional<Error>& err() { return err_; }

  std::string ReadString(std::string_view name) {
    std::string path = Paths::Join(path_, name);
    auto v = ReadSysAttr(path);
    if (!v) {
      if (v.error().kind != ErrorKind::kNotFound) err_ = v.error();
      return {};
    }
    return std::move(*v);
  }

  std::uint64_t ReadValue(std::string_view name) {
    std::string s = ReadString(name);
    if (err_) return 0;
    auto v = ParseUint(s);
    return v ? *v : 0;  // procfs ignores the parse error
  }

  std::vector<std::string> ListFiles(std::string_view name) {
    auto names = ListDir(Paths::Join(path_, name));
    if (!names) {
      err_ = names.error();
      return {};
    }
    return std::move(*names);
  }

  BtrfsAllocation ReadAllocation(std::string_view dir) {
    Reader sub(Paths::Join(path_, dir), dev_count_);
    BtrfsAllocation a;
    a.may_use_bytes = sub.ReadValue("bytes_may_use");
    a.pinned_bytes = sub.ReadValue("bytes_pinned");
    a.read_only_bytes = sub.ReadValue("bytes_readonly");
    a.reserved_bytes = sub.ReadValue("bytes_reserved");
    a.used_bytes = sub.ReadValue("bytes_used");
    a.disk_used_bytes = sub.ReadValue("disk_used");
    a.disk_total_bytes = sub.ReadValue("disk_total");
    a.flags = sub.ReadValue("flags");
    a.total_bytes = sub.ReadValue("total_bytes");
    a.total_pinned_bytes = sub.ReadValue("total_bytes_pinned");
    a.layouts = sub.ReadLayouts();
    err_ = sub.err_;
    return a;
  }

  std::map<std::string, BtrfsLayout> ReadLayouts() {
    auto names = ListDir(path_);
    if (!names) {
      err_ = names.error();
      return {};
    }
    std::map<std::string, BtrfsLayout> out;
    for (const auto& n : *names) {
      if (!IsDirectory(Paths::Join(path_, n))) continue;
      BtrfsLayout l;
      l.total_bytes = ReadValue(n + "/total_bytes");
      l.used_bytes = ReadValue(n + "/used_bytes");
      l.ratio = BtrfsLayoutRatio(n, dev_count_);
      out[n] = l;
    }
    return out;
  }

  void ReadCommitStats(BtrfsCommitStats& out) {
    std::string path = Paths::Join(path_, "commit_stats");
    auto text = ReadFile(path);
    if (!text) {
      // Absent before kernel 6.0.
      if (text.error().kind != ErrorKind::kNotFound) err_ = text.error();
      return;
    }
    auto parsed = ParseBtrfsCommitStats(*text);
    if (!parsed) {
      err_ = InFile(path, parsed.error());
      return;
    }
    out = *parsed;
  }

  void set_dev_count(std::size_t n) { dev_count_ = n; }

 private:
  std::string path_;
  std::size_t dev_count_;
  std::optional<Error> err_;
};

Result<BtrfsStats> ReadFilesystem(const std::string& dir) {
  Reader r(dir, 0);
  BtrfsStats s;
  for (const auto& n : r.ListFiles("devices")) {
    s.device_size_bytes[n] = kSectorSize * r.ReadValue("devices/" + n + "/size");
  }
  r.set_dev_count(s.device_size_bytes.size());
  s.label = r.ReadString("label");
  s.uuid = r.ReadString("metadata_uuid");
  s.features = r.ListFiles("features");
  s.clone_alignment = r.ReadValue("clone_alignment");
  s.node_size = r.ReadValue("nodesize");
  s.quota_override = r.ReadValue("quota_override");
  s.sector_size = r.ReadValue("sectorsize");
  s.global_rsv_reserved = r.ReadValue("allocation/global_rsv_reserved");
  s.global_rsv_size = r.ReadValue("allocation/global_rsv_size");
  s.data = r.ReadAllocation("allocation/data");
  s.metadata = r.ReadAllocation("allocation/metadata");
  s.system = r.ReadAllocation("allocation/system");
  r.ReadCommitStats(s.commit);
  if (r.err()) return std::unexpected(*r.err());
  return s;
}

}  // namespace

Result<BtrfsCommitStats> ParseBtrfsCommitStats(std::string_view text) {
  BtrfsCommitStats c;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    auto f = SplitFields(line);
    if (f.size() != 2) {
      return ParseFail("line " + std::to_string(n) + ": invalid commit_stats line \"" +
                       std::string(line) + "\"");
    }
    auto v = ParseUint(f[1]);
    if (!v) return ParseFail("line " + std::to_string(n) + ": " + v.error().message);
    if (f[0] == "commits") {
      c.commits = *v;
    } else if (f[0] == "last_commit_ms") {
      c.last_commit_ms = *v;
    } else if (f[0] == "max_commit_ms") {
      c.max_commit_ms = *v;
    } else if (f[0] == "total_commit_ms") {
      c.total_commit_ms = *v;
    }
  }
  return c;
}

double BtrfsLayoutRatio(std::string_view layout, std::size_t devices) {
  auto d = static_cast<double>(devices);
  if (layout == "single" || layout == "raid0") return 1;
  if (layout == "dup" || layout == "raid1" || layout == "raid10") return 2;
  if (layout == "raid5") return d / (d - 1);
  if (layout == "raid6") return d / (d - 2);
  return 0;
}

Result<std::vector<BtrfsStats>> ReadBtrfsStats(const Paths& paths) {
  std::string root = paths.Sys("fs/btrfs");
  std::vector<BtrfsStats> out;
  for (const auto& n : GlobNames(root, MatchHasDash)) {
    auto s = ReadFilesystem(root + "/" + n);
    if (!s) return std::unexpected(s.error());
    if (s->uuid.empty()) s->uuid = n;
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace host_exporter::sysfs
