#include "host_exporter/rootfs/os_release.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::rootfs {
namespace {

TEST(ParseEnvFile, HandlesQuotesCommentsExportAndWhitespace) {
  auto env = ParseEnvFile(
      "# a comment line\n"
      "\n"
      "  NAME=\"Debian GNU/Linux\"  \n"
      "export ID=debian\n"
      "ID_LIKE='rhel fedora'\n"
      "VERSION = 12 (bookworm)   # trailing comment\n"
      "EMPTY=\n"
      "ESCAPED=\"a\\\"b\\\\c\\td\\u00e9\"\n"
      "HASH=\"not # a comment\"\n"
      "MIXED=ab\"cd\"'ef'\n"
      "ID=debian2\r\n");
  ASSERT_TRUE(env) << env.error().message;
  EXPECT_EQ(env->at("NAME"), "Debian GNU/Linux");
  EXPECT_EQ(env->at("ID"), "debian2");  // the later line wins
  EXPECT_EQ(env->at("ID_LIKE"), "rhel fedora");
  EXPECT_EQ(env->at("VERSION"), "12 (bookworm)");
  EXPECT_EQ(env->at("EMPTY"), "");
  EXPECT_EQ(env->at("ESCAPED"), "a\"b\\c\td\xc3\xa9");
  EXPECT_EQ(env->at("HASH"), "not # a comment");
  EXPECT_EQ(env->at("MIXED"), "abcdef");
  EXPECT_EQ(env->size(), 8u);
}

TEST(ParseEnvFile, DecodesSurrogatePairs) {
  auto env = ParseEnvFile("X=\"\\ud83d\\ude00\"\nY=\"\\ud83dx\"\n");
  ASSERT_FALSE(env);  // Y: a lone high surrogate without its pair
  auto ok = ParseEnvFile("X=\"\\ud83d\\ude00\"\n");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->at("X"), "\xf0\x9f\x98\x80");
}

TEST(ParseEnvFile, RejectsMalformedLinesNamingThem) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"NAME=ok\nno separator\n", "line 2: missing ="},
      {"=value\n", "empty key"},
      {"1KEY=x\n", "must start"},
      {"KEY-X=x\n", "key characters"},
      {"KEY=\"open\n", "unmatched \""},
      {"KEY='open\n", "unmatched '"},
      {"KEY=\"bad \\q\"\n", "invalid escape"},
      {"KEY=\"trailing\\", "incomplete escape"},
      {"KEY=a\tb\n", "0x09 is an invalid value character"},
      {"KEY=\"\\u12\"\n", "incomplete hex"},
      {"KEY=\"\\u12zz\"\n", "invalid hex"},
  };
  for (const auto& c : cases) {
    auto r = ParseEnvFile(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().kind, ErrorKind::kParse);
    EXPECT_NE(r.error().message.find(c.want), std::string::npos) << c.text << " -> " << r.error().message;
  }
}

TEST(ParseOsRelease, ExtractsFieldsVersionAndSupportEnd) {
  auto r = ParseOsRelease(
      "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=39\nVARIANT_ID=workstation\nSUPPORT_END=2024-11-12\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->name, "Fedora Linux");
  EXPECT_EQ(r->variant_id, "workstation");
  EXPECT_EQ(r->id_like, "");
  EXPECT_DOUBLE_EQ(r->version_number, 39);
  ASSERT_TRUE(r->support_end_unix);
  EXPECT_EQ(*r->support_end_unix, 1731369600);  // 2024-11-12T00:00:00Z
}

TEST(ParseOsRelease, VersionNumberIsTheLeadingMajorMinor) {
  auto v = [](const char* id) { return ParseOsRelease(std::string("VERSION_ID=") + id + "\n")->version_number; };
  EXPECT_DOUBLE_EQ(v("20.04"), 20.04);
  EXPECT_DOUBLE_EQ(v("\"8.10.1\""), 8.10);
  EXPECT_DOUBLE_EQ(v("12."), 12);
  EXPECT_DOUBLE_EQ(v("rolling"), 0);
  EXPECT_DOUBLE_EQ(v("\"\""), 0);
  EXPECT_DOUBLE_EQ(ParseOsRelease("")->version_number, 0);
}

TEST(ParseOsRelease, SupportEndMustBeAStrictDate) {
  auto end = [](const char* d) { return ParseOsRelease(std::string("SUPPORT_END=") + d + "\n"); };
  EXPECT_EQ(*end("2028-02-29")->support_end_unix, 1835395200);  // leap day
  EXPECT_EQ(*end("1970-01-01")->support_end_unix, 0);
  EXPECT_FALSE(end("2027-02-29"));
  EXPECT_FALSE(end("2024-1-12"));
  EXPECT_FALSE(end("2024-13-01"));
  EXPECT_FALSE(end("2024-11-12T00:00:00Z"));
  EXPECT_FALSE(end("soon"));
  EXPECT_FALSE(ParseOsRelease("SUPPORT_END=\"\"\n")->support_end_unix);
}

TEST(ReadOsRelease, PrefersEtcThenUsrLibThenNoData) {
  auto etc = ReadOsRelease(testing::FixturePaths("basic"));
  ASSERT_TRUE(etc) << etc.error().message;
  EXPECT_EQ(etc->id, "debian");
  EXPECT_EQ(etc->version_codename, "bookworm");
  auto lib = ReadOsRelease(testing::FixturePaths("os-usr-lib"));
  ASSERT_TRUE(lib) << lib.error().message;
  EXPECT_EQ(lib->id, "fedora");
  EXPECT_EQ(lib->version_codename, "");
  auto none = ReadOsRelease(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNoData);
  auto bad = ReadOsRelease(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/rootfs/etc/os-release"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("line 1"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::rootfs
