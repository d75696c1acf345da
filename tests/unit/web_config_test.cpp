#include "host_exporter/web_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"

namespace host_exporter {
namespace {

constexpr const char* kHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

// The error of a config that must fail; the test fails if it parses.
std::string ErrorOf(const std::string& yaml, std::string_view dir = "/etc/he") {
  auto c = ParseWebConfig(yaml, dir);
  EXPECT_FALSE(c) << "parsed: " << yaml;
  return c ? "" : c.error().message;
}

TEST(WebConfig, EmptyFileGivesExporterToolkitDefaults) {
  for (const char* yaml : {"", "# nothing\n", "tls_server_config:\nbasic_auth_users:\n"}) {
    auto c = ParseWebConfig(yaml, "/etc/he");
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_FALSE(c->tls.Enabled());
    EXPECT_EQ(c->tls.min_version, kTls12);
    EXPECT_EQ(c->tls.max_version, kTls13);
    EXPECT_TRUE(c->tls.prefer_server_cipher_suites);
    EXPECT_TRUE(c->http2);
    EXPECT_TRUE(c->users.empty());
    EXPECT_EQ(c->rate_limit_interval.count(), 0);
  }
}

TEST(WebConfig, EverySettingParses) {
  std::string yaml = std::string(R"(
tls_server_config:
  cert_file: server.crt
  key_file: /abs/server.key
  client_ca_file: ca/clients.pem
  client_auth_type: RequireAndVerifyClientCert
  client_allowed_sans: ["prom.example.com", "10.0.0.1"]
  min_version: TLS13
  max_version: TLS13
  cipher_suites:
    - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    - TLS_AES_128_GCM_SHA256
  prefer_server_cipher_suites: false
  curve_preferences: [X25519, CurveP256]
http_server_config:
  http2: false
  headers:
    X-Frame-Options: deny
    Strict-Transport-Security: max-age=31536000
    Content-Security-Policy: ""
rate_limit:
  interval: 1s
  burst: 5
basic_auth_users:
  alice: )") + kHash + "\n  bob: '" + kHash + "'\n";
  auto c = ParseWebConfig(yaml, "/etc/he");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->tls.Enabled());
  EXPECT_EQ(c->tls.cert_file, "/etc/he/server.crt");
  EXPECT_EQ(c->tls.key_file, "/abs/server.key");
  EXPECT_EQ(c->tls.client_ca_file, "/etc/he/ca/clients.pem");
  EXPECT_EQ(c->tls.client_auth, ClientAuth::kRequireAndVerifyClientCert);
  ASSERT_TRUE(c->tls.client_allowed_sans);
  EXPECT_EQ(*c->tls.client_allowed_sans, (std::vector<std::string>{"prom.example.com", "10.0.0.1"}));
  EXPECT_EQ(c->tls.min_version, kTls13);
  EXPECT_EQ(c->tls.cipher_suites.size(), 2u);
  EXPECT_FALSE(c->tls.prefer_server_cipher_suites);
  EXPECT_EQ(c->tls.curve_preferences, (std::vector<std::string>{"X25519", "CurveP256"}));
  EXPECT_FALSE(c->http2);
  // A blank header value means "unset".
  EXPECT_EQ(c->headers, (std::vector<std::pair<std::string, std::string>>{
                            {"X-Frame-Options", "deny"}, {"Strict-Transport-Security", "max-age=31536000"}}));
  EXPECT_EQ(c->rate_limit_interval, std::chrono::seconds(1));
  EXPECT_EQ(c->rate_limit_burst, 5);
  EXPECT_EQ(c->users.size(), 2u);
  EXPECT_EQ(c->users.at("bob"), kHash);
}

TEST(WebConfig, InlineCertificatesAndLegacyClientAuthName) {
  auto c = ParseWebConfig(R"(
tls_server_config:
  cert: |
    -----BEGIN CERTIFICATE-----
    AAAA
    -----END CERTIFICATE-----
  key: "k"
  client_ca: "ca"
  client_auth_type: RequireClientCert
)",
                          "/d");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->tls.cert.rfind("-----BEGIN CERTIFICATE-----\nAAAA\n", 0), 0u);
  EXPECT_EQ(c->tls.client_auth, ClientAuth::kRequireAnyClientCert);
  EXPECT_TRUE(c->tls.cert_file.empty());
}

TEST(WebConfig, RateLimitIntervalAsBareNanoseconds) {
  auto c = ParseWebConfig("rate_limit: {interval: 250000000, burst: 1}\n", "");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->rate_limit_interval, std::chrono::milliseconds(250));
}

