// A Regex with a memo of its answers, for patterns that are asked about the
// same few hundred names every scrape (netstat's and vmstat's field names): a
// hash lookup instead of an RE2 search per name. The memo holds at most
// `max_entries` names; past that, names are matched without being remembered.
// Thread safety: Match may be called from many threads at once (one mutex);
// a Batch holds the mutex for a run of names (one lock instead of one per name).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "host_exporter/regex.h"
#include "host_exporter/string_map.h"

namespace host_exporter {

class MemoizedRegex {
 public:
  explicit MemoizedRegex(Regex re, std::size_t max_entries = 4096)
      : re_(std::move(re)), max_entries_(max_entries) {}
  MemoizedRegex(MemoizedRegex&& o) noexcept : re_(std::move(o.re_)), max_entries_(o.max_entries_) {}

  bool Match(std::string_view s) const {
    std::lock_guard lock(mu_);
    return MatchLocked(s);
  }

  class Batch {
   public:
    explicit Batch(const MemoizedRegex& m) : m_(m), lock_(m.mu_) {}
    bool Match(std::string_view s) const { return m_.MatchLocked(s); }

   private:
    const MemoizedRegex& m_;
    std::lock_guard<std::mutex> lock_;
  };

 private:
  bool MatchLocked(std::string_view s) const {
    if (auto it = memo_.find(s); it != memo_.end()) return it->second;
    bool m = re_.Match(s);
    if (memo_.size() < max_entries_) memo_.emplace(std::string(s), m);
    return m;
  }

  Regex re_;
  std::size_t max_entries_;
  mutable std::mutex mu_;
  mutable StringMap<bool> memo_;
};

}  // namespace host_exporter
