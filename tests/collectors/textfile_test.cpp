#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

constexpr long kMtime = 1700000000;

// Fixed mtimes for the scenario's files, so node_textfile_mtime_seconds is
// reproducible (git does not keep them).
void SetMtimes(std::string_view scenario) {
  for (const auto& e : std::filesystem::recursive_directory_iterator(FixtureDir(scenario))) {
    if (!e.is_regular_file()) continue;
    struct timespec times[2] = {{kMtime, 0}, {kMtime, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, e.path().c_str(), times, 0), 0) << e.path();
  }
}

// Paths in labels and HELP are absolute; make them independent of the checkout.
std::string Relative(std::string text) {
  const std::string from = SourceDir() + "/fixtures/";
  for (std::size_t pos; (pos = text.find(from)) != std::string::npos;) text.replace(pos, from.size(), "fixtures/");
  return text;
}

CollectOutput RunTextfile(std::string_view scenario, std::vector<std::string> dirs) {
  SetMtimes(scenario);
  std::vector<std::string> args;
  for (const auto& d : dirs) args.push_back("--collector.textfile.directory=" + d);
  auto out = RunCollector("textfile", scenario, args);
  out.text = Relative(out.text);
  return out;
}

bool Contains(const std::string& text, std::string_view line) {
  return text.find(std::string(line) + "\n") != std::string::npos;
}

TEST(TextfileCollector, Golden) {
  auto out = RunTextfile("basic", {FixtureDir("basic") + "/textfile"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 0")) << out.text;
  // README does not end in .prom.
  EXPECT_EQ(out.text.find("README"), std::string::npos);
  ExpectGolden("textfile", "basic", out.text);
}

TEST(TextfileCollector, NoDirectoryGivesOnlyTheErrorGauge) {
  auto out = RunCollector("textfile", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 0")) << out.text;
}

TEST(TextfileCollector, BadFilesAreSkippedAndReported) {
  auto out = RunTextfile("textfile-errors", {FixtureDir("textfile-errors") + "/textfile/"});
  ASSERT_TRUE(out.status) << out.status.error().message;  // the collector itself succeeds
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 1")) << out.text;
  EXPECT_TRUE(Contains(out.text, "cron_last_run_seconds{job=\"logrotate\"} 1.7e+09")) << out.text;
  // Nothing from a file with a syntax error, a timestamp or no final newline,
  // not even the lines before the error; only good.prom has an mtime.
  for (std::string_view name : {"broken_metric", "ok_before_error", "with_timestamp", "no_newline"}) {
    EXPECT_EQ(out.text.find(name), std::string::npos) << name << "\n" << out.text;
  }
  EXPECT_TRUE(Contains(out.text,
                       "node_textfile_mtime_seconds{file=\"fixtures/textfile-errors/textfile/good.prom\"} 1.7e+09"))
      << out.text;
  EXPECT_EQ(out.text.find("mtime_seconds{file=\"fixtures/textfile-errors/textfile/bad"), std::string::npos);
  ExpectGolden("textfile", "textfile-errors", out.text);
}

TEST(TextfileCollector, SameMetricInSeveralFiles) {
  auto out = RunTextfile("textfile-merge", {FixtureDir("textfile-merge") + "/textfile"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  const std::string& t = out.text;
  // Same HELP and type: one family with the series of both files.
  EXPECT_TRUE(Contains(t, "jobs_total{job=\"backup\"} 12")) << t;
  EXPECT_TRUE(Contains(t, "jobs_total{job=\"cleanup\"} 3")) << t;
  // A different HELP skips the later file's family and is an error; once
  // skipped, later files' families of that name are skipped too.
  EXPECT_TRUE(Contains(t, "temp{room=\"a\"} 21")) << t;
  EXPECT_EQ(t.find("room=\"b\""), std::string::npos) << t;
  EXPECT_EQ(t.find("room=\"c\""), std::string::npos) << t;
  EXPECT_TRUE(Contains(t, "node_textfile_scrape_error 1")) << t;
  // Without HELP: one generated HELP naming every file.
  EXPECT_TRUE(Contains(t, "# HELP nohelp Metric read from fixtures/textfile-merge/textfile/a.prom, "
                          "fixtures/textfile-merge/textfile/b.prom"))
      << t;
  // Missing label names are filled in per file, empty.
  EXPECT_TRUE(Contains(t, "pad{a=\"\",b=\"2\"} 2")) << t;
  EXPECT_TRUE(Contains(t, "pad{a=\"3\"} 3")) << t;
  // Dropped by the registry without setting scrape_error: a repeated series, a
  // type that differs from the family's, a HELP that differs from the family's
  // first one, and a name colliding with a summary's _count.
  EXPECT_TRUE(Contains(t, "dup_series{a=\"1\"} 1")) << t;
  EXPECT_EQ(t.find("dup_series{a=\"1\"} 2"), std::string::npos) << t;
  EXPECT_TRUE(Contains(t, "# TYPE kind_clash untyped")) << t;
  EXPECT_EQ(t.find("kind_clash 2"), std::string::npos) << t;
  EXPECT_TRUE(Contains(t, "only_help_in_c 1")) << t;
  EXPECT_EQ(t.find("file=\"d\""), std::string::npos) << t;
  EXPECT_EQ(t.find("latency_count 9"), std::string::npos) << t;
  EXPECT_TRUE(Contains(t, "latency_count{path=\"\"} 5")) << t;
  ExpectGolden("textfile", "textfile-merge", t);
}

TEST(TextfileCollector, GlobSelectsDirectories) {
  std::string root = FixtureDir("textfile-glob");
  auto out = RunTextfile("textfile-glob", {root + "/d[0-9]"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Contains(out.text, "glob_one 1")) << out.text;
  EXPECT_TRUE(Contains(out.text, "glob_two 2")) << out.text;
  EXPECT_EQ(out.text.find("glob_other"), std::string::npos) << out.text;
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 0")) << out.text;
  ExpectGolden("textfile", "textfile-glob", out.text);
}

TEST(TextfileCollector, GlobMatchingAFileIsAnError) {
  // "d*" also matches the regular file dfile, which cannot be listed.
  auto out = RunTextfile("textfile-glob", {FixtureDir("textfile-glob") + "/d*"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Contains(out.text, "glob_one 1")) << out.text;
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 1")) << out.text;
}

TEST(TextfileCollector, RepeatedFlagAndMissingDirectory) {
  std::string root = FixtureDir("textfile-glob");
  auto out = RunTextfile("textfile-glob", {root + "/other", root + "/nonexistent", root + "/d1"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Contains(out.text, "glob_other 3")) << out.text;
  EXPECT_TRUE(Contains(out.text, "glob_one 1")) << out.text;
  EXPECT_EQ(out.text.find("glob_two"), std::string::npos) << out.text;
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 1")) << out.text;
}

TEST(TextfileCollector, UnreadableDirectoryIsAnError) {
  // Root may open any directory, so stand in with a path that is not one.
  auto out = RunTextfile("textfile-glob", {FixtureDir("textfile-glob") + "/dfile"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  EXPECT_TRUE(Contains(out.text, "node_textfile_scrape_error 1")) << out.text;
}

}  // namespace
}  // namespace host_exporter::testing
