#include "host_exporter/mount/statfs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace host_exporter::mount {
namespace {

using namespace std::chrono_literals;
using State = StatFsRunner::Outcome::State;

// A statfs that blocks until released, counting its calls.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  std::string only;  // when set, other paths return at once
  std::atomic<int> calls{0};
  std::atomic<int> returned{0};

  StatFsFunc Func() {
    return [this](const std::string& path, StatFs* out) {
      if (!only.empty() && path != only) {
        out->blocks = 1;
        return 0;
      }
      ++calls;
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return open; });
      ++returned;
      out->blocks = 10;
      out->bsize = 4096;
      return 0;
    };
  }
  void Open() {
    std::lock_guard lock(mu);
    open = true;
    cv.notify_all();
  }
};

// Waits (bounded) until the runner has no outstanding calls.
bool Drained(const StatFsRunner& r) {
  for (int i = 0; i < 500 && r.Outstanding() != 0; ++i) std::this_thread::sleep_for(10ms);
  return r.Outstanding() == 0;
}

TEST(StatFsRunner, ReturnsResultsAndErrors) {
  StatFsRunner r(
      [](const std::string& path, StatFs* out) {
        if (path == "/gone") return ENOENT;
        out->blocks = 100;
        out->bsize = 512;
        return 0;
      },
      5s);
  auto ok = r.Stat("/data");
  ASSERT_EQ(ok.state, State::kOk);
  EXPECT_EQ(ok.stat.blocks, 100u);
  EXPECT_EQ(ok.stat.bsize, 512);
  auto err = r.Stat("/gone");
  ASSERT_EQ(err.state, State::kError);
  EXPECT_EQ(err.err, ENOENT);
  EXPECT_TRUE(Drained(r));
}

TEST(StatFsRunner, HungCallMarksPathStuckUntilItReturns) {
  Gate gate;
  gate.only = "/mnt/nfs";
  StatFsRunner r(gate.Func(), 300ms);
  auto t0 = std::chrono::steady_clock::now();
  auto first = r.Stat("/mnt/nfs");
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(first.state, State::kStuck);
  EXPECT_GE(waited, 290ms);
  EXPECT_LT(waited, 2s);
  EXPECT_TRUE(r.IsStuck("/mnt/nfs"));

  // Not asked again while the first call hangs: no new thread, no waiting.
  for (int i = 0; i < 20; ++i) {
    auto t1 = std::chrono::steady_clock::now();
    EXPECT_EQ(r.Stat("/mnt/nfs").state, State::kStuck);
    EXPECT_LT(std::chrono::steady_clock::now() - t1, 200ms);  // well under the timeout
  }
  EXPECT_EQ(gate.calls.load(), 1);
  EXPECT_EQ(r.Outstanding(), 1u);

  // Other mounts are asked as usual meanwhile.
  auto other = r.Stat("/home");
  EXPECT_EQ(other.state, State::kOk);
  EXPECT_EQ(other.stat.blocks, 1u);

  gate.Open();
  ASSERT_TRUE(Drained(r));
  EXPECT_FALSE(r.IsStuck("/mnt/nfs"));
  auto again = r.Stat("/mnt/nfs");
  EXPECT_EQ(again.state, State::kOk);
  EXPECT_EQ(again.stat.blocks, 10u);
  EXPECT_EQ(gate.calls.load(), 2);
}

TEST(StatFsRunner, StartAllRunsABatchPastAHungCallWithOneThread) {
  // One thread for the batch, and the second path hangs: the calls after it
  // still complete (a thread joins when the hung call times out), each with
  // its own timeout from its start, and the hung one is stuck.
  Gate gate;
  gate.only = "/mnt/nfs";
  StatFsRunner r(gate.Func(), 300ms);
  std::vector<std::string> paths = {"/a", "/mnt/nfs", "/b", "/c", "/a"};
  auto t0 = std::chrono::steady_clock::now();
  auto calls = r.StartAll(paths, 1);
  ASSERT_EQ(calls.size(), paths.size());
  std::vector<State> states;
  for (auto& c : calls) states.push_back(r.Wait(c).state);
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(states[0], State::kOk);
  EXPECT_EQ(states[1], State::kStuck);
  EXPECT_EQ(states[2], State::kOk);
  EXPECT_EQ(states[3], State::kOk);
  EXPECT_EQ(states[4], State::kOk);  // the repeated path shares the first call
  EXPECT_GE(waited, 290ms);
  EXPECT_LT(waited, 2s);  // not a timeout per call after the hung one
  EXPECT_EQ(gate.calls.load(), 1);
  EXPECT_TRUE(r.IsStuck("/mnt/nfs"));
  gate.Open();
  EXPECT_TRUE(Drained(r));
}

