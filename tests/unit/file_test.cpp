#include "host_exporter/file.h"

#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "host_exporter/match_memo.h"
#include "host_exporter/text.h"
#include "support/temp_dir.h"

namespace host_exporter {
namespace {

class FileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) { return tmp_.Write(name, content); }
  host_exporter::testing::TempDir tmp_{"he_file_test"};
  const std::string dir_ = tmp_.path();
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

thread_local int g_openats = 0;
thread_local std::vector<std::string> g_opened;
int CountingOpenAt(int dirfd, const char* name, int flags) {
  ++g_openats;
  return ::openat(dirfd, name, flags);
}
int RecordingOpen(const char* path, int flags) {
  g_opened.emplace_back(path);
  return ::open(path, flags);
}

TEST_F(FileTest, OpenAtOpensTheNameInTheDirectory) {
  Write("d/mtu", "1500\n");
  Syscalls s = RealSyscalls();
  s.openat = &CountingOpenAt;
  s.open = &RecordingOpen;
  ScopedSyscallOverride o(s);
  g_openats = 0;
  g_opened.clear();
  auto dir = File::Open(dir_ + "/d", O_DIRECTORY | O_PATH);
  ASSERT_TRUE(dir) << dir.error().message;
  std::string text;
  auto f = File::OpenAt(*dir, "mtu", dir_ + "/d/mtu");
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_TRUE(f->ReadAll(text, 100, "mtu"));
  EXPECT_EQ(text, "1500\n");
  EXPECT_EQ(g_openats, 1);
  EXPECT_EQ(g_opened, std::vector<std::string>{dir_ + "/d"});  // the directory only

  // A failure is Open's failure, naming the full path.
  auto missing = File::OpenAt(*dir, "speed", dir_ + "/d/speed");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find(dir_ + "/d/speed"), std::string::npos) << missing.error().message;
  // Not one path component, or no directory: Open(path).
  g_opened.clear();
  EXPECT_TRUE(File::OpenAt(*dir, "../d/mtu", dir_ + "/d/mtu"));
  EXPECT_TRUE(File::OpenAt(File(), "mtu", dir_ + "/d/mtu"));
  EXPECT_EQ(g_opened.size(), 2u);
}

TEST_F(FileTest, OpenAtWithoutAnOpenAtOverrideOpensThePath) {
  Write("d/mtu", "1500\n");
  auto dir = File::Open(dir_ + "/d", O_DIRECTORY | O_PATH);
  ASSERT_TRUE(dir);
  Syscalls s{&RecordingOpen, &::read, &::close};  // a test override that knows only open
  ScopedSyscallOverride o(s);
  g_opened.clear();
  EXPECT_TRUE(File::OpenAt(*dir, "mtu", dir_ + "/d/mtu"));
  EXPECT_EQ(g_opened, std::vector<std::string>{dir_ + "/d/mtu"});
}

// Flattened links: a tree copied without symlinks, each link a regular file
// holding its target (file.h).
class FlattenedLinkTest : public FileTest {
 protected:
  void SetUp() override {
    FileTest::SetUp();
    // sys/class/net/eth0 -> ../../devices/pci0/net/eth0/, whose device -> ../..
    Write("sys/devices/pci0/vendor", "0x8086\n");
    Write("sys/devices/pci0/net/eth0/operstate", "up\n");
    Write("sys/devices/pci0/net/eth0/carrier", "1\n");
    Write("sys/devices/pci0/net/eth0/device", "../..");
    Write("sys/class/net/eth0", "../../devices/pci0/net/eth0/");
    Write("sys/class/net/bonding_masters", "bond0\n");
  }
  std::string Sys(const std::string& rel) const { return dir_ + "/sys/" + rel; }
};

