#include "host_exporter/scraper.h"

#include <algorithm>
#include <thread>

#include "host_exporter/log.h"
#include "host_exporter/scrape_memo.h"

namespace host_exporter {
namespace {

// A scrape waiting for its runs: woken once, when the last one is done.
// Guarded by Scraper::mu_.
struct Waiter {
  std::size_t remaining = 0;
  std::condition_variable cv;
};

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
  std::vector<std::shared_ptr<Waiter>> waiters;
};

}  // namespace

struct Scraper::Slot {
  std::string name;
  std::unique_ptr<Collector> collector;
  std::shared_ptr<Run> current;  // the unfinished run, if any (guarded by mu_)
  std::uint64_t timeouts = 0;    // guarded by mu_
};

// How long a scrape's first drainer has the runs to itself before another joins.
constexpr std::chrono::milliseconds kHedge{5};

// The runs one scrape starts. A few pool tasks drain it, each taking the next
// unstarted run until none is left, rather than one task per collector: a
// scrape costs a handful of thread wake-ups instead of one per collector, and a
// collector that hangs holds only its own drainer (the others go on; the
// scrape adds a drainer when all of them are stuck).
struct Scraper::Batch {
  std::vector<std::pair<std::shared_ptr<Slot>, std::shared_ptr<Run>>> items;
  std::atomic<std::size_t> next{0};
  std::shared_ptr<ScrapeMemo> memo = std::make_shared<ScrapeMemo>();  // shared by the runs it starts
};

Scraper::Scraper(std::vector<NamedCollector> collectors, std::size_t parallelism)
    : parallelism_(std::max<std::size_t>(1, parallelism)), pool_(parallelism, collectors.size() + parallelism) {
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

void Scraper::Drain(const std::shared_ptr<Batch>& batch) const {
  for (;;) {
    std::size_t i = batch->next.fetch_add(1);
    if (i >= batch->items.size()) return;
    const auto& [slot, run] = batch->items[i];
    auto t0 = Clock::now();
    Status st;
    try {
      st = slot->collector->Collect(run->out);
    } catch (const std::exception& e) {
      st = Fail(ErrorKind::kIo, std::string("unexpected exception: ") + e.what());
    }
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    std::lock_guard lock(mu_);
    run->status = std::move(st);
    run->seconds = secs;
    run->done = true;
    if (slot->current == run) slot->current.reset();
    for (auto& w : run->waiters) {
      if (--w->remaining == 0) w->cv.notify_one();
    }
    run->waiters.clear();
  }
}

std::vector<prometheus::MetricFamily> Scraper::Scrape(const std::vector<std::size_t>& which_in,
                                                      std::optional<Clock::time_point> deadline) const {
  std::vector<std::size_t> which = which_in;
  if (which.empty()) {
    for (std::size_t i = 0; i < slots_.size(); ++i) which.push_back(i);
  }
  const auto start = Clock::now();
  std::vector<std::shared_ptr<Run>> runs(which.size());
  auto batch = std::make_shared<Batch>();
  auto waiter = std::make_shared<Waiter>();
  {
    std::lock_guard lock(mu_);
    for (std::size_t k = 0; k < which.size(); ++k) {
      const std::shared_ptr<Slot>& slot = slots_[which[k]];
      if (!slot->current) {
        slot->current = std::make_shared<Run>();
        slot->current->out.set_deadline(deadline);
        slot->current->out.set_memo(batch->memo);
        slot->current->out.set_pool(&family_pool_);
        batch->items.emplace_back(slot, slot->current);
      }
      runs[k] = slot->current;
      ++runs[k]->consumers;
      runs[k]->waiters.push_back(waiter);
      ++waiter->remaining;
    }
  }
  // Collectors mostly spend CPU (in the kernel, reading pseudo-files): more
  // drainers than cores only adds switches. One drainer starts; while runs
  // are left untaken kHedge later (a slow collector), more join, up to the
  // cores; past that, one more every 100 ms replaces drainers stuck in hung
  // collectors. A scrape of quick collectors costs one thread wake-up: a
  // second drainer from the start cost 18% more CPU for 10% less latency.
  const std::size_t cores = std::max(2u, std::thread::hardware_concurrency());
  const std::size_t max_drainers = std::min({batch->items.size(), parallelism_, cores});
  std::size_t drainers = 0;
  auto add_drainer = [&] {
    pool_.Submit([this, batch] { Drain(batch); });
    ++drainers;
  };
  if (!batch->items.empty()) add_drainer();

  std::unique_lock lock(mu_);
  while (waiter->remaining > 0) {
    bool hedge = drainers < max_drainers;
    auto wake = Clock::now() + (hedge ? kHedge : std::chrono::milliseconds(100));
    if (deadline && *deadline < wake) wake = *deadline;
    waiter->cv.wait_until(lock, wake);
    if (waiter->remaining == 0 || (deadline && Clock::now() >= *deadline)) break;
    lock.unlock();
    // Runs not started yet while every drainer sits in a slow collector: one
    // more drainer (the pool starts a thread for it if its workers are stuck).
    if (batch->next.load() < batch->items.size()) add_drainer();
    if (!hedge) pool_.Poke();  // replace workers stuck in a hung collector
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