// Healthy mounts are all taken by one thread (one wake-up per scrape, not one
// per mount); a hung one makes the waiter bring in another thread for the
// rest of the batch long before the hung call's timeout, with a scrape
// deadline earlier than that timeout.
TEST(StatFsRunner, OneThreadForHealthyMountsAnotherPastAHungOne) {
  std::mutex mu;
  std::set<std::thread::id> threads;
  StatFsRunner healthy(
      [&](const std::string&, StatFs* out) {
        std::lock_guard lock(mu);
        threads.insert(std::this_thread::get_id());
        out->blocks = 1;
        return 0;
      },
      10s);
  std::vector<std::string> paths;
  for (int i = 0; i < 20; ++i) paths.push_back("/m" + std::to_string(i));
  auto calls = healthy.StartAll(paths, 4);
  for (auto& c : calls) EXPECT_EQ(healthy.Wait(c).state, State::kOk);
  EXPECT_EQ(threads.size(), 1u);

  Gate gate;
  gate.only = "/mnt/nfs";
  StatFsRunner r(gate.Func(), 10s);
  std::vector<std::string> mixed = {"/mnt/nfs", "/a", "/b", "/c"};
  auto t0 = std::chrono::steady_clock::now();
  auto mixed_calls = r.StartAll(mixed, 4);
  std::vector<State> states;
  for (auto& c : mixed_calls) states.push_back(r.Wait(c, t0 + 1s).state);
  EXPECT_EQ(states, (std::vector<State>{State::kStuck, State::kOk, State::kOk, State::kOk}));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);  // the scrape deadline, not the 10s timeout
  EXPECT_FALSE(r.IsStuck("/mnt/nfs"));
  gate.Open();
  EXPECT_TRUE(Drained(r));
}

TEST(StatFsRunner, ConcurrentCallersShareOneCall) {
  Gate gate;
  StatFsRunner r(gate.Func(), 5s);
  std::vector<std::thread> callers;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&] {
      if (r.Stat("/home").state == State::kOk) ++ok;
    });
  }
  for (int i = 0; i < 200 && gate.calls.load() == 0; ++i) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(20ms);  // let every caller reach Wait
  gate.Open();
  for (auto& t : callers) t.join();
  EXPECT_EQ(ok.load(), 4);
  EXPECT_LE(gate.calls.load(), 4);
  EXPECT_GE(gate.calls.load(), 1);
  EXPECT_TRUE(Drained(r));
}

TEST(StatFsRunner, StartDoesNotWaitAndOutlivesTheRunner) {
  auto gate = std::make_shared<Gate>();
  {
    // The threads own the gate through the function, as they own the runner's state.
    StatFsRunner r([gate](const std::string& p, StatFs* o) { return gate->Func()(p, o); }, 300ms);
    auto t0 = std::chrono::steady_clock::now();
    auto call = r.Start("/mnt/a");
    auto call2 = r.Start("/mnt/b");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 200ms);
    EXPECT_EQ(r.Outstanding(), 2u);
    EXPECT_EQ(r.Wait(call).state, State::kStuck);
    EXPECT_EQ(r.Wait(call2).state, State::kStuck);
  }  // the hung threads keep the shared state alive
  gate->Open();
  for (int i = 0; i < 400 && gate->returned.load() < 2; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(gate->returned.load(), 2);
  EXPECT_EQ(gate->calls.load(), 2);
}

// A caller's give-up time (the scrape deadline) before the call's own timeout:
// that caller gets kStuck, but the path is not marked stuck, and a call that
// returns before its timeout is used by the next caller.
TEST(StatFsRunner, GiveUpEndsOneWaitWithoutMarkingThePathStuck) {
  Gate gate;
  StatFsRunner r(gate.Func(), 10s);
  auto call = r.Start("/mnt/a");
  EXPECT_EQ(r.Wait(call, std::chrono::steady_clock::now() + 50ms).state, State::kStuck);
  EXPECT_FALSE(r.IsStuck("/mnt/a"));
  auto again = r.Start("/mnt/a");  // shares the outstanding call
  gate.Open();
  auto out = r.Wait(again, std::chrono::steady_clock::now() + 5s);
  EXPECT_EQ(out.state, State::kOk);
  EXPECT_EQ(out.stat.blocks, 10u);
  EXPECT_EQ(gate.calls.load(), 1);
  EXPECT_TRUE(Drained(r));
}

TEST(RealStatFs, StatsRootAndReportsErrno) {
  StatFs st;
  ASSERT_EQ(RealStatFs("/", &st), 0);
  EXPECT_GT(st.blocks, 0u);
  EXPECT_GT(st.bsize, 0);
  EXPECT_EQ(RealStatFs("/nonexistent/host_exporter/test", &st), ENOENT);
}

TEST(ScopedStatFsOverride, ReplacesCurrentStatFsOnThisThread) {
  StatFs st;
  {
    ScopedStatFsOverride o([](const std::string&, StatFs*) { return EIO; });
    EXPECT_EQ(CurrentStatFs()("/", &st), EIO);
    std::thread([&] { EXPECT_EQ(CurrentStatFs()("/", &st), 0); }).join();
  }
  EXPECT_EQ(CurrentStatFs()("/", &st), 0);
}

TEST(GoErrnoText, MatchesGoSpelling) {
  EXPECT_EQ(GoErrnoText(EACCES), "permission denied");
  EXPECT_EQ(GoErrnoText(ENOENT), "no such file or directory");
  EXPECT_EQ(GoErrnoText(EIO), "input/output error");
  EXPECT_EQ(GoErrnoText(ESTALE), "stale file handle");
  EXPECT_EQ(GoErrnoText(ENOTCONN), "transport endpoint is not connected");
  EXPECT_EQ(GoErrnoText(EOVERFLOW), "value too large for defined data type");
  EXPECT_EQ(GoErrnoText(9999), "errno 9999");
}

}  // namespace
}  // namespace host_exporter::mount