TEST_F(FlattenedLinkTest, FilesBeneathOneAreOpened) {
  auto state = ReadFile(Sys("class/net/eth0/operstate"));
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(*state, "up\n");
  // Two links on the way, the second inside the first's target.
  auto vendor = ReadTrimmed(Sys("class/net/eth0/device/vendor"));
  ASSERT_TRUE(vendor) << vendor.error().message;
  EXPECT_EQ(*vendor, "0x8086");
  // A chain: a link whose target is a link (with a newline, as `echo` writes it).
  Write("sys/class/alias", "./net\n");
  EXPECT_EQ(*ReadUint(Sys("class/alias/eth0/carrier")), 1u);

  // Missing beneath a link is missing, as through a symlink.
  auto missing = ReadFile(Sys("class/net/eth0/speed"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_NE(missing.error().message.find(Sys("class/net/eth0/speed")), std::string::npos);
}

TEST_F(FlattenedLinkTest, OneIsOpenedAsADirectoryForOpenAt) {
  auto dir = File::Open(Sys("class/net/eth0"), O_DIRECTORY | O_PATH);
  ASSERT_TRUE(dir) << dir.error().message;
  auto f = File::OpenAt(*dir, "carrier", Sys("class/net/eth0/carrier"));
  ASSERT_TRUE(f) << f.error().message;
  std::string text;
  ASSERT_TRUE(f->ReadAll(text, 100, "carrier"));
  EXPECT_EQ(text, "1\n");
}

TEST_F(FlattenedLinkTest, OneIsListedAsADirectory) {
  auto names = ListDir(Sys("class/net/eth0"));
  ASSERT_TRUE(names) << names.error().message;
  EXPECT_EQ(*names, (std::vector<std::string>{"carrier", "device", "operstate"}));
  auto entries = ReadDir(Sys("class/net/eth0/device"));
  ASSERT_TRUE(entries) << entries.error().message;
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].name, "net");
  EXPECT_TRUE((*entries)[0].directory);
  EXPECT_TRUE(IsDirectory(Sys("class/net/eth0")));
  EXPECT_TRUE(IsDirectory(Sys("class/net/eth0/device/net")));
  EXPECT_TRUE(PathExists(Sys("class/net/eth0/device/vendor")));
  EXPECT_FALSE(PathExists(Sys("class/net/eth0/device/class")));

  // Listed, a flattened link is a regular entry; IsFlattenedLink tells it from
  // an attribute such as bonding_masters.
  auto net = ReadDir(Sys("class/net"));
  ASSERT_TRUE(net);
  ASSERT_EQ(net->size(), 2u);
  EXPECT_TRUE((*net)[1].regular);
  EXPECT_TRUE(IsFlattenedLink(Sys("class/net/eth0")));
  EXPECT_TRUE(IsFlattenedLink(Sys("class/net/eth0/device")));
  EXPECT_FALSE(IsFlattenedLink(Sys("class/net/bonding_masters")));
  EXPECT_FALSE(IsFlattenedLink(Sys("class/net/eth0/operstate")));
  EXPECT_FALSE(IsFlattenedLink(Sys("class/net")));
}

TEST_F(FlattenedLinkTest, ReadLinkGivesItsContent) {
  auto target = ReadLink(Sys("class/net/eth0"));
  ASSERT_TRUE(target) << target.error().message;
  EXPECT_EQ(*target, "../../devices/pci0/net/eth0/");
  target = ReadLink(Sys("class/net/eth0/device"));  // beneath another
  ASSERT_TRUE(target) << target.error().message;
  EXPECT_EQ(*target, "../..");
  auto real = RealPath(Sys("class/net/eth0/device"));
  ASSERT_TRUE(real) << real.error().message;
  EXPECT_EQ(*real, std::filesystem::canonical(Sys("devices/pci0")).string());

  // A real symlink still reads as one, also beneath a flattened link.
  std::filesystem::create_directory_symlink("../..", Sys("devices/pci0/net/eth0/subsystem"));
  EXPECT_EQ(*ReadLink(Sys("class/net/eth0/subsystem")), "../..");

  // An attribute is no link: readlink's EINVAL.
  auto attr = ReadLink(Sys("class/net/eth0/operstate"));
  ASSERT_FALSE(attr);
  EXPECT_EQ(attr.error().errnum, EINVAL);
}

TEST_F(FlattenedLinkTest, ABareNameIsALinkOnlyToARealDirectoryBesideIt) {
  // proc/self -> 10
  Write("proc/10/stat", "10 (host_exporter) S\n");
  Write("proc/self", "10");
  EXPECT_EQ(*ReadLink(dir_ + "/proc/self"), "10");
  EXPECT_TRUE(ReadFile(dir_ + "/proc/self/stat"));
  EXPECT_TRUE(IsDirectory(dir_ + "/proc/self"));

  // Attributes reading "1" or "up", even beside a file of that name, or itself.
  Write("attrs/1", "x");
  Write("attrs/carrier", "1\n");
  Write("attrs/up", "up");
  for (const char* name : {"carrier", "up"}) {
    std::string attr = dir_ + "/attrs/" + name;
    SCOPED_TRACE(attr);
    EXPECT_FALSE(IsFlattenedLink(attr));
    EXPECT_FALSE(IsDirectory(attr));
    auto through = ReadFile(attr + "/x");
    ASSERT_FALSE(through);
    EXPECT_EQ(through.error().errnum, ENOTDIR);
    EXPECT_EQ(ReadLink(attr).error().errnum, EINVAL);
    EXPECT_EQ(ReadDir(attr).error().errnum, ENOTDIR);
  }
}