TEST(WebConfig, UnknownKeysAreNamedWithTheirLine) {
  EXPECT_EQ(ErrorOf("tls_config:\n  cert_file: x\n"), "line 1: key \"tls_config\": unknown key");
  EXPECT_EQ(ErrorOf("tls_server_config:\n  cert_file: a\n  key_file: b\n  cert_fil: c\n"),
            "line 4: key \"tls_server_config.cert_fil\": unknown key");
  EXPECT_EQ(ErrorOf("http_server_config:\n  header: {}\n"), "line 2: key \"http_server_config.header\": unknown key");
  EXPECT_EQ(ErrorOf("rate_limit:\n  intervall: 1s\n"), "line 2: key \"rate_limit.intervall\": unknown key");
}

TEST(WebConfig, DuplicateKeysAreRejected) {
  EXPECT_EQ(ErrorOf("tls_server_config:\n  cert_file: a\n  cert_file: b\n"),
            "line 3: key \"tls_server_config.cert_file\": duplicate key");
  std::string users = std::string("basic_auth_users:\n  alice: ") + kHash + "\n  alice: " + kHash + "\n";
  EXPECT_EQ(ErrorOf(users), "line 3: key \"basic_auth_users.alice\": duplicate key");
  EXPECT_NE(ErrorOf("rate_limit: {burst: 1}\nrate_limit: {burst: 2}\n").find("key \"rate_limit\": duplicate key"),
            std::string::npos);
}

TEST(WebConfig, WrongTypesAndValuesNameTheKey) {
  EXPECT_NE(ErrorOf("tls_server_config: [a]\n").find("key \"tls_server_config\": expected a mapping"), std::string::npos);
  EXPECT_NE(ErrorOf("tls_server_config:\n  cert_file: [a]\n").find("key \"tls_server_config.cert_file\": expected a string"),
            std::string::npos);
  EXPECT_NE(ErrorOf("http_server_config:\n  http2: maybe\n").find("key \"http_server_config.http2\": expected true or false"),
            std::string::npos);
  EXPECT_NE(ErrorOf("tls_server_config:\n  min_version: TLS14\n").find("unknown TLS version: TLS14"), std::string::npos);
  EXPECT_NE(ErrorOf("tls_server_config:\n  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n")
                .find("key \"tls_server_config.cipher_suites\": unknown cipher: TLS_RSA_WITH_RC4_128_SHA"),
            std::string::npos);
  EXPECT_NE(ErrorOf("tls_server_config:\n  curve_preferences: [CurveP224]\n").find("unknown curve: CurveP224"),
            std::string::npos);
  EXPECT_NE(ErrorOf("rate_limit:\n  interval: soon\n").find("key \"rate_limit.interval\": invalid duration"),
            std::string::npos);
  EXPECT_NE(ErrorOf("rate_limit:\n  burst: -1\n").find("key \"rate_limit.burst\""), std::string::npos);
  EXPECT_NE(ErrorOf("a: [1,\n").find("invalid YAML"), std::string::npos);
  EXPECT_NE(ErrorOf("- a\n").find("expected a mapping"), std::string::npos);
}

TEST(WebConfig, OnlyExporterToolkitHeadersWithTheirValues) {
  EXPECT_NE(ErrorOf("http_server_config:\n  headers:\n    Server: x\n").find("HTTP header \"Server\" can not be configured"),
            std::string::npos);
  EXPECT_NE(ErrorOf("http_server_config:\n  headers:\n    X-Frame-Options: allow\n")
                .find("invalid value for X-Frame-Options. Expected one of: [\"deny\" \"sameorigin\"], but got: \"allow\""),
            std::string::npos);
  EXPECT_NE(ErrorOf("http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n").find("nosniff"),
            std::string::npos);
}

TEST(WebConfig, MalformedHashesNameTheUser) {
  std::string e = ErrorOf("basic_auth_users:\n  carol: secret\n");
  EXPECT_NE(e.find("key \"basic_auth_users.carol\""), std::string::npos) << e;
  EXPECT_NE(e.find("user \"carol\": invalid bcrypt hash"), std::string::npos) << e;
  EXPECT_NE(ErrorOf("basic_auth_users:\n  dave: $2y$99$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi\n")
                .find("cost 99 is outside allowed range"),
            std::string::npos);
  EXPECT_TRUE(CheckBcryptHash(kHash));
  EXPECT_TRUE(CheckBcryptHash("$2b$04$abcdefghijklmnopqrstuu5K5u6gHHpIfCWd6vUHbMaXjXO4JvT.e"));
  EXPECT_FALSE(CheckBcryptHash("$1$abc$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz012345"));
  EXPECT_FALSE(CheckBcryptHash("$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeS!"));
}

