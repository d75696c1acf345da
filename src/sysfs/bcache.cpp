#include "host_exporter/sysfs/bcache.h"

#include "host_exporter/file.h"
#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// procfs's parsePseudoFloat: "<int>.<frac>" where frac counts 1/1024ths / 10.24.
Result<double> ParsePseudoFloat(std::string_view s) {
  auto parts = Split(s, '.');
  auto int_part = ParseDouble(parts[0]);
  if (!int_part) return int_part;
  if (parts.size() == 1) return int_part;
  auto frac = ParseDouble(parts[1]);
  if (!frac) return frac;
  return *int_part + *frac / 10.24;
}

double Multiplier(char c) {
  constexpr double kKi = 1024.0;
  switch (c) {
    case 'k': return kKi;
    case 'M': return kKi * kKi;
    case 'G': return kKi * kKi * kKi;
    case 'T': return kKi * kKi * kKi * kKi;
    case 'P': return kKi * kKi * kKi * kKi * kKi;
    case 'E': return kKi * kKi * kKi * kKi * kKi * kKi;
    case 'Z': return kKi * kKi * kKi * kKi * kKi * kKi * kKi;
    case 'Y': return kKi * kKi * kKi * kKi * kKi * kKi * kKi * kKi;
    default: return 0;  // procfs's map lookup of an unknown suffix yields 0
  }
}

std::string_view LastField(std::string_view line) {
  auto f = SplitFields(line);
  return f.empty() ? std::string_view() : f.back();
}

std::string_view TrimSuffix(std::string_view s, std::string_view suffix) {
  if (s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return s;
}

// Reads files of one cache set in procfs's order; the first error sticks.
class SetReader {
 public:
  Result<std::uint64_t> Value(const std::string& dir, std::string_view name) {
    std::string path = Paths::Join(dir, name);
    auto text = ReadFile(path, 4096);
    if (!text) return std::unexpected(Error{ErrorKind::kIo, "failed to read: " + path});
    auto v = ParseBcacheValue(*text);
    if (!v) return std::unexpected(InFile(path, v.error()));
    return v;
  }

  template <class T, class F>
  Result<T> Parsed(const std::string& dir, std::string_view name, F parse) {
    std::string path = Paths::Join(dir, name);
    auto text = ReadFile(path);
    if (!text) return std::unexpected(Error{ErrorKind::kIo, "failed to read: " + path});
    auto v = parse(*text);
    if (!v) return std::unexpected(InFile(path, v.error()));
    return v;
  }
};

Status ReadPeriod(SetReader& r, const std::string& dir, BcachePeriodStats& p) {
  struct Field {
    const char* name;
    std::uint64_t BcachePeriodStats::*dst;
  };
  static constexpr Field kFields[] = {
      {"bypassed", &BcachePeriodStats::bypassed},
      {"cache_bypass_hits", &BcachePeriodStats::cache_bypass_hits},
      {"cache_bypass_misses", &BcachePeriodStats::cache_bypass_misses},
      {"cache_hits", &BcachePeriodStats::cache_hits},
      {"cache_miss_collisions", &BcachePeriodStats::cache_miss_collisions},
      {"cache_misses", &BcachePeriodStats::cache_misses},
      {"cache_readaheads", &BcachePeriodStats::cache_readaheads},
  };
  for (const auto& f : kFields) {
    auto v = r.Value(dir, f.name);
    if (!v) return std::unexpected(v.error());
    p.*f.dst = *v;
  }
  return {};
}

Result<BcacheStats> ReadSet(const std::string& dir, bool priority_stats) {
  SetReader r;
  BcacheStats s;
  struct Field {
    const char* name;
    std::uint64_t BcacheStats::*dst;
  };
  static constexpr Field kTop[] = {
      {"average_key_size", &BcacheStats::average_key_size},
      {"btree_cache_size", &BcacheStats::btree_cache_size},
      {"cache_available_percent", &BcacheStats::cache_available_percent},
      {"congested", &BcacheStats::congested},
      {"root_usage_percent", &BcacheStats::root_usage_percent},
      {"tree_depth", &BcacheStats::tree_depth},
      {"internal/active_journal_entries", &BcacheStats::active_journal_entries},
      {"internal/btree_nodes", &BcacheStats::btree_nodes},
      {"internal/btree_read_average_duration_us", &BcacheStats::btree_read_average_duration_ns},
      {"internal/cache_read_races", &BcacheStats::cache_read_races},
  };
  for (const auto& f : kTop) {
    auto v = r.Value(dir, f.name);
    if (!v) return std::unexpected(v.error());
    s.*f.dst = *v;
  }
  if (auto st = ReadPeriod(r, dir + "/stats_five_minute", s.five_min); !st) {
    return std::unexpected(st.error());
  }
  if (auto st = ReadPeriod(r, dir + "/stats_total", s.total); !st) {
    return std::unexpected(st.error());
  }

  for (auto& name : GlobNames(dir, [](std::string_view n) { return MatchPrefixDigit(n, "bdev"); })) {
    BcacheBdev b;
    b.name = name;
    std::string bdir = dir + "/" + name;
    auto dirty = r.Value(bdir, "dirty_data");
    if (!dirty) return std::unexpected(dirty.error());
    b.dirty_data = *dirty;
    auto wrd = r.Parsed<BcacheWritebackRateDebug>(bdir, "writeback_rate_debug",
                                                  ParseBcacheWritebackRateDebug);
    if (!wrd) return std::unexpected(wrd.error());
    b.writeback_rate_debug = *wrd;
    if (auto st = ReadPeriod(r, bdir + "/stats_five_minute", b.five_min); !st) {
      return std::unexpected(st.error());
    }
    if (auto st = ReadPeriod(r, bdir + "/stats_total", b.total); !st) {
      return std::unexpected(st.error());
    }
    s.bdevs.push_back(std::move(b));
  }

  for (auto& name : GlobNames(dir, [](std::string_view n) { return MatchPrefixDigit(n, "cache"); })) {
    BcacheCache c;
    c.name = name;
    std::string cdir = dir + "/" + name;
    struct Field2 {
      const char* name;
      std::uint64_t BcacheCache::*dst;
    };
    static constexpr Field2 kCache[] = {
        {"io_errors", &BcacheCache::io_errors},
        {"metadata_written", &BcacheCache::metadata_written},
        {"written", &BcacheCache::written},
    };
    for (const auto& f : kCache) {
      auto v = r.Value(cdir, f.name);
      if (!v) return std::unexpected(v.error());
      c.*f.dst = *v;
    }
    if (priority_stats) {
      auto ps = r.Parsed<BcachePriorityStats>(cdir, "priority_stats", ParseBcachePriorityStats);
      if (!ps) return std::unexpected(ps.error());
      c.priority = *ps;
    }
    s.caches.push_back(std::move(c));
  }
  return s;
}

}  // namespace

