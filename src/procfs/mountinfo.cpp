#include "host_exporter/procfs/mountinfo.h"

#include <charconv>

#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

// Go's strconv.Atoi: optional sign, decimal digits, no overflow.
Result<int> Atoi(std::string_view s) {
  std::string_view digits = s;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (digits.empty()) return ParseFail("invalid integer \"" + std::string(s) + "\"");
  for (char c : digits) {
    if (c < '0' || c > '9') return ParseFail("invalid integer \"" + std::string(s) + "\"");
  }
  auto v = ParseInt(s);
  if (!v || *v < INT32_MIN || *v > INT32_MAX)
    return ParseFail("integer out of range \"" + std::string(s) + "\"");
  return static_cast<int>(*v);
}

// Go's fmt %d for a signed integer at the start of s; advances s.
bool ScanInt(std::string_view& s, long long& out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == start) return false;
  std::string_view num = s.substr(s[0] == '+' ? 1 : 0, i - (s[0] == '+' ? 1 : 0));
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), out);
  if (ec != std::errc() || p != num.data() + num.size()) return false;
  s.remove_prefix(i);
  return true;
}

Result<MountInfo> ParseLine(std::string_view line) {
  std::size_t sep = line.find(" - ");
  if (sep == std::string_view::npos || line.find(" - ", sep + 1) != std::string_view::npos) {
    return ParseFail("could not split hyphen separator");
  }
  auto before = Split(line.substr(0, sep), ' ');
  if (before.size() < 6) return ParseFail("too few fields in mount string");
  MountInfo m;
  auto id = Atoi(before[0]);
  if (!id) return ParseFail("mount ID: \"" + std::string(before[0]) + "\"");
  auto parent = Atoi(before[1]);
  if (!parent) return ParseFail("parent ID: \"" + std::string(before[1]) + "\"");
  m.mount_id = *id;
  m.parent_id = *parent;
  m.major_minor = std::string(before[2]);
  m.root = std::string(before[3]);
  m.mount_point = std::string(before[4]);
  m.options = ParseMountOptions(before[5]);
  for (std::size_t i = 6; i < before.size(); ++i) m.optional_fields.emplace_back(before[i]);
  std::string_view after = line.substr(sep + 3);
  std::size_t a = after.find(' ');
  std::size_t b = a == std::string_view::npos ? a : after.find(' ', a + 1);
  if (b == std::string_view::npos) return ParseFail("too few fields after separator");
  m.fs_type = std::string(after.substr(0, a));
  m.source = std::string(after.substr(a + 1, b - a - 1));
  m.super_options = ParseMountOptions(after.substr(b + 1));
  return m;
}

}  // namespace

MountOptions ParseMountOptions(std::string_view text) {
  MountOptions out;
  for (std::string_view opt : Split(text, ',')) {
    std::size_t eq = opt.find('=');
    if (eq == std::string_view::npos) {
      out.insert_or_assign(std::string(opt), std::string());
    } else {
      out.insert_or_assign(std::string(opt.substr(0, eq)), std::string(opt.substr(eq + 1)));
    }
  }
  return out;
}

Result<std::vector<MountInfo>> ParseMountInfo(std::string_view text) {
  std::vector<MountInfo> out;
  int line_no = 0;
  for (std::string_view line : ScanLines(text)) {
    ++line_no;
    auto m = ParseLine(line);
    if (!m)
      return ParseFail("line " + std::to_string(line_no) + ": " + m.error().message + ": \"" +
                       std::string(line.substr(0, 200)) + "\"");
    out.push_back(std::move(*m));
  }
  return out;
}

Result<std::vector<MountInfo>> ReadMountInfo(const Paths& paths, std::string_view pid) {
  std::string path = paths.Proc(std::string(pid) + "/mountinfo");
  return ParseFile(path, ParseMountInfo);
}

Result<std::pair<long long, long long>> ParseMajorMinor(std::string_view text) {
  std::string_view s = text;
  long long major = 0, minor = 0;
  if (!ScanInt(s, major) || s.empty() || s.front() != ':') {
    return ParseFail("malformed mount point MajorMinorVer: \"" + std::string(text) + "\"");
  }
  s.remove_prefix(1);
  if (!ScanInt(s, minor))
    return ParseFail("malformed mount point MajorMinorVer: \"" + std::string(text) + "\"");
  return std::pair{major, minor};
}

std::string StripRootfs(const std::string& rootfs, std::string mount_point) {
  if (rootfs == "/") return mount_point;
  if (mount_point.starts_with(rootfs)) mount_point.erase(0, rootfs.size());
  return mount_point.empty() ? "/" : mount_point;
}

Result<std::vector<MountPoint>> ReadMountPoints(const Paths& paths, std::string_view collector) {
  std::string source = paths.Proc("1/mountinfo");
  auto mounts = ReadMountInfo(paths, "1");
  if (!mounts && mounts.error().kind == ErrorKind::kNotFound) {
    log::Debug("Reading root mounts failed, falling back to self mounts",
               {{"collector", collector}, {"err", mounts.error().message}});
    source = paths.Proc("self/mountinfo");
    mounts = ReadMountInfo(paths, "self");
  }
  if (!mounts) return std::unexpected(mounts.error());
  std::vector<MountPoint> out;
  out.reserve(mounts->size());
  for (MountInfo& m : *mounts) {
    auto mm = ParseMajorMinor(m.major_minor);
    if (!mm) return std::unexpected(InFile(source, mm.error()));
    std::string mp = m.mount_point;
    ReplaceAll(mp, "\\040", " ");
    ReplaceAll(mp, "\\011", "\t");
    out.push_back(MountPoint{std::move(m), StripRootfs(paths.rootfs, std::move(mp)), mm->first, mm->second});
  }
  return out;
}

}  // namespace host_exporter::procfs
