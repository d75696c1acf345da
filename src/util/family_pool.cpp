#include "host_exporter/family_pool.h"

#include <utility>

namespace host_exporter {

bool FamilyPool::Take(std::string_view name, prometheus::MetricFamily& out) {
  std::lock_guard lock(mu_);
  auto it = by_name_.find(name);
  if (it == by_name_.end() || !it->second.full) return false;
  out = std::move(it->second.family);
  it->second.full = false;
  return true;
}

void FamilyPool::Give(std::vector<prometheus::MetricFamily>& families) {
  std::vector<prometheus::MetricFamily> spare;  // not kept: freed outside the lock
  {
    std::lock_guard lock(mu_);
    for (auto& f : families) {
      auto it = by_name_.find(std::string_view(f.name));
      if (it == by_name_.end()) {
        if (by_name_.size() >= max_names_) {
          spare.push_back(std::move(f));
          continue;
        }
        std::string key = f.name;
        it = by_name_.emplace(std::move(key), Entry{}).first;
      }
      if (it->second.full) {
        spare.push_back(std::move(f));
      } else {
        it->second.family = std::move(f);
        it->second.full = true;
      }
    }
  }
  families.clear();
}

std::size_t FamilyPool::size() const {
  std::lock_guard lock(mu_);
  std::size_t n = 0;
  for (const auto& [name, e] : by_name_) n += e.full ? 1 : 0;
  return n;
}

}  // namespace host_exporter
