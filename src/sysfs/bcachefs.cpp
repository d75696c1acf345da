#include "host_exporter/sysfs/bcachefs.h"

#include <optional>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string_view TrimSuffix(std::string_view s, std::string_view suffix) {
  if (s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return s;
}

Error AtLine(int n, const Error& e) {
  return Error{e.kind, "line " + std::to_string(n) + ": " + e.message};
}

// Splits "key: value" at the first ':' and trims both halves.
bool SplitColon(std::string_view line, std::string_view& key, std::string_view& value) {
  auto pos = line.find(':');
  if (pos == std::string_view::npos) return false;
  key = Trim(line.substr(0, pos));
  value = Trim(line.substr(pos + 1));
  return true;
}

// A file that may be absent: nullopt text when it does not exist.
Result<std::optional<std::string>> ReadOptional(const std::string& path) {
  auto t = ReadFile(path);
  if (t) return std::optional<std::string>(std::move(*t));
  if (t.error().kind == ErrorKind::kNotFound) return std::optional<std::string>();
  return std::unexpected(t.error());
}

template <class T, class F>
Result<T> ParseOptional(const std::string& path, F parse) {
  auto t = ReadOptional(path);
  if (!t) return std::unexpected(t.error());
  if (!*t) return T{};
  auto v = parse(**t);
  if (!v) return std::unexpected(InFile(path, v.error()));
  return v;
}

// procfs's readUintFile: absent is 0, anything else must parse.
Result<std::uint64_t> ReadUintOrZero(const std::string& path) {
  auto t = ReadOptional(path);
  if (!t) return std::unexpected(t.error());
  if (!*t) return std::uint64_t{0};
  auto v = ParseUint(Trim(**t));
  if (!v) return std::unexpected(InFile(path, v.error()));
  return v;
}

// procfs's readSysfsFile: any error reads as "".
std::string ReadStringOrEmpty(const std::string& path) {
  auto t = ReadFile(path);
  return t ? std::string(Trim(*t)) : std::string();
}

Result<BcachefsDevice> ReadDevice(const std::string& dir) {
  BcachefsDevice d;
  d.label = ReadStringOrEmpty(dir + "/label");
  d.state = ReadStringOrEmpty(dir + "/state");
  if (auto raw = ReadStringOrEmpty(dir + "/bucket_size"); !raw.empty()) {
    auto v = ParseBcachefsHumanBytes(raw);
    if (!v) return std::unexpected(InFile(dir + "/bucket_size", v.error()));
    d.bucket_size_bytes = *v;
  }
  auto nb = ReadUintOrZero(dir + "/nbuckets");
  if (!nb) return std::unexpected(nb.error());
  d.buckets = *nb;
  auto du = ReadUintOrZero(dir + "/durability");
  if (!du) return std::unexpected(du.error());
  d.durability = *du;
  auto io = ParseOptional<std::map<std::string, std::map<std::string, std::uint64_t>>>(
      dir + "/io_done", ParseBcachefsIoDone);
  if (!io) return std::unexpected(io.error());
  d.io_done = std::move(*io);
  auto ie = ParseOptional<std::map<std::string, std::uint64_t>>(dir + "/io_errors",
                                                                ParseBcachefsIoErrors);
  if (!ie) return std::unexpected(ie.error());
  d.io_errors = std::move(*ie);
  return d;
}

