#include "host_exporter/tls_context.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"

namespace host_exporter {
namespace {

struct Pem {
  std::string cert, key;
};

std::string ToPem(int (*write)(BIO*, void*), void* obj) {
  BIO* b = BIO_new(BIO_s_mem());
  write(b, obj);
  char* data = nullptr;
  long n = BIO_get_mem_data(b, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(b);
  return out;
}

// A self-signed P-256 certificate with the given serial and subjectAltName.
Pem MakeCert(long serial, const std::string& san) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* x = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
  X509_gmtime_adj(X509_getm_notBefore(x), -60);
  X509_gmtime_adj(X509_getm_notAfter(x), 3600);
  X509_set_pubkey(x, key);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("test"), -1, -1, 0);
  X509_set_issuer_name(x, name);
  if (!san.empty()) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san.c_str());
    X509_add_ext(x, ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(x, key, EVP_sha256());
  Pem p;
  p.cert = ToPem([](BIO* b, void* o) { return PEM_write_bio_X509(b, static_cast<X509*>(o)); }, x);
  p.key = ToPem([](BIO* b, void* o) {
    return PEM_write_bio_PrivateKey(b, static_cast<EVP_PKEY*>(o), nullptr, nullptr, 0, nullptr, nullptr);
  }, key);
  X509_free(x);
  EVP_PKEY_free(key);
  return p;
}

long SerialOf(SSL_CTX* ctx) {
  return ASN1_INTEGER_get(X509_get0_serialNumber(SSL_CTX_get0_certificate(ctx)));
}

using host_exporter::testing::TempDir;

TEST(CertificateSans, AllKindsAsGoPrintsThem) {
  Pem p = MakeCert(1, "DNS:prom.example.com,IP:10.1.2.3,IP:::1,email:ops@example.com,URI:spiffe://prod/prom");
  BIO* b = BIO_new_mem_buf(p.cert.data(), static_cast<int>(p.cert.size()));
  X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(CertificateSans(x), (std::vector<std::string>{"prom.example.com", "10.1.2.3", "::1", "ops@example.com",
                                                          "spiffe://prod/prom"}));
  X509_free(x);
  BIO_free(b);
}

TEST(BuildServerContext, FileAndInlineKeyPairs) {
  TempDir d;
  Pem p = MakeCert(7, "DNS:localhost");
  TlsServerConfig c;
  c.cert_file = d.Replace("c.pem", p.cert);
  c.key_file = d.Replace("k.pem", p.key);
  auto ctx = BuildServerContext(c);
  ASSERT_TRUE(ctx) << ctx.error().message;
  EXPECT_EQ(SerialOf(ctx->get()), 7);
  EXPECT_EQ(SSL_CTX_get_min_proto_version(ctx->get()), TLS1_2_VERSION);
  EXPECT_EQ(SSL_CTX_get_verify_mode(ctx->get()), SSL_VERIFY_NONE);

  TlsServerConfig inl;
  inl.cert = p.cert;
  inl.key = p.key;
  inl.client_ca = p.cert;
  inl.client_auth = ClientAuth::kRequireAndVerifyClientCert;
  inl.min_version = kTls13;
  auto ctx2 = BuildServerContext(inl);
  ASSERT_TRUE(ctx2) << ctx2.error().message;
  EXPECT_EQ(SSL_CTX_get_verify_mode(ctx2->get()), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
  EXPECT_EQ(SSL_CTX_get_min_proto_version(ctx2->get()), TLS1_3_VERSION);
  EXPECT_EQ(sk_X509_NAME_num(SSL_CTX_get_client_CA_list(ctx2->get())), 1);
}

TEST(BuildServerContext, ErrorsNameTheFileOrKey) {
  TempDir d;
  Pem a = MakeCert(1, ""), b = MakeCert(2, "");
  TlsServerConfig c;
  c.cert_file = d.path() + "/missing.pem";
  c.key_file = d.Replace("k.pem", a.key);
  auto e = BuildServerContext(c);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("failed to read cert_file (" + d.path() + "/missing.pem)"), std::string::npos)
      << e.error().message;

  c.cert_file = d.Replace("c.pem", "not a certificate\n");
  e = BuildServerContext(c);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("no PEM certificate found in cert_file (" + c.cert_file + ")"), std::string::npos)
      << e.error().message;

  c.cert_file = d.Replace("c.pem", b.cert);  // a's key, b's certificate
  e = BuildServerContext(c);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("does not match"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().message.find(c.key_file), std::string::npos) << e.error().message;

  c.cert_file = d.Replace("c.pem", a.cert);
  c.key_file = d.Replace("k.pem", "garbage");
  e = BuildServerContext(c);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("key_file (" + c.key_file + ")"), std::string::npos) << e.error().message;

  c.key_file = d.Replace("k.pem", a.key);
  c.client_ca_file = d.Replace("ca.pem", "nothing here");
  c.client_auth = ClientAuth::kRequireAndVerifyClientCert;
  e = BuildServerContext(c);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("client_ca_file (" + c.client_ca_file + ")"), std::string::npos) << e.error().message;
}

TEST(ReloadingTlsContext, PicksUpReplacedCertificatesAndKeepsTheLastGoodOne) {
  TempDir d;
  Pem one = MakeCert(1, ""), two = MakeCert(2, "");
  d.Replace("c.pem", one.cert);
  d.Replace("k.pem", one.key);
  std::string cfg = d.Replace("web.yml", "tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n");
  auto src = WebConfigSource::Open(cfg);
  ASSERT_TRUE(src) << src.error().message;
  auto tls = ReloadingTlsContext::Create(**src);
  ASSERT_TRUE(tls) << tls.error().message;
  auto next = [&] {
    SSL_CTX* c = (*tls)->NewConnectionContext();
    long s = c ? SerialOf(c) : -1;
    SSL_CTX_free(c);
    return s;
  };
  EXPECT_EQ(next(), 1);
  EXPECT_EQ(next(), 1);
  // Certificate replaced before its key: a broken pair, so the old one stays.
  d.Replace("c.pem", two.cert);
  EXPECT_EQ(next(), 1);
  d.Replace("k.pem", two.key);
  EXPECT_EQ(next(), 2);
  d.Replace("c.pem", "broken");
  EXPECT_EQ(next(), 2);
  d.Replace("c.pem", two.cert);
  EXPECT_EQ(next(), 2);
}

TEST(ReloadingTlsContext, StartupFailsNamingTheConfigFile) {
  TempDir d;
  std::string cfg = d.Replace("web.yml", "tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n");
  auto src = WebConfigSource::Open(cfg);
  ASSERT_TRUE(src);
  auto tls = ReloadingTlsContext::Create(**src);
  ASSERT_FALSE(tls);
  EXPECT_NE(tls.error().message.find("web config file " + cfg), std::string::npos) << tls.error().message;
  EXPECT_NE(tls.error().message.find("cert_file (" + d.path() + "/c.pem)"), std::string::npos) << tls.error().message;
}

}  // namespace
}  // namespace host_exporter
