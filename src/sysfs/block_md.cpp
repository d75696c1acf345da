#include "host_exporter/sysfs/block_md.h"

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr_read.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::uint64_t> ScanUint(std::string_view& s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0) return ParseFail("expected integer");
  auto v = ParseUint(s.substr(0, n));
  s.remove_prefix(n);
  return v;
}

Status ReadString(const std::string& path, std::string& dst) {
  auto v = SysReadFile(path);
  if (!v) return std::unexpected(v.error());
  dst = std::move(*v);
  return {};
}

Status ReadNumber(const std::string& path, std::uint64_t& dst) {
  auto v = ReadUint(path);  // whole file, trimmed, base 10 (procfs util.ReadUintFromFile)
  if (!v) return std::unexpected(v.error());
  dst = *v;
  return {};
}

Result<Mdraid> ReadMdraid(const std::string& md_path, const std::string& device) {
  Mdraid md;
  md.device = device;
  auto path = [&](std::string_view f) { return Paths::Join(md_path, f); };
  if (auto s = ReadString(path("level"), md.level); !s) return std::unexpected(s.error());
  if (auto s = ReadString(path("array_state"), md.array_state); !s) return std::unexpected(s.error());
  if (auto s = ReadString(path("metadata_version"), md.metadata_version); !s) return std::unexpected(s.error());
  // Containers hold no physical disks of their own.
  if (md.level != "container" && md.level != "imsm" && md.level != "ddf") {
    std::uint64_t disks = 0;
    if (auto s = ReadNumber(path("raid_disks"), disks); !s) return std::unexpected(s.error());
    md.disks = disks;
  }
  if (auto s = ReadString(path("uuid"), md.uuid); !s) return std::unexpected(s.error());

  auto entries = ListDir(md_path);
  if (entries) {
    for (const std::string& e : *entries) {
      if (!e.starts_with("dev-")) continue;
      MdraidComponent c;
      c.device = e.substr(4);
      if (auto s = ReadString(Paths::Join(path(e), "state"), c.state); !s) return std::unexpected(s.error());
      md.components.push_back(std::move(c));
    }
  }

  const std::string& l = md.level;
  if (l == "raid0" || l == "raid4" || l == "raid5" || l == "raid6" || l == "raid10") {
    if (auto s = ReadNumber(path("chunk_size"), md.chunk_size); !s) return std::unexpected(s.error());
  }
  if (l == "raid1" || l == "raid4" || l == "raid5" || l == "raid6" || l == "raid10") {
    if (auto s = ReadNumber(path("degraded"), md.degraded_disks); !s) return std::unexpected(s.error());
    if (auto s = ReadString(path("sync_action"), md.sync_action); !s) return std::unexpected(s.error());
    std::string completed;
    if (auto s = ReadString(path("sync_completed"), completed); !s) return std::unexpected(s.error());
    if (completed != "none") {
      auto v = ParseMdSyncCompleted(completed);
      if (!v) return std::unexpected(InFile(path("sync_completed"), v.error()));
      md.sync_completed = static_cast<double>(v->first) / static_cast<double>(v->second);
    }
  }
  return md;
}

}  // namespace

Result<std::pair<std::uint64_t, std::uint64_t>> ParseMdSyncCompleted(std::string_view text) {
  std::string_view s = text;
  auto done = ScanUint(s);
  if (!done) return ParseFail("unexpected sync_completed \"" + std::string(text) + "\"");
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  if (s.empty() || s.front() != '/') return ParseFail("unexpected sync_completed \"" + std::string(text) + "\"");
  s.remove_prefix(1);
  auto total = ScanUint(s);
  if (!total) return ParseFail("unexpected sync_completed \"" + std::string(text) + "\"");
  return std::pair{*done, *total};
}

Result<std::vector<Mdraid>> ReadMdraids(const Paths& paths) {
  std::vector<Mdraid> out;
  std::string block = paths.Sys("block");
  // filepath.Glob("block/md*/md"): an unreadable /sys/block just matches nothing.
  auto names = ListDir(block);
  if (!names) return out;
  for (const std::string& name : *names) {
    if (!name.starts_with("md")) continue;
    std::string md_path = Paths::Join(block, name + "/md");
    if (!PathExists(md_path)) continue;
    auto md = ReadMdraid(md_path, name);
    if (!md) return std::unexpected(md.error());
    out.push_back(std::move(*md));
  }
  return out;
}

}  // namespace host_exporter::sysfs
