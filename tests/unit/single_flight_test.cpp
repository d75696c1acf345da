#include "host_exporter/single_flight.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace host_exporter {
namespace {

using namespace std::chrono_literals;

// Holds a computation until released, so callers can be made to overlap it.
class Gate {
 public:
  void Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return open_; });
  }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Waits (at most 10 s) until `n` callers wait for `key`.
bool AwaitWaiters(const SingleFlight<std::string>& flights, const std::string& key, std::size_t n) {
  for (int i = 0; i < 2000; ++i) {
    if (flights.Waiters(key) == n) return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

TEST(SingleFlight, OverlappingCallsShareOneComputation) {
  SingleFlight<std::string> flights;
  Gate gate;
  std::atomic<int> computed{0};
  auto compute = [&] {
    ++computed;
    gate.Wait();
    return std::string("body");
  };
  SingleFlight<std::string>::Outcome first;
  std::thread leader([&] { first = flights.Do("k", compute); });
  // Started before the followers: they must find its computation under way.
  for (int i = 0; i < 2000 && computed.load() == 0; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(computed.load(), 1);
  std::vector<SingleFlight<std::string>::Outcome> got(6);
  std::vector<std::thread> followers;
  for (std::size_t i = 0; i < got.size(); ++i) {
    followers.emplace_back([&, i] { got[i] = flights.Do("k", compute); });
  }
  ASSERT_TRUE(AwaitWaiters(flights, "k", got.size()));
  gate.Open();
  leader.join();
  for (auto& t : followers) t.join();
  EXPECT_EQ(computed.load(), 1);
  ASSERT_TRUE(first.value);
  EXPECT_FALSE(first.shared);
  EXPECT_EQ(*first.value, "body");
  for (const auto& g : got) {
    EXPECT_TRUE(g.shared);
    EXPECT_EQ(g.value.get(), first.value.get());  // the one result, not a copy
  }
  EXPECT_EQ(flights.Waiters("k"), 0u);
}

TEST(SingleFlight, CallsAfterTheComputationEndedComputeAgain) {
  SingleFlight<std::string> flights;
  int computed = 0;
  auto compute = [&] { return std::to_string(++computed); };
  auto a = flights.Do("k", compute);
  auto b = flights.Do("k", compute);
  EXPECT_EQ(*a.value, "1");
  EXPECT_EQ(*b.value, "2");  // nothing is cached
  EXPECT_FALSE(b.shared);
}

TEST(SingleFlight, DifferentKeysDoNotShare) {
  SingleFlight<std::string> flights;
  Gate gate;
  std::atomic<int> computed{0};
  std::thread slow([&] {
    flights.Do("gzip", [&] {
      ++computed;
      gate.Wait();
      return std::string("compressed");
    });
  });
  for (int i = 0; i < 2000 && computed.load() == 0; ++i) std::this_thread::sleep_for(5ms);
  // Runs while the other key's computation is held: it would hang if it waited for it.
  auto plain = flights.Do("identity", [&] {
    ++computed;
    return std::string("plain");
  });
  EXPECT_EQ(*plain.value, "plain");
  EXPECT_FALSE(plain.shared);
  gate.Open();
  slow.join();
  EXPECT_EQ(computed.load(), 2);
}

TEST(SingleFlight, AnExceptionReachesEveryWaiterAndIsNotKept) {
  SingleFlight<std::string> flights;
  Gate gate;
  std::atomic<bool> started{false};
  std::atomic<int> thrown{0};
  auto failing = [&]() -> std::string {
    started = true;
    gate.Wait();
    throw std::runtime_error("out of memory");
  };
  std::vector<std::thread> ts;
  ts.emplace_back([&] {
    try {
      flights.Do("k", failing);
    } catch (const std::runtime_error&) {
      ++thrown;
    }
  });
  for (int i = 0; i < 2000 && !started.load(); ++i) std::this_thread::sleep_for(5ms);
  for (int i = 0; i < 3; ++i) {
    ts.emplace_back([&] {
      try {
        flights.Do("k", failing);
      } catch (const std::runtime_error& e) {
        if (std::string(e.what()) == "out of memory") ++thrown;
      }
    });
  }
  ASSERT_TRUE(AwaitWaiters(flights, "k", 3));
  gate.Open();
  for (auto& t : ts) t.join();
  EXPECT_EQ(thrown.load(), 4);
  EXPECT_EQ(*flights.Do("k", [] { return std::string("ok"); }).value, "ok");
}

}  // namespace
}  // namespace host_exporter
