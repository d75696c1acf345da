#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(ProcessesCollector, Golden) {
  auto out = RunCollector("processes", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // 8 processes; postgres has 4 threads of which one exited before its stat was read.
  EXPECT_NE(out.text.find("node_processes_pids 8\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_processes_threads 11\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_state{state=\"S\"} 5\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_state{state=\"D\"} 1\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_state{state=\"Z\"} 1\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_threads_state{thread_state=\"S\"} 6\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_threads_state{thread_state=\"R\"} 1\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_max_threads 126953\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_processes_max_processes 4.194304e+06\n"), std::string::npos);
  ExpectGolden("processes", "basic", out.text);
}

TEST(ProcessesCollector, MalformedStatFailsNamingThePid) {
  auto out = RunCollector("processes", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("error reading stat for pid 42: "), std::string::npos)
      << out.status.error().message;
  EXPECT_NE(out.status.error().message.find("proc/42/stat"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

TEST(ProcessesCollector, MissingLimitsAreNoDataAfterTheCounts) {
  // empty/proc has no processes and no sys/kernel/threads-max: the thread count is
  // served before the failure, as node_exporter sends it first.
  auto out = RunCollector("processes", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("unable to retrieve limit number of threads: "), std::string::npos);
  EXPECT_EQ(out.text, "# HELP node_processes_threads Allocated threads in system\n"
                      "# TYPE node_processes_threads gauge\nnode_processes_threads 0\n");
}

}  // namespace
}  // namespace host_exporter::testing
