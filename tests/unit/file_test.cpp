#include "host_exporter/file.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "host_exporter/dir_entries.h"
#include "host_exporter/match_memo.h"

namespace host_exporter {
namespace {

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/he_file_testXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = dir_ + "/" + name;
    std::ofstream(p) << content;
    return p;
  }
  std::string dir_;
};

TEST_F(FileTest, ReadsWholeFileLargerThanOneChunk) {
  std::string big(100000, 'x');
  auto r = ReadFile(Write("big", big));
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, big);
}

TEST_F(FileTest, CapIsEnforced) {
  auto r = ReadFile(Write("big", std::string(10000, 'x')), 100);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("larger than 100"), std::string::npos);
}

TEST_F(FileTest, MissingIsNotFoundAndNamesPath) {
  auto r = ReadFile(dir_ + "/nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(r.error().message.find(dir_ + "/nope"), std::string::npos);
}

TEST_F(FileTest, NumbersAndTrim) {
  EXPECT_EQ(*ReadUint(Write("u", "42\n")), 42u);
  EXPECT_EQ(*ReadInt(Write("i", "-7\n")), -7);
  EXPECT_EQ(*ReadTrimmed(Write("t", "  hello \n")), "hello");
  auto bad = ReadUint(Write("b", "4x2\n"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("/b"), std::string::npos);
}

TEST_F(FileTest, ListDirSortedWithoutDots) {
  Write("b", "");
  Write("a", "");
  auto r = ListDir(dir_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0], "a");
}

TEST_F(FileTest, ListDirTypedGivesTypesSortedWithoutDots) {
  Write("b_file", "x");
  std::filesystem::create_directory(dir_ + "/a_dir");
  std::filesystem::create_symlink("b_file", dir_ + "/c_link");
  auto r = ListDirTyped(dir_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].name, "a_dir");
  EXPECT_EQ((*r)[0].type, DT_DIR);
  EXPECT_EQ((*r)[1].name, "b_file");
  EXPECT_EQ((*r)[1].type, DT_REG);
  EXPECT_EQ((*r)[2].name, "c_link");
  EXPECT_EQ((*r)[2].type, DT_LNK);  // not followed
  auto missing = ListDirTyped(dir_ + "/nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST_F(FileTest, MemoizedRegexAnswersAsTheRegexAndRemembersAtMostItsCap) {
  auto re = Regex::Compile("^(Tcp_InSegs|Udp_.*)$");
  ASSERT_TRUE(re);
  MemoizedRegex memo(*re, 2);
  for (int round = 0; round < 2; ++round) {  // the second round answers from the memo
    EXPECT_TRUE(memo.Match("Tcp_InSegs"));
    EXPECT_FALSE(memo.Match("Tcp_OutSegs"));
    EXPECT_TRUE(memo.Match("Udp_NoPorts"));  // past the cap: matched, not remembered
    EXPECT_FALSE(memo.Match("Ip_Forwarding"));
  }
}

// Injected read failures: EINTR is retried, EIO is reported with errno text.
int g_reads = 0;
ssize_t InterruptedThenEio(int, void*, std::size_t) {
  errno = (g_reads++ == 0) ? EINTR : EIO;
  return -1;
}

TEST_F(FileTest, InjectedReadErrors) {
  std::string p = Write("f", "data");
  Syscalls s = RealSyscalls();
  s.read = &InterruptedThenEio;
  ScopedSyscallOverride o(s);
  g_reads = 0;
  auto r = ReadFile(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(g_reads, 2);
  EXPECT_EQ(r.error().kind, ErrorKind::kIo);
  EXPECT_NE(r.error().message.find("Input/output error"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter
