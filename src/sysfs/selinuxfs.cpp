#include "host_exporter/sysfs/selinuxfs.h"

#include <string>
#include <vector>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// Every maximal run of ASCII digits (Go's regexp `\d+`).
std::vector<std::string_view> DigitRuns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] < '0' || line[i] > '9') {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    out.push_back(line.substr(start, i - start));
  }
  return out;
}

template <class T>
Result<T> ReadAndParse(const std::string& path, Result<T> (*parse)(std::string_view)) {
  auto text = ReadFile(path);
  if (!text) {
    Error e = text.error();
    e.kind = ErrorKind::kIo;
    return std::unexpected(e);
  }
  auto parsed = parse(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace

Result<AvcCacheStats> ParseAvcCacheStats(std::string_view text) {
  AvcCacheStats s;
  auto lines = ScanLines(text);
  static constexpr const char* kNames[] = {"lookups", "hits", "misses", "allocations", "reclaims", "frees"};
  std::uint64_t* dst[] = {&s.lookups, &s.hits, &s.misses, &s.allocations, &s.reclaims, &s.frees};
  for (std::size_t n = 1; n < lines.size(); ++n) {
    auto values = DigitRuns(lines[n]);
    if (values.size() != 6) {
      return ParseFail("line " + std::to_string(n + 1) + ": invalid AVC stat line: " + std::string(lines[n]));
    }
    for (std::size_t i = 0; i < 6; ++i) {
      auto v = gocompat::ParseUintBase0(values[i]);
      if (!v) {
        return ParseFail("line " + std::to_string(n + 1) + ": could not parse expected integer value for " +
                         kNames[i]);
      }
      *dst[i] += *v;
    }
  }
  return s;
}

Result<AvcHashStats> ParseAvcHashStats(std::string_view text) {
  auto lines = ScanLines(text);
  auto line = [&](std::size_t i) { return i < lines.size() ? lines[i] : std::string_view(); };
  auto strip = [](std::string_view s, std::string_view prefix) {
    return s.starts_with(prefix) ? s.substr(prefix.size()) : s;
  };
  AvcHashStats s;
  std::string_view entries = strip(line(0), "entries: ");
  std::string_view buckets = line(1);
  std::size_t at = buckets.find("buckets used: ");
  if (at == std::string_view::npos) return ParseFail("line 2: no \"buckets used: \"");
  buckets = buckets.substr(at + std::string_view("buckets used: ").size());
  // Go splits on every "buckets used: " and takes the text up to the next one.
  buckets = buckets.substr(0, buckets.find("buckets used: "));
  auto tuple = Split(buckets, '/');
  if (tuple.size() < 2) return ParseFail("line 2: expected used/available buckets");
  std::string_view chain = strip(line(2), "longest chain: ");

  struct Field {
    std::string_view text;
    std::uint64_t* dst;
    const char* what;
  };
  for (const Field& f :
       {Field{entries, &s.entries, "hash entries"}, Field{tuple[0], &s.buckets_used, "hash buckets used"},
        Field{tuple[1], &s.buckets_available, "hash buckets available"},
        Field{chain, &s.longest_chain, "hash longest chain"}}) {
    auto v = gocompat::ParseUintBase0(f.text);
    if (!v) return ParseFail(std::string("could not parse expected integer value for ") + f.what);
    *f.dst = *v;
  }
  return s;
}

int ParseSelinuxConfigMode(std::string_view text) {
  for (std::string_view line : ScanLines(text)) {
    line = Trim(line);
    if (line.empty() || line.front() == ';' || line.front() == '#') continue;
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    if (line.substr(0, eq) != "SELINUX") continue;
    std::string_view value = line.substr(eq + 1);
    while (!value.empty() && value.front() == '"') value.remove_prefix(1);
    while (!value.empty() && value.back() == '"') value.remove_suffix(1);
    if (value == "enforcing") return 1;
    if (value == "permissive") return 0;
    return -1;
  }
  return -1;
}

int ParseSelinuxEnforce(std::string_view text) {
  auto v = ParseInt(text);  // Go's Atoi on the raw content: no trimming
  if (!v || *v < INT32_MIN || *v > INT32_MAX) return -1;
  return static_cast<int>(*v);
}

bool SelinuxEnabled(const Paths& paths) {
  if (!PathExists(paths.Sys("fs/selinux/enforce"))) return false;
  // go-selinux treats an unreadable label as "not kernel".
  auto label = ReadFile(paths.Proc("self/attr/current"), 4096);
  if (!label) return true;
  std::string_view l = *label;
  if (l.ends_with('\0')) l.remove_suffix(1);
  return l != "kernel";
}

int ReadSelinuxConfigMode(const Paths& paths) {
  auto text = ReadFile(paths.Root("etc/selinux/config"));
  return text ? ParseSelinuxConfigMode(*text) : -1;
}

int ReadSelinuxCurrentMode(const Paths& paths) {
  auto text = ReadFile(paths.Sys("fs/selinux/enforce"));
  return text ? ParseSelinuxEnforce(*text) : -1;
}

Result<AvcCacheStats> ReadAvcCacheStats(const Paths& paths) {
  return ReadAndParse(paths.Sys("fs/selinux/avc/cache_stats"), &ParseAvcCacheStats);
}

Result<AvcHashStats> ReadAvcHashStats(const Paths& paths) {
  return ReadAndParse(paths.Sys("fs/selinux/avc/hash_stats"), &ParseAvcHashStats);
}

Result<std::uint64_t> ReadAvcCacheThreshold(const Paths& paths) {
  return ReadAndParse<std::uint64_t>(paths.Sys("fs/selinux/avc/cache_threshold"),
                                     [](std::string_view s) { return ParseUint(Trim(s)); });
}

}  // namespace host_exporter::sysfs
