// Values one scrape computes once for all of its collectors: netdev, netclass
// and arp each want the RTM_GETLINK dump, which on a host with a thousand
// interfaces costs milliseconds of kernel time per copy. The scraper gives
// every collector run a scrape starts the same memo (MetricWriter::memo); a
// run the scrape joins (started by a concurrent scrape) brings that scrape's.
// A writer with none (a collector run alone, in tests) computes each time.
// Thread safety: Get may be called from the scrape's drainers at once; the
// first caller of a key computes, the others wait for its value.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace host_exporter {

class ScrapeMemo {
 public:
  // The value under `key`, computed by `compute` on first use. A key must
  // always be used with the same T. If compute throws, the exception goes to
  // its caller and the next caller computes (std::call_once would do the
  // same, but hangs under ThreadSanitizer's pthread_once).
  template <class T>
  std::shared_ptr<const T> Get(std::string_view key, const std::function<T()>& compute) {
    std::unique_lock lock(mu_);
    auto& slot = entries_[std::string(key)];
    if (!slot) slot = std::make_shared<Entry>();
    std::shared_ptr<Entry> e = slot;
    done_.wait(lock, [&] { return !e->computing; });
    if (e->value) return std::static_pointer_cast<const T>(e->value);
    e->computing = true;
    lock.unlock();
    std::shared_ptr<const T> v;
    try {
      v = std::make_shared<const T>(compute());
    } catch (...) {
      lock.lock();
      e->computing = false;
      done_.notify_all();
      throw;
    }
    lock.lock();
    e->value = v;
    e->computing = false;
    done_.notify_all();
    return v;
  }

 private:
  struct Entry {
    bool computing = false;
    std::shared_ptr<const void> value;
  };
  std::mutex mu_;
  std::condition_variable done_;
  std::map<std::string, std::shared_ptr<Entry>, std::less<>> entries_;
};

// memo->Get(key, compute), or compute() when there is no memo.
template <class T>
std::shared_ptr<const T> Memoized(const std::shared_ptr<ScrapeMemo>& memo, std::string_view key,
                                  const std::function<T()>& compute) {
  if (memo) return memo->Get<T>(key, compute);
  return std::make_shared<const T>(compute());
}

}  // namespace host_exporter
