#include "host_exporter/file.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "host_exporter/text.h"
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
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_NE(r.error().message.find(dir_ + "/nope"), std::string::npos);
}

TEST_F(FileTest, PathThroughAFileIsAnErrorNotMissing) {
  // Go's os.IsNotExist is false for ENOTDIR, so it is not "no data".
  std::string file = Write("file", "x");
  auto read = ReadFile(file + "/attr");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ErrorKind::kIo);
  EXPECT_EQ(read.error().errnum, ENOTDIR);
  EXPECT_FALSE(read.error().IsNoData());
  auto list = ListDir(file);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().kind, ErrorKind::kIo);
  EXPECT_EQ(list.error().errnum, ENOTDIR);
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

TEST_F(FileTest, ParseFileNamesTheFileInParseErrors) {
  auto parse = [](std::string_view t) -> Result<std::uint64_t> { return ParseUint(Trim(t)); };
  EXPECT_EQ(*ParseFile(Write("n", "42\n"), parse), 42u);
  auto bad = ParseFile(Write("bad", "4x2\n"), parse);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_TRUE(bad.error().message.starts_with(dir_ + "/bad: ")) << bad.error().message;
  auto missing = ParseFile(dir_ + "/none", parse);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto capped = ParseFile(Write("big", std::string(200, '1')), parse, 100);
  ASSERT_FALSE(capped);
  EXPECT_NE(capped.error().message.find("larger than 100"), std::string::npos);
}

TEST_F(FileTest, ReadDirSortsAndTypesEntries) {
  std::filesystem::create_directories(dir_ + "/b");
  Write("b/file", "1");
  Write("a", "1");
  std::filesystem::create_directory_symlink("b", dir_ + "/c");
  auto entries = ReadDir(dir_);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].name, "a");
  EXPECT_TRUE((*entries)[0].regular);
  EXPECT_EQ((*entries)[1].name, "b");
  EXPECT_TRUE((*entries)[1].directory);
  EXPECT_EQ((*entries)[2].name, "c");  // a symlink is neither
  EXPECT_FALSE((*entries)[2].regular);
  EXPECT_FALSE((*entries)[2].directory);

  // Listing through the symlink works, as os.ReadDir follows it.
  auto via_link = ReadDir(dir_ + "/c");
  ASSERT_TRUE(via_link);
  EXPECT_EQ(via_link->size(), 1u);

  auto missing = ReadDir(dir_ + "/none");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(missing.error().at_open);
  auto file = ReadDir(dir_ + "/a");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().errnum, ENOTDIR);
}

TEST_F(FileTest, ReadOnceIsOneRead) {
  std::string p = Write("f", std::string(300, 'x'));
  auto f = File::Open(p);
  ASSERT_TRUE(f);
  char buf[128];
  auto n = f->ReadOnce(buf, sizeof buf, p);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, sizeof buf);
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
  EXPECT_EQ(r.error().errnum, EIO);
  EXPECT_NE(r.error().message.find("Input/output error"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter
