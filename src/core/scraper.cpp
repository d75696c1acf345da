#include "host_exporter/scraper.h"

#include <algorithm>

#include "host_exporter/log.h"

namespace host_exporter {
namespace {

// One call of a collector. Shared by every scrape that asked for the collector
// while it ran, and by the task, so a late task writes into memory that a
// scrape which gave up has abandoned safely. `out` is written by the task alone
// before `done` is set; the other fields are guarded by Scraper::mu_.
struct Run {
  MetricWriter out;
  Status status;
  double seconds = 0;
  bool done = false;
  int consumers = 0;  // scrapes that still want this run's output
};

}  // namespace

struct Scraper::Slot {
  std::string name;
  std::unique_ptr<Collector> collector;
  std::shared_ptr<Run> current;  // the unfinished run, if any (guarded by mu_)
  std::uint64_t timeouts = 0;    // guarded by mu_
};

Scraper::Scraper(std::vector<NamedCollector> collectors, std::size_t parallelism)
    : pool_(parallelism, collectors.size() + parallelism) {
  for (auto& c : collectors) {
    names_.push_back(c.name);
    auto slot = std::make_shared<Slot>();
    slot->name = std::move(c.name);
    slot->collector = std::move(c.collector);
    slots_.push_back(std::move(slot));
  }
}

Scraper::~Scraper() = default;

int Scraper::Find(std::string_view name) const {
  auto it = std::find(names_.begin(), names_.end(), name);
  return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

std::vector<prometheus::MetricFamily> Scraper::Scrape(const std::vector<std::size_t>& which_in,
                                                      std::optional<Clock::time_point> deadline) const {
  std::vector<std::size_t> which = which_in;
  if (which.empty()) {
    for (std::size_t i = 0; i < slots_.size(); ++i) which.push_back(i);
  }
  const auto start = Clock::now();
  std::vector<std::shared_ptr<Run>> runs(which.size());
  std::vector<std::size_t> to_start;
  {
    std::lock_guard lock(mu_);
    for (std::size_t k = 0; k < which.size(); ++k) {
      Slot& slot = *slots_[which[k]];
      if (!slot.current) {
        slot.current = std::make_shared<Run>();
        to_start.push_back(k);
      }
      runs[k] = slot.current;
      ++runs[k]->consumers;
    }
  }
  for (std::size_t k : to_start) {
    pool_.Submit([this, slot = slots_[which[k]], run = runs[k]] {
      auto t0 = Clock::now();
      Status st;
      try {
        st = slot->collector->Collect(run->out);
      } catch (const std::exception& e) {
        st = Fail(ErrorKind::kIo, std::string("unexpected exception: ") + e.what());
      }
      double secs = std::chrono::duration<double>(Clock::now() - t0).count();
      {
        std::lock_guard lock(mu_);
        run->status = std::move(st);
        run->seconds = secs;
        run->done = true;
        if (slot->current == run) slot->current.reset();
      }
      done_cv_.notify_all();
    });
  }

  std::unique_lock lock(mu_);
  auto all_done = [&] {
    return std::all_of(runs.begin(), runs.end(), [](const auto& r) { return r->done; });
  };
  while (!all_done()) {
    auto wake = Clock::now() + std::chrono::milliseconds(100);
    if (deadline && *deadline < wake) wake = *deadline;
    done_cv_.wait_until(lock, wake);
    if (all_done() || (deadline && Clock::now() >= *deadline)) break;
    lock.unlock();
    pool_.Poke();  // replace workers stuck in a hung collector
    lock.lock();
  }

  std::vector<prometheus::MetricFamily> families;
  MetricWriter scrape_metrics;
  for (std::size_t k = 0; k < which.size(); ++k) {
    Slot& slot = *slots_[which[k]];
    Run& run = *runs[k];
    bool last = --run.consumers == 0;
    double success = 0;
    double seconds = run.seconds;
    if (!run.done) {
      seconds = std::chrono::duration<double>(Clock::now() - start).count();
      ++slot.timeouts;
      log::Error("collector did not finish before the scrape deadline", {{"name", slot.name}});
    } else {
      if (run.status) {
        success = 1;
        if (log::DebugEnabled()) log::Debug("collector succeeded", {{"name", slot.name}});
      } else if (run.status.error().IsNoData()) {
        log::Debug("collector returned no data", {{"name", slot.name}, {"err", run.status.error().message}});
      } else {
        log::Error("collector failed", {{"name", slot.name}, {"err", run.status.error().message}});
      }
      // The last scrape sharing a run takes its output; the others copy it.
      for (auto& f : run.out.families()) {
        if (last) {
          families.push_back(std::move(f));
        } else {
          families.push_back(f);
        }
      }
    }
    scrape_metrics.Gauge("node_scrape_collector_duration_seconds",
                         "node_exporter: Duration of a collector scrape.", seconds,
                         {{"collector", slot.name}});
    scrape_metrics.Gauge("node_scrape_collector_success",
                         "node_exporter: Whether a collector succeeded.", success,
                         {{"collector", slot.name}});
    scrape_metrics.Counter("node_scrape_collector_timeouts_total",
                           "host_exporter: Scrapes in which the collector did not finish before the deadline.",
                           static_cast<double>(slot.timeouts), {{"collector", slot.name}});
  }
  lock.unlock();
  for (auto& f : scrape_metrics.families()) families.push_back(std::move(f));
  return families;
}

}  // namespace host_exporter
