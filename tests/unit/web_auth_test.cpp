#include "host_exporter/web_auth.h"

#include <crypt.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <thread>

namespace host_exporter {
namespace {

using namespace std::chrono_literals;

// A bcrypt hash at the lowest cost, so tests stay fast.
std::string Bcrypt(const std::string& password) {
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  EXPECT_NE(crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt), nullptr);
  crypt_data data{};
  const char* h = crypt_rn(password.c_str(), salt, &data, sizeof data);
  EXPECT_NE(h, nullptr);
  return h;
}

std::string Basic(const std::string& user_colon_pass) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  const auto& s = user_colon_pass;
  for (; i + 2 < s.size(); i += 3) {
    unsigned n = (unsigned char)s[i] << 16 | (unsigned char)s[i + 1] << 8 | (unsigned char)s[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(n >> k) & 63];
  }
  if (s.size() - i == 1) {
    unsigned n = (unsigned char)s[i] << 16;
    out += std::string{kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (s.size() - i == 2) {
    unsigned n = (unsigned char)s[i] << 16 | (unsigned char)s[i + 1] << 8;
    out += std::string{kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return "Basic " + out;
}

TEST(BasicAuthHeader, ParsesLikeGo) {
  std::string u, p;
  ASSERT_TRUE(ParseBasicAuth(Basic("alice:s3cr:et"), u, p));
  EXPECT_EQ(u, "alice");
  EXPECT_EQ(p, "s3cr:et");  // only the first colon splits
  ASSERT_TRUE(ParseBasicAuth("bAsIc " + Basic("bob:").substr(6), u, p));
  EXPECT_EQ(u, "bob");
  EXPECT_EQ(p, "");
  ASSERT_TRUE(ParseBasicAuth(Basic("ab:c"), u, p));  // "YWI6Yw==": two padding characters
  EXPECT_EQ(p, "c");
  EXPECT_FALSE(ParseBasicAuth("", u, p));
  EXPECT_FALSE(ParseBasicAuth("Bearer abc", u, p));
  EXPECT_FALSE(ParseBasicAuth(Basic("nocolon"), u, p));
  EXPECT_TRUE(ParseBasicAuth("Basic YWxpY2U6c2VjcmU=", u, p));
  EXPECT_EQ(p, "secre");
  EXPECT_FALSE(ParseBasicAuth("Basic YWxpY2U6c2VjcmU", u, p));  // unpadded
  EXPECT_FALSE(ParseBasicAuth("Basic !!!!", u, p));
  EXPECT_FALSE(ParseBasicAuth("Basic YQ=a", u, p));
}

TEST(BcryptVerifier, ChecksAndCachesResults) {
  BcryptVerifier v;
  std::string hash = Bcrypt("right");
  EXPECT_TRUE(v.Verify("alice", hash, "right"));
  EXPECT_FALSE(v.Verify("alice", hash, "wrong"));
  EXPECT_FALSE(v.Verify("alice", hash, std::string("right\0x", 7)));
  EXPECT_EQ(v.computations(), 3u);
  // Same questions again: answered from the cache.
  EXPECT_TRUE(v.Verify("alice", hash, "right"));
  EXPECT_FALSE(v.Verify("alice", hash, "wrong"));
  EXPECT_EQ(v.computations(), 3u);
  // A different hash for the same password is a different question.
  std::string other = Bcrypt("right");
  EXPECT_TRUE(v.Verify("alice", other, "right"));
  EXPECT_EQ(v.computations(), 4u);
  EXPECT_TRUE(v.Verify("alice", kDummyBcryptHash, "fakepassword"));
}

TEST(BcryptVerifier, CacheIsBounded) {
  BcryptVerifier v(10);
  std::string hash = Bcrypt("x");
  for (int i = 0; i < 50; ++i) {
    EXPECT_FALSE(v.Verify("u", hash, "guess" + std::to_string(i)));
    EXPECT_LE(v.cached(), 10u);
  }
  EXPECT_EQ(v.computations(), 50u);
}

TEST(RateLimiter, TokenBucketLikeGolangRate) {
  auto t0 = RateLimiter::Clock::now();
  RateLimiter r(1s, 2);
  EXPECT_TRUE(r.Allow(t0));  // starts full
  EXPECT_TRUE(r.Allow(t0));
  EXPECT_FALSE(r.Allow(t0 + 100ms));
  EXPECT_FALSE(r.Allow(t0 + 900ms));
  EXPECT_TRUE(r.Allow(t0 + 1001ms));  // one token per interval
  EXPECT_FALSE(r.Allow(t0 + 1100ms));
  EXPECT_TRUE(r.Allow(t0 + 10s));
  EXPECT_TRUE(r.Allow(t0 + 10s));
  EXPECT_FALSE(r.Allow(t0 + 10s));  // never more than the burst
  RateLimiter none(1s, 0);
  EXPECT_FALSE(none.Allow(t0 + 1h));
}

std::unique_ptr<WebConfigSource> Config(std::vector<std::pair<std::string, std::string>> users,
                                        std::chrono::nanoseconds interval = 0ns, int burst = 0) {
  WebConfig c;
  for (auto& [u, h] : users) c.users[u] = h;
  c.headers = {{"X-Frame-Options", "deny"}};
  c.rate_limit_interval = interval;
  c.rate_limit_burst = burst;
  return WebConfigSource::Fixed(std::move(c));
}

TEST(RequestGate, BasicAuthRightWrongMissingUnknown) {
  auto cfg = Config({{"alice", Bcrypt("pw")}});
  RequestGate g(*cfg);
  Admission ok = g.Admit(Basic("alice:pw"));
  EXPECT_EQ(ok.status, 0);
  EXPECT_EQ(ok.headers, (std::vector<std::pair<std::string, std::string>>{{"X-Frame-Options", "deny"}}));
  for (const std::string& h : {Basic("alice:nope"), std::string(), Basic("mallory:pw"), std::string("Basic ???")}) {
    Admission a = g.Admit(h);
    EXPECT_EQ(a.status, 401) << h;
    EXPECT_EQ(a.body, "Unauthorized\n");
    // The configured headers come with the 401, as exporter-toolkit sets them first.
    EXPECT_EQ(a.headers, (std::vector<std::pair<std::string, std::string>>{{"X-Frame-Options", "deny"},
                                                                           {"WWW-Authenticate", "Basic"}}));
  }
}

TEST(RequestGate, UnknownUsersCostABcryptCheckToo) {
  auto cfg = Config({{"alice", Bcrypt("pw")}});
  RequestGate g(*cfg);
  auto before = g.verifier().computations();
  EXPECT_EQ(g.Admit(Basic("mallory:fakepassword")).status, 401);  // the dummy hash's own password
  EXPECT_EQ(g.verifier().computations(), before + 1);
  EXPECT_EQ(g.Admit(Basic("eve:x")).status, 401);
  EXPECT_EQ(g.verifier().computations(), before + 2);
}

TEST(RequestGate, RateLimitComesBeforeAuthAndHeaders) {
  auto cfg = Config({{"alice", Bcrypt("pw")}}, 1h, 2);
  RequestGate g(*cfg);
  EXPECT_EQ(g.Admit(Basic("alice:pw")).status, 0);
  EXPECT_EQ(g.Admit("").status, 401);
  Admission limited = g.Admit(Basic("alice:pw"));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.body, "Too Many Requests\n");
  EXPECT_TRUE(limited.headers.empty());
}

TEST(RequestGate, NoUsersNoAuth) {
  auto cfg = Config({});
  RequestGate g(*cfg);
  EXPECT_EQ(g.Admit("").status, 0);
}

TEST(RequestGate, ConcurrentAdmissionsAgree) {
  auto cfg = Config({{"alice", Bcrypt("pw")}});
  RequestGate g(*cfg);
  std::atomic<int> ok{0}, denied{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i) {
    ts.emplace_back([&, i] {
      for (int j = 0; j < 20; ++j) {
        (g.Admit(Basic(i % 2 ? "alice:pw" : "alice:bad")).status == 0 ? ok : denied).fetch_add(1);
      }
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(ok.load(), 80);
  EXPECT_EQ(denied.load(), 80);
  EXPECT_LE(g.verifier().computations(), 16u);  // mostly cached
}

}  // namespace
}  // namespace host_exporter
