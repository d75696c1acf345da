#include "host_exporter/gocompat/utf8.h"

#include <gtest/gtest.h>

namespace host_exporter::gocompat {
namespace {

TEST(ValidUTF8, FollowsGoRules) {
  EXPECT_TRUE(ValidUTF8(""));
  EXPECT_TRUE(ValidUTF8("plain ascii"));
  EXPECT_TRUE(ValidUTF8("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  EXPECT_TRUE(ValidUTF8("\xEF\xBF\xBD"));
  EXPECT_FALSE(ValidUTF8("\xff"));
  EXPECT_FALSE(ValidUTF8("\xC3"));              // truncated
  EXPECT_FALSE(ValidUTF8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(ValidUTF8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(ValidUTF8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(ValidUTF8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(ValidUTF8("\x80"));              // stray continuation byte
}

TEST(ToValidUTF8, ReplacesEachInvalidRunOnce) {
  EXPECT_EQ(ToValidUTF8("\xff[\xfe\xfd", "?"), "?[?");
  EXPECT_EQ(ToValidUTF8("ok", "?"), "ok");
  EXPECT_EQ(ToValidUTF8("", "?"), "");
  EXPECT_EQ(ToValidUTF8("a\xC3\xA9\xC3", "\xEF\xBF\xBD"), "a\xC3\xA9\xEF\xBF\xBD");
}

}  // namespace
}  // namespace host_exporter::gocompat
