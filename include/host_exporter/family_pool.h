// Metric families kept from one scrape to the next, by name. A collector's
// next run takes back last run's family of the same name and refills it: the
// name and help strings, the metric vector, each metric's label vector and
// label strings keep their capacity, so a steady scrape allocates almost
// none of them again (they were about a third of a scrape's allocations).
// What a family holds is overwritten by the writer that takes it
// (MetricWriter resets every field of a reused metric); the pool never
// serves a family's contents, only its storage.
// Thread safety: Take and Give may be called from any thread.
#pragma once

#include <prometheus/metric_family.h>

#include <cstddef>
#include <mutex>
#include <string_view>
#include <vector>

#include "host_exporter/string_map.h"

namespace host_exporter {

class FamilyPool {
 public:
  // At most `max_names` distinct names are kept (a textfile whose metric
  // names keep changing must not grow the pool without bound).
  explicit FamilyPool(std::size_t max_names = 4096) : max_names_(max_names) {}

  // Moves the pooled family named `name` into `out` and returns true, or
  // returns false (out untouched) when there is none.
  bool Take(std::string_view name, prometheus::MetricFamily& out);

  // Keeps one family per name from `families` (the first of each name; a
  // name already pooled keeps its family). Empties `families`.
  void Give(std::vector<prometheus::MetricFamily>& families);

  // Names pooled with a family ready to be taken.
  std::size_t size() const;

 private:
  struct Entry {
    prometheus::MetricFamily family;
    bool full = false;
  };
  const std::size_t max_names_;
  mutable std::mutex mu_;
  // Entries stay once made (only their family moves in and out), so a
  // steady scrape allocates no node or key here either.
  StringMap<Entry> by_name_;
};

}  // namespace host_exporter