Result<BcachefsStats> ReadFilesystem(const std::string& dir) {
  BcachefsStats s;
  {
    std::string path = dir + "/btree_cache_size";
    auto t = ReadOptional(path);
    if (!t) return std::unexpected(t.error());
    if (*t && !Trim(**t).empty()) {
      auto v = ParseBcachefsHumanBytes(**t);
      if (!v) return std::unexpected(InFile(path, v.error()));
      s.btree_cache_size_bytes = *v;
    }
  }
  auto comp = ParseOptional<std::map<std::string, BcachefsCompression>>(
      dir + "/compression_stats", ParseBcachefsCompressionStats);
  if (!comp) return std::unexpected(comp.error());
  s.compression = std::move(*comp);
  auto errs =
      ParseOptional<std::map<std::string, BcachefsError>>(dir + "/errors", ParseBcachefsErrors);
  if (!errs) return std::unexpected(errs.error());
  s.errors = std::move(*errs);

  auto names = ListDir(dir + "/counters");
  if (!names && names.error().kind != ErrorKind::kNotFound) return std::unexpected(names.error());
  if (names) {
    for (const auto& n : *names) {
      std::string path = dir + "/counters/" + n;
      if (IsDirectory(path)) continue;
      auto t = ReadOptional(path);
      if (!t) return std::unexpected(t.error());
      if (!*t) {
        s.counters[n] = {};
        continue;
      }
      auto c = ParseBcachefsCounter(**t);
      if (!c) return std::unexpected(InFile(path, c.error()));
      s.counters[n] = *c;
    }
  }

  auto writes = ParseOptional<std::map<std::string, BcachefsBtreeWrite>>(
      dir + "/btree_write_stats", ParseBcachefsBtreeWriteStats);
  if (!writes) return std::unexpected(writes.error());
  s.btree_writes = std::move(*writes);

  auto entries = ListDir(dir);
  if (!entries) return std::unexpected(entries.error());
  for (const auto& e : *entries) {
    if (!e.starts_with("dev-") || !IsDirectory(dir + "/" + e)) continue;
    auto d = ReadDevice(dir + "/" + e);
    if (!d) return std::unexpected(d.error());
    s.devices[e.substr(4)] = std::move(*d);
  }
  return s;
}

}  // namespace

Result<std::uint64_t> ParseBcachefsHumanBytes(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return ParseFail("empty string");
  double mul = 1;
  constexpr double kKi = 1024.0;
  switch (s.back()) {
    case 'k': case 'K': mul = kKi; break;
    case 'm': case 'M': mul = kKi * kKi; break;
    case 'g': case 'G': mul = kKi * kKi * kKi; break;
    case 't': case 'T': mul = kKi * kKi * kKi * kKi; break;
    case 'p': case 'P': mul = kKi * kKi * kKi * kKi * kKi; break;
    case 'e': case 'E': mul = kKi * kKi * kKi * kKi * kKi * kKi; break;
    default: break;
  }
  if (mul != 1) s.remove_suffix(1);
  auto v = ParseDouble(Trim(s));
  if (!v) return std::unexpected(v.error());
  return gocompat::FloatToUint64(*v * mul);
}

Result<std::map<std::string, BcachefsCompression>> ParseBcachefsCompressionStats(
    std::string_view text) {
  std::map<std::string, BcachefsCompression> out;
  int n = 0;
  for (auto line : SplitLines(text)) {
    if (++n == 1) continue;  // header
    auto f = SplitFields(line);
    if (f.size() < 3) continue;
    BcachefsCompression c;
    auto comp = ParseBcachefsHumanBytes(f[1]);
    if (!comp) return std::unexpected(AtLine(n, comp.error()));
    auto uncomp = ParseBcachefsHumanBytes(f[2]);
    if (!uncomp) return std::unexpected(AtLine(n, uncomp.error()));
    c.compressed_bytes = *comp;
    c.uncompressed_bytes = *uncomp;
    if (f.size() >= 4) {
      auto avg = ParseBcachefsHumanBytes(f[3]);
      if (!avg) return std::unexpected(AtLine(n, avg.error()));
      c.average_extent_size_bytes = *avg;
    }
    out[std::string(TrimSuffix(f[0], ":"))] = c;
  }
  return out;
}