Result<std::uint64_t> ParseBcacheHuman(std::string_view s) {
  if (s.empty()) return ParseFail("zero-length reply");
  char last = s.back();
  double mant = 0;
  double mul = 1;
  if (last > '9') {
    s.remove_suffix(1);
    mul = Multiplier(last);
    auto m = ParsePseudoFloat(s);
    if (!m) return std::unexpected(m.error());
    mant = *m;
  } else {
    auto m = ParseDouble(s);
    if (!m) return std::unexpected(m.error());
    mant = *m;
  }
  return gocompat::FloatToUint64(mant * mul);
}

Result<std::int64_t> ParseBcacheHumanSigned(std::string_view s) {
  bool neg = s.starts_with('-');
  if (neg) s.remove_prefix(1);
  auto v = ParseBcacheHuman(s);
  if (!v) return std::unexpected(v.error());
  auto out = static_cast<std::int64_t>(*v);
  return neg ? static_cast<std::int64_t>(0 - *v) : out;
}

Result<std::uint64_t> ParseBcacheValue(std::string_view file_text) {
  if (file_text.empty()) return ParseFail("empty file");
  file_text.remove_suffix(1);
  return ParseBcacheHuman(file_text);
}

Result<BcachePriorityStats> ParseBcachePriorityStats(std::string_view text) {
  BcachePriorityStats ps;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    std::uint64_t* dst = nullptr;
    if (line.starts_with("Unused:")) {
      dst = &ps.unused_percent;
    } else if (line.starts_with("Metadata:")) {
      dst = &ps.metadata_percent;
    } else {
      continue;
    }
    auto v = ParseUint(TrimSuffix(LastField(line), "%"));
    if (!v) return ParseFail("line " + std::to_string(n) + ": " + v.error().message);
    *dst = *v;
  }
  return ps;
}

Result<BcacheWritebackRateDebug> ParseBcacheWritebackRateDebug(std::string_view text) {
  BcacheWritebackRateDebug w;
  int n = 0;
  for (auto line : SplitLines(text)) {
    ++n;
    std::string_view value = LastField(line);
    Status st;
    auto unsigned_into = [&](std::uint64_t& dst, std::string_view v) -> Status {
      auto r = ParseBcacheHuman(v);
      if (!r) return std::unexpected(r.error());
      dst = *r;
      return {};
    };
    auto signed_into = [&](std::int64_t& dst, std::string_view v) -> Status {
      auto r = ParseBcacheHumanSigned(v);
      if (!r) return std::unexpected(r.error());
      dst = *r;
      return {};
    };
    if (line.starts_with("rate:")) {
      st = unsigned_into(w.rate, TrimSuffix(value, "/sec"));
    } else if (line.starts_with("dirty:")) {
      st = unsigned_into(w.dirty, value);
    } else if (line.starts_with("target:")) {
      st = unsigned_into(w.target, value);
    } else if (line.starts_with("proportional:")) {
      st = signed_into(w.proportional, value);
    } else if (line.starts_with("integral:")) {
      st = signed_into(w.integral, value);
    } else if (line.starts_with("change:")) {
      st = signed_into(w.change, TrimSuffix(value, "/sec"));
    } else if (line.starts_with("next io:")) {
      auto r = ParseInt(TrimSuffix(value, "ms"));
      if (!r) {
        st = std::unexpected(r.error());
      } else {
        w.next_io = *r;
      }
    }
    if (!st) return ParseFail("line " + std::to_string(n) + ": " + st.error().message);
  }
  return w;
}

Result<std::vector<BcacheStats>> ReadBcacheStats(const Paths& paths, bool priority_stats) {
  std::string root = paths.Sys("fs/bcache");
  std::vector<BcacheStats> out;
  for (auto& uuid : GlobNames(root, MatchHasDash)) {
    auto s = ReadSet(root + "/" + uuid, priority_stats);
    if (!s) return std::unexpected(s.error());
    s->uuid = uuid;
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace host_exporter::sysfs
