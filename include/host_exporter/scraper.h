// Runs the enabled collectors of one scrape concurrently on a worker pool and
// gathers their output with node_scrape_collector_{duration_seconds,success}.
// A collector that has not finished by the scrape's deadline is reported with
// success 0 and counted in node_scrape_collector_timeouts_total; its late output
// is discarded. A collector still running when another scrape asks for it is not
// started again on top of itself: the new scrape shares the running call's result
// (concurrent scrapes coalesce), so threads stay bounded however long it hangs.
// Thread safety: Scrape may be called from many threads at once.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <prometheus/metric_family.h>

#include "host_exporter/collector.h"
#include "host_exporter/family_pool.h"
#include "host_exporter/worker_pool.h"

namespace host_exporter {

struct NamedCollector {
  std::string name;
  std::unique_ptr<Collector> collector;
};

class Scraper {
 public:
  using Clock = std::chrono::steady_clock;
  // `collectors` sorted by name. `parallelism` threads run them (more are
  // started only to replace threads stuck in a collector).
  Scraper(std::vector<NamedCollector> collectors, std::size_t parallelism);
  ~Scraper();

  // Runs the collectors whose indexes are given (all when empty).
  std::vector<prometheus::MetricFamily> Scrape(const std::vector<std::size_t>& which,
                                               std::optional<Clock::time_point> deadline) const;

  // Hands a scrape's families back once they have been serialized, so the
  // collectors' next runs refill them instead of allocating (family_pool.h).
  void Recycle(std::vector<prometheus::MetricFamily>& families) const { family_pool_.Give(families); }

  const std::vector<std::string>& names() const { return names_; }
  // Index of the collector, or -1.
  int Find(std::string_view name) const;

 private:
  struct Slot;
  struct Batch;
  void Drain(const std::shared_ptr<Batch>& batch) const;

  std::size_t parallelism_;
  std::vector<std::string> names_;
  std::vector<std::shared_ptr<Slot>> slots_;
  // Guards every slot's current run and every run's completion state.
  mutable std::mutex mu_;
  mutable FamilyPool family_pool_;  // before pool_: late runs still write into it
  mutable WorkerPool pool_;  // last: destroyed (joined) first
};

}  // namespace host_exporter