Result<std::map<std::string, BcachefsError>> ParseBcachefsErrors(std::string_view text) {
  std::map<std::string, BcachefsError> out;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    auto f = SplitFields(line);
    if (f.size() < 2) continue;
    BcachefsError e;
    auto count = ParseUint(f[1]);
    if (!count) return std::unexpected(AtLine(n, count.error()));
    e.count = *count;
    if (f.size() >= 3) {
      auto ts = ParseUint(f[2]);
      if (!ts) return std::unexpected(AtLine(n, ts.error()));
      e.timestamp = *ts;
    }
    out[std::string(f[0])] = e;
  }
  return out;
}

Result<BcachefsCounter> ParseBcachefsCounter(std::string_view text) {
  BcachefsCounter c;
  bool seen = false;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    std::uint64_t* dst = nullptr;
    std::string_view rest;
    if (line.starts_with("since mount:")) {
      dst = &c.since_mount;
      rest = line.substr(12);
    } else if (line.starts_with("since filesystem creation:")) {
      dst = &c.since_filesystem_creation;
      rest = line.substr(26);
    } else {
      continue;
    }
    auto v = ParseBcachefsHumanBytes(rest);
    if (!v) return std::unexpected(AtLine(n, v.error()));
    *dst = *v;
    seen = true;
  }
  if (!seen) return ParseFail("counter file format not recognized");
  return c;
}

Result<std::map<std::string, BcachefsBtreeWrite>> ParseBcachefsBtreeWriteStats(
    std::string_view text) {
  std::map<std::string, BcachefsBtreeWrite> out;
  int n = 0;
  for (auto line : SplitLines(text)) {
    if (++n == 1) continue;  // header
    auto f = SplitFields(line);
    if (f.size() < 3) continue;
    auto count = ParseUint(f[1]);
    if (!count) return std::unexpected(AtLine(n, count.error()));
    auto size = ParseBcachefsHumanBytes(f[2]);
    if (!size) return std::unexpected(AtLine(n, size.error()));
    out[std::string(TrimSuffix(f[0], ":"))] = {*count, *size};
  }
  return out;
}

Result<std::map<std::string, std::map<std::string, std::uint64_t>>> ParseBcachefsIoDone(
    std::string_view text) {
  std::map<std::string, std::map<std::string, std::uint64_t>> out;
  std::string op;
  int n = 0;
  for (auto raw : SplitLines(text)) {
    ++n;
    auto line = Trim(raw);
    if (line.empty()) continue;
    if (line == "read:" || line == "write:") {
      op = std::string(TrimSuffix(line, ":"));
      out[op];
      continue;
    }
    if (op.empty()) continue;
    std::string_view key, value;
    if (!SplitColon(line, key, value)) continue;
    auto v = ParseUint(value);
    if (!v) return std::unexpected(AtLine(n, v.error()));
    out[op][std::string(key)] = *v;
  }
  return out;
}

Result<std::map<std::string, std::uint64_t>> ParseBcachefsIoErrors(std::string_view text) {
  std::map<std::string, std::uint64_t> out;
  bool in_creation = false;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    if (line.starts_with("IO errors since filesystem creation")) {
      in_creation = true;
      continue;
    }
    if (line.starts_with("IO errors since ")) break;
    if (!in_creation) continue;
    auto t = Trim(line);
    if (t.empty()) continue;
    std::string_view key, value;
    if (!SplitColon(t, key, value)) continue;
    auto v = ParseUint(value);
    if (!v) return std::unexpected(AtLine(n, v.error()));
    out[std::string(key)] = *v;
  }
  return out;
}

Result<std::vector<BcachefsStats>> ReadBcachefsStats(const Paths& paths) {
  std::string root = paths.Sys("fs/bcachefs");
  auto names = ListDir(root);
  if (!names) return std::unexpected(names.error());
  std::vector<BcachefsStats> out;
  for (const auto& n : *names) {
    std::string dir = root + "/" + n;
    if (!IsDirectory(dir)) continue;
    auto s = ReadFilesystem(dir);
    if (!s) return std::unexpected(s.error());
    s->uuid = n;
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace host_exporter::sysfs