TEST_F(FlattenedLinkTest, APathNamingNothingOrSeveralLinesIsNoLink) {
  Write("attrs/gone", "../nowhere");
  Write("attrs/lines", "../attrs\n../attrs\n");
  Write("attrs/host", "/proc");  // exists only at the real root, never looked up
  for (const char* name : {"gone", "lines", "host"}) {
    std::string attr = dir_ + "/attrs/" + name;
    SCOPED_TRACE(attr);
    EXPECT_FALSE(IsFlattenedLink(attr));
    auto through = ReadFile(attr + "/x");
    ASSERT_FALSE(through);
    EXPECT_EQ(through.error().errnum, ENOTDIR);
    EXPECT_EQ(through.error().kind, ErrorKind::kIo);
    EXPECT_EQ(ReadLink(attr).error().errnum, EINVAL);
  }
}

TEST_F(FlattenedLinkTest, AnAbsoluteTargetIsLookedUpUnderTheCopysRoot) {
  // Under the sysfs root, and under the tree holding it.
  Write("sys/class/hwmon/hwmon0", "/devices/platform/coretemp.0/hwmon/hwmon0");
  Write("sys/class/hwmon/hwmon1", "/sys/devices/platform/coretemp.0/hwmon/hwmon1");
  Write("sys/devices/platform/coretemp.0/hwmon/hwmon0/name", "coretemp\n");
  Write("sys/devices/platform/coretemp.0/hwmon/hwmon1/name", "acpitz\n");
  EXPECT_EQ(*ReadTrimmed(Sys("class/hwmon/hwmon0/name")), "coretemp");
  EXPECT_EQ(*ReadTrimmed(Sys("class/hwmon/hwmon1/name")), "acpitz");
  EXPECT_EQ(*ReadLink(Sys("class/hwmon/hwmon1")), "/sys/devices/platform/coretemp.0/hwmon/hwmon1");
}

TEST_F(FlattenedLinkTest, ALoopIsAnErrorNotAHang) {
  Write("loop/a", "./b");
  Write("loop/b", "./a");
  Write("loop/self", "../loop/self");
  for (const char* name : {"a", "self"}) {
    std::string link = dir_ + "/loop/" + name;
    SCOPED_TRACE(link);
    auto read = ReadFile(link + "/x");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().errnum, ELOOP);
    EXPECT_NE(read.error().message.find(link + "/x"), std::string::npos);
    EXPECT_NE(read.error().message.find("Too many levels of symbolic links"), std::string::npos);
    EXPECT_EQ(ReadDir(link).error().errnum, ELOOP);
    EXPECT_EQ(ReadLink(link).error().errnum, ELOOP);
    EXPECT_EQ(RealPath(link).error().errnum, ELOOP);
    EXPECT_FALSE(IsDirectory(link));
    EXPECT_FALSE(PathExists(link + "/x"));
    EXPECT_FALSE(IsFlattenedLink(link));
  }
}

TEST_F(FlattenedLinkTest, FortyLinksAreFollowedAndNoMore) {
  // chain/l0 -> ./l1 -> ... -> ./lN -> ./end (a directory): N+1 links.
  auto chain = [&](const std::string& name, int links) {
    Write(name + "/end/file", "ok");
    for (int i = 0; i < links; ++i) {
      Write(name + "/l" + std::to_string(i), i + 1 == links ? "./end" : "./l" + std::to_string(i + 1));
    }
    return ReadFile(dir_ + "/" + name + "/l0/file");
  };
  auto forty = chain("forty", 40);
  ASSERT_TRUE(forty) << forty.error().message;
  EXPECT_EQ(*forty, "ok");
  auto more = chain("more", 41);
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().errnum, ELOOP);
}

}  // namespace
}  // namespace host_exporter
