#include "host_exporter/gocompat/filepath.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace host_exporter::gocompat {
namespace {

TEST(CleanPath, MatchesGoTable) {
  // From Go's path/filepath tests.
  const std::pair<const char*, const char*> cases[] = {
      {"abc", "abc"},         {"abc/def", "abc/def"},   {"a/b/c", "a/b/c"},     {".", "."},
      {"..", ".."},           {"../..", "../.."},       {"../../abc", "../../abc"}, {"/abc", "/abc"},
      {"/", "/"},             {"", "."},                {"abc/", "abc"},        {"abc/def/", "abc/def"},
      {"./", "."},            {"/abc/", "/abc"},        {"abc//def//ghi", "abc/def/ghi"},
      {"//abc", "/abc"},      {"///abc", "/abc"},       {"abc//", "abc"},       {"abc/./def", "abc/def"},
      {"/./abc/def", "/abc/def"}, {"abc/.", "abc"},     {"abc/def/ghi/../jkl", "abc/def/jkl"},
      {"abc/def/../ghi/../jkl", "abc/jkl"}, {"abc/def/..", "abc"}, {"abc/def/../..", "."},
      {"/abc/def/../..", "/"}, {"abc/def/../../..", ".."}, {"/abc/def/../../..", "/"},
      {"abc/def/../../../ghi/jkl/../../../mno", "../../mno"}, {"abc/./../def", "def"},
      {"abc//./../def", "def"}, {"abc/../../././../def", "../../def"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CleanPath(in), want) << in;
}

TEST(JoinPath, SkipsEmptyElementsAndCleans) {
  EXPECT_EQ(JoinPath({"collector/fixtures/textfile/two_metric_files/", "metrics1.prom"}),
            "collector/fixtures/textfile/two_metric_files/metrics1.prom");
  EXPECT_EQ(JoinPath({"", "a"}), "a");
  EXPECT_EQ(JoinPath({"a", ""}), "a");
  EXPECT_EQ(JoinPath({"", ""}), "");
  EXPECT_EQ(JoinPath({"/", "a"}), "/a");
  EXPECT_EQ(JoinPath({"./dir/", "../x.prom"}), "x.prom");
}

TEST(MatchPath, MatchesGoTable) {
  struct Case {
    const char* pattern;
    const char* name;
    bool match;
  };
  // From Go's path/filepath tests.
  const Case cases[] = {
      {"abc", "abc", true},          {"*", "abc", true},          {"*c", "abc", true},
      {"a*", "a", true},             {"a*", "abc", true},         {"a*", "ab/c", false},
      {"a*/b", "abc/b", true},       {"a*/b", "a/c/b", false},    {"a*b*c*d*e*/f", "axbxcxdxe/f", true},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/f", true}, {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", false}, {"a*b?c*x", "abxbbxdbxebxczzx", true},
      {"a*b?c*x", "abxbbxdbxebxczzy", false}, {"ab[c]", "abc", true}, {"ab[b-d]", "abc", true},
      {"ab[e-g]", "abc", false},     {"ab[^c]", "abc", false},    {"ab[^b-d]", "abc", false},
      {"ab[^e-g]", "abc", true},     {"a\\*b", "a*b", true},      {"a\\*b", "ab", false},
      {"a?b", "a\xE2\x98\xBA" "b", true}, {"a[^a]b", "a\xE2\x98\xBA" "b", true}, {"a???b", "a\xE2\x98\xBA" "b", false},
      {"[a-\xCE\xB6]*", "\xCE\xB1", true}, {"*[a-\xCE\xB6]", "A", false}, {"a?b", "a/b", false},
      {"a*b", "a/b", false},         {"[\\]a]", "]", true},       {"[\\-]", "-", true},
      {"[x\\-]", "x", true},         {"[x\\-]", "-", true},       {"[x\\-]", "z", false},
      {"[\\-x]", "x", true},         {"[\\-x]", "-", true},       {"[\\-x]", "a", false},
      {"*x", "xxx", true},
  };
  for (const Case& c : cases) {
    auto m = MatchPath(c.pattern, c.name);
    ASSERT_TRUE(m) << c.pattern << " " << m.error().message;
    EXPECT_EQ(*m, c.match) << c.pattern << " vs " << c.name;
  }
}

TEST(MatchPath, BadPatterns) {
  for (const char* p : {"[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[", "*x\\"}) {
    auto m = MatchPath(p, "a");
    EXPECT_FALSE(m) << p;
    if (!m) {
      EXPECT_EQ(m.error().kind, ErrorKind::kInvalidArgument);
    }
  }
  // A mismatch before the malformed part is still reported as an error.
  EXPECT_FALSE(MatchPath("a[", "x"));
}

class GlobPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("he-glob-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    for (const char* d : {"a1", "a2", "b1", "a1/x"}) std::filesystem::create_directories(root_ / d);
    std::ofstream(root_ / "a3") << "file\n";
    std::ofstream(root_ / ".a4") << "hidden\n";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
};

TEST_F(GlobPathTest, ExpandsSortedMatches) {
  std::string r = root_.string();
  auto m = GlobPath(r + "/a*");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(*m, (std::vector<std::string>{r + "/a1", r + "/a2", r + "/a3"}));
  m = GlobPath(r + "/[ab]1");
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, (std::vector<std::string>{r + "/a1", r + "/b1"}));
  m = GlobPath(r + "/*/x");  // a pattern in a directory part
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, (std::vector<std::string>{r + "/a1/x"}));
  m = GlobPath(r + "/.a*");
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, (std::vector<std::string>{r + "/.a4"}));
}

TEST_F(GlobPathTest, LiteralPathsAndNoMatches) {
  std::string r = root_.string();
  // Without metacharacters the pattern is returned as given, if it exists.
  EXPECT_EQ(*GlobPath(r + "/a1/"), (std::vector<std::string>{r + "/a1/"}));
  EXPECT_TRUE(GlobPath(r + "/missing")->empty());
  EXPECT_TRUE(GlobPath(r + "/z*")->empty());
  EXPECT_TRUE(GlobPath(r + "/a3/*")->empty());  // not a directory: no error, no match
  auto bad = GlobPath(r + "/[");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidArgument);
}

}  // namespace
}  // namespace host_exporter::gocompat