TEST(WebConfig, CrossFieldChecksUseExporterToolkitMessages) {
  EXPECT_EQ(ErrorOf("tls_server_config:\n  key_file: k\n"), "tls_server_config: missing one of cert or cert_file");
  EXPECT_EQ(ErrorOf("tls_server_config:\n  cert_file: c\n"), "tls_server_config: missing one of key or key_file");
  EXPECT_EQ(ErrorOf("tls_server_config:\n  client_auth_type: RequireAndVerifyClientCert\n"),
            "tls_server_config: missing one of cert or cert_file");
  EXPECT_EQ(ErrorOf("tls_server_config:\n  cert_file: c\n  key_file: k\n  client_ca_file: ca\n"),
            "tls_server_config: client CA's have been configured without a Client Auth Policy");
  for (const char* mode : {"NoClientCert", "RequestClientCert", "VerifyClientCertIfGiven"}) {
    EXPECT_NE(ErrorOf(std::string("tls_server_config:\n  cert_file: c\n  key_file: k\n  client_ca_file: ca\n"
                                  "  client_auth_type: ") +
                      mode + "\n  client_allowed_sans: [a]\n")
                  .find(mode == std::string("NoClientCert") ? "without a Client Auth Policy"
                                                             : "client_allowed_sans requires client_auth_type"),
              std::string::npos)
        << mode;
  }
  EXPECT_NE(ErrorOf("tls_server_config:\n  cert_file: c\n  key_file: k\n  client_auth_type: Sometimes\n")
                .find("invalid ClientAuth: Sometimes"),
            std::string::npos);
  EXPECT_NE(ErrorOf("tls_server_config:\n  cert_file: c\n  key_file: k\n  min_version: TLS13\n  max_version: TLS12\n")
                .find("min_version TLS13 is above max_version TLS12"),
            std::string::npos);
  // A null list is no list (Go's nil slice); an empty one allows no SAN at all.
  auto null_sans = ParseWebConfig("tls_server_config:\n  cert_file: c\n  key_file: k\n  client_allowed_sans:\n", "");
  ASSERT_TRUE(null_sans) << null_sans.error().message;
  EXPECT_FALSE(null_sans->tls.client_allowed_sans);
  auto empty_sans = ParseWebConfig("tls_server_config:\n  cert_file: c\n  key_file: k\n  client_ca_file: ca\n"
                                   "  client_auth_type: RequireAnyClientCert\n  client_allowed_sans: []\n", "");
  ASSERT_TRUE(empty_sans) << empty_sans.error().message;
  ASSERT_TRUE(empty_sans->tls.client_allowed_sans);
  EXPECT_TRUE(empty_sans->tls.client_allowed_sans->empty());
  // TLS settings without a certificate leave TLS off, as in exporter-toolkit.
  auto c = ParseWebConfig("tls_server_config:\n  min_version: TLS13\n", "");
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->tls.Enabled());
}

TEST(WebConfig, GoNamesMapToOpenSsl) {
  EXPECT_EQ(OpenSslCipherName("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), "ECDHE-RSA-AES256-GCM-SHA384");
  EXPECT_EQ(OpenSslCipherName("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), "ECDHE-ECDSA-CHACHA20-POLY1305");
  EXPECT_EQ(OpenSslCipherName("TLS_AES_256_GCM_SHA384"), "");  // TLS 1.3: fixed, as in Go
  EXPECT_FALSE(OpenSslCipherName("ECDHE-RSA-AES256-GCM-SHA384"));
  EXPECT_EQ(OpenSslGroupName("CurveP521"), "P-521");
  EXPECT_FALSE(OpenSslGroupName("P-256"));
}

using host_exporter::testing::TempDir;

TEST(WebConfigSource, LoadErrorsNameTheFileAndRelativePathsFollowIt) {
  TempDir d;
  auto missing = WebConfigSource::Open(d.path() + "/nope.yml");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find(d.path() + "/nope.yml"), std::string::npos) << missing.error().message;
  std::string p = d.Replace("web.yml", "tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n  bogus: 1\n");
  auto bad = WebConfigSource::Open(p);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "web config file " + p + ": line 4: key \"tls_server_config.bogus\": unknown key");
  d.Replace("web.yml", "tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n");
  auto ok = WebConfigSource::Open(p);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ((*ok)->Current()->tls.cert_file, d.path() + "/c.pem");
}

TEST(WebConfigSource, ReloadsOnChangeAndKeepsTheLastGoodOne) {
  TempDir d;
  std::string p = d.Replace("web.yml", std::string("basic_auth_users:\n  alice: ") + kHash + "\n");
  auto src = WebConfigSource::Open(p);
  ASSERT_TRUE(src) << src.error().message;
  auto first = (*src)->Current();
  EXPECT_EQ((*src)->Current(), first);  // unchanged file: the same snapshot
  d.Replace("web.yml", std::string("basic_auth_users:\n  bob: ") + kHash + "\n");
  auto second = (*src)->Current();
  EXPECT_EQ(second->users.count("bob"), 1u);
  d.Replace("web.yml", "basic_auth_users:\n  bob: not-a-hash\n");
  EXPECT_EQ((*src)->Current(), second);  // broken: the last good one stays
  d.Replace("web.yml", "");
  EXPECT_TRUE((*src)->Current()->users.empty());
}

}  // namespace
}  // namespace host_exporter
