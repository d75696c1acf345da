#include "host_exporter/tls_context.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>

#include "host_exporter/file.h"
#include "host_exporter/log.h"

namespace host_exporter {
namespace {

constexpr std::size_t kMaxPemBytes = 4 << 20;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

std::string OpenSslError(const char* fallback) {
  unsigned long e = ERR_peek_last_error();
  std::string out = fallback;
  if (e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    const char* reason = ERR_reason_error_string(e);
    out = reason != nullptr ? reason : buf;
  }
  ERR_clear_error();
  return out;
}

// Never prompt for a passphrase: encrypted keys are an error, as in Go.
int NoPassphrase(char*, int, int, void*) { return -1; }

// Every certificate in a PEM text, in order.
std::vector<X509Ptr> ReadCerts(const std::string& pem) {
  std::vector<X509Ptr> out;
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return out;
  while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr)) out.emplace_back(x);
  ERR_clear_error();  // the loop ends with "no start line"
  return out;
}

// PEM text from a file (preferred, as in exporter-toolkit) or the inline value.
Result<std::string> PemOf(const std::string& file, const std::string& inline_text, const char* file_key) {
  if (file.empty()) return inline_text;
  auto text = ReadFile(file, kMaxPemBytes);
  if (!text) {
    return Fail(ErrorKind::kInvalidArgument, std::string("tls_server_config: failed to read ") + file_key + " (" + file +
                                                 "): " + text.error().message);
  }
  return *text;
}

std::string Source(const std::string& file, const char* file_key, const char* inline_key) {
  return file.empty() ? std::string(inline_key) : std::string(file_key) + " (" + file + ")";
}

struct VerifyArgs {
  ClientAuth mode;
  std::optional<std::vector<std::string>> sans;
};

void FreeVerifyArgs(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) { delete static_cast<VerifyArgs*>(ptr); }

// The SSL_CTX owns its VerifyArgs through this ex_data slot (freed with the context).
int VerifyArgsIndex() {
  static const int kIndex = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, FreeVerifyArgs);
  return kIndex;
}

// Replaces OpenSSL's chain verification: Go's policies decide whether the chain is
// verified at all, and client_allowed_sans is matched on the leaf.
int VerifyClientCert(X509_STORE_CTX* sctx, void* arg) {
  const auto* a = static_cast<const VerifyArgs*>(arg);
  bool verify = a->mode == ClientAuth::kVerifyClientCertIfGiven || a->mode == ClientAuth::kRequireAndVerifyClientCert;
  if (verify && X509_verify_cert(sctx) != 1) {
    log::Debug("client certificate rejected",
               {{"err", X509_verify_cert_error_string(X509_STORE_CTX_get_error(sctx))}});
    return 0;
  }
  if (!a->sans) return 1;
  X509* leaf = X509_STORE_CTX_get0_cert(sctx);
  if (leaf != nullptr) {
    for (const auto& san : CertificateSans(leaf)) {
      if (std::find(a->sans->begin(), a->sans->end(), san) != a->sans->end()) return 1;
    }
  }
  X509_STORE_CTX_set_error(sctx, X509_V_ERR_APPLICATION_VERIFICATION);
  log::Debug("client certificate rejected", {{"err", "could not find allowed SANs in client cert"}});
  return 0;
}

// HTTP/1.1 is all this server speaks: pick it when offered, else no ALPN at all.
int SelectAlpn(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in, unsigned int inlen,
               void*) {
  static const unsigned char kHttp11[] = {'h', 't', 't', 'p', '/', '1', '.', '1'};
  for (unsigned int i = 0; i < inlen;) {
    unsigned int len = in[i];
    if (i + 1 + len > inlen) break;
    if (len == sizeof kHttp11 && std::memcmp(in + i + 1, kHttp11, len) == 0) {
      *out = in + i + 1;
      *outlen = static_cast<unsigned char>(len);
      return SSL_TLSEXT_ERR_OK;
    }
    i += 1 + len;
  }
  return SSL_TLSEXT_ERR_NOACK;
}

}  // namespace

std::vector<std::string> CertificateSans(X509* cert) {
  std::vector<std::string> out;
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, i);
    const ASN1_STRING* s = nullptr;
    switch (gn->type) {
      case GEN_DNS: s = gn->d.dNSName; break;
      case GEN_EMAIL: s = gn->d.rfc822Name; break;
      case GEN_URI: s = gn->d.uniformResourceIdentifier; break;
      case GEN_IPADD: {
        const unsigned char* p = ASN1_STRING_get0_data(gn->d.iPAddress);
        int len = ASN1_STRING_length(gn->d.iPAddress);
        char buf[INET6_ADDRSTRLEN] = {};
        static const unsigned char kV4Mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (len == 4) {
          inet_ntop(AF_INET, p, buf, sizeof buf);
        } else if (len == 16 && std::memcmp(p, kV4Mapped, 12) == 0) {
          inet_ntop(AF_INET, p + 12, buf, sizeof buf);  // Go prints IPv4-mapped addresses as IPv4
        } else if (len == 16) {
          inet_ntop(AF_INET6, p, buf, sizeof buf);
        }
        if (buf[0] != '\0') out.emplace_back(buf);
        continue;
      }
      default: continue;
    }
    if (s != nullptr) {
      out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       static_cast<std::size_t>(ASN1_STRING_length(s)));
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

Result<SslCtxPtr> BuildServerContext(const TlsServerConfig& c) {
  auto fail = [](std::string why) { return Fail(ErrorKind::kInvalidArgument, "tls_server_config: " + why); };
  if (!c.Enabled()) return fail("no certificate configured");
  ERR_clear_error();
  auto cert_pem = PemOf(c.cert_file, c.cert, "cert_file");
  if (!cert_pem) return std::unexpected(cert_pem.error());
  auto key_pem = PemOf(c.key_file, c.key, "key_file");
  if (!key_pem) return std::unexpected(key_pem.error());

  std::string cert_src = Source(c.cert_file, "cert_file", "cert");
  std::string key_src = Source(c.key_file, "key_file", "key");
  auto chain = ReadCerts(*cert_pem);
  if (chain.empty()) return fail("failed to load X509KeyPair: no PEM certificate found in " + cert_src);
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey;
  {
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(key_pem->data(), static_cast<int>(key_pem->size())));
    pkey.reset(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassphrase, nullptr) : nullptr);
  }
  if (!pkey) {
    return fail("failed to load X509KeyPair: no unencrypted PEM private key found in " + key_src + ": " +
                OpenSslError("unreadable key"));
  }

  SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx) return fail("cannot create TLS context: " + OpenSslError("out of memory"));
  SSL_CTX* x = ctx.get();
  if (SSL_CTX_use_certificate(x, chain[0].get()) != 1) {
    return fail("failed to load X509KeyPair from " + cert_src + ": " + OpenSslError("bad certificate"));
  }
  for (std::size_t i = 1; i < chain.size(); ++i) {
    if (SSL_CTX_add1_chain_cert(x, chain[i].get()) != 1) {
      return fail("failed to load X509KeyPair: bad chain certificate in " + cert_src + ": " + OpenSslError("bad certificate"));
    }
  }
  if (SSL_CTX_use_PrivateKey(x, pkey.get()) != 1 || SSL_CTX_check_private_key(x) != 1) {
    ERR_clear_error();
    return fail("failed to load X509KeyPair: private key in " + key_src + " does not match the certificate in " + cert_src);
  }

  // Versions below TLS 1.2 exist in OpenSSL 3 only at security level 0.
  if (c.min_version < kTls12) SSL_CTX_set_security_level(x, 0);
  std::uint16_t min_version = c.min_version;
  std::string ciphers;
  for (const auto& name : c.cipher_suites) {
    std::string ossl = OpenSslCipherName(name).value_or("");
    if (!ossl.empty()) ciphers += (ciphers.empty() ? "" : ":") + ossl;
  }
  if (!c.cipher_suites.empty()) {
    if (ciphers.empty()) {
      min_version = kTls13;  // only TLS 1.3 suites listed: nothing to offer below TLS 1.3
    } else if (SSL_CTX_set_cipher_list(x, ciphers.c_str()) != 1) {
      return fail("cipher_suites: none usable with this OpenSSL: " + OpenSslError("no cipher match"));
    }
  }
  if (SSL_CTX_set_min_proto_version(x, min_version) != 1 || SSL_CTX_set_max_proto_version(x, c.max_version) != 1) {
    return fail("min_version/max_version not supported: " + OpenSslError("bad version"));
  }
  if (!c.curve_preferences.empty()) {
    std::string groups;
    for (const auto& name : c.curve_preferences) groups += (groups.empty() ? "" : ":") + *OpenSslGroupName(name);
    if (SSL_CTX_set1_groups_list(x, groups.c_str()) != 1) {
      return fail("curve_preferences: " + OpenSslError("unsupported curve"));
    }
  }
  std::uint64_t opts = SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION;
  if (c.prefer_server_cipher_suites) opts |= SSL_OP_CIPHER_SERVER_PREFERENCE;
  SSL_CTX_set_options(x, opts);
  SSL_CTX_set_mode(x, SSL_MODE_RELEASE_BUFFERS);  // idle keep-alive connections hold no buffers
  SSL_CTX_set_alpn_select_cb(x, SelectAlpn, nullptr);
  static const unsigned char kSessionContext[] = "host_exporter";
  SSL_CTX_set_session_id_context(x, kSessionContext, sizeof kSessionContext - 1);

  if (!c.client_ca_file.empty() || !c.client_ca.empty()) {
    auto ca_pem = PemOf(c.client_ca_file, c.client_ca, "client_ca_file");
    if (!ca_pem) return std::unexpected(ca_pem.error());
    auto cas = ReadCerts(*ca_pem);
    std::string ca_src = Source(c.client_ca_file, "client_ca_file", "client_ca");
    if (cas.empty()) return fail("no PEM certificate found in " + ca_src);
    X509_STORE* store = SSL_CTX_get_cert_store(x);
    STACK_OF(X509_NAME)* names = sk_X509_NAME_new_null();
    for (auto& ca : cas) {
      X509_STORE_add_cert(store, ca.get());
      if (names != nullptr) {
        if (X509_NAME* n = X509_NAME_dup(X509_get_subject_name(ca.get())); n != nullptr) sk_X509_NAME_push(names, n);
      }
    }
    ERR_clear_error();  // a CA listed twice is not an error
    if (names != nullptr) SSL_CTX_set_client_CA_list(x, names);  // takes ownership
  } else if (c.client_auth == ClientAuth::kVerifyClientCertIfGiven ||
             c.client_auth == ClientAuth::kRequireAndVerifyClientCert) {
    SSL_CTX_set_default_verify_paths(x);  // Go verifies against the system roots without ClientCAs
  }

  int mode = SSL_VERIFY_NONE;
  switch (c.client_auth) {
    case ClientAuth::kNoClientCert: break;
    case ClientAuth::kRequestClientCert:
    case ClientAuth::kVerifyClientCertIfGiven: mode = SSL_VERIFY_PEER; break;
    case ClientAuth::kRequireAnyClientCert:
    case ClientAuth::kRequireAndVerifyClientCert: mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; break;
  }
  if (mode != SSL_VERIFY_NONE) {
    SSL_CTX_set_verify(x, mode, nullptr);
    auto* args = new VerifyArgs{c.client_auth, c.client_allowed_sans};
    if (SSL_CTX_set_ex_data(x, VerifyArgsIndex(), args) != 1) {
      delete args;
      return fail("cannot set up client verification: " + OpenSslError("out of memory"));
    }
    SSL_CTX_set_cert_verify_callback(x, VerifyClientCert, args);
  }
  ERR_clear_error();
  return ctx;
}

Result<std::unique_ptr<ReloadingTlsContext>> ReloadingTlsContext::Create(WebConfigSource& config) {
  std::unique_ptr<ReloadingTlsContext> r(new ReloadingTlsContext(config));
  Identity id = r->Current();
  auto ctx = BuildServerContext(id.config->tls);
  if (!ctx) {
    std::string where = config.path().empty() ? "" : "web config file " + config.path() + ": ";
    return Fail(ctx.error().kind, where + ctx.error().message);
  }
  r->ctx_ = std::move(*ctx);
  r->built_ = std::move(id);
  return r;
}

ReloadingTlsContext::Identity ReloadingTlsContext::Current() {
  Identity id;
  id.config = config_.Current();
  id.cert = IdentityOf(id.config->tls.cert_file);
  id.key = IdentityOf(id.config->tls.key_file);
  id.ca = IdentityOf(id.config->tls.client_ca_file);
  return id;
}

SSL_CTX* ReloadingTlsContext::NewConnectionContext() {
  std::lock_guard lock(mu_);
  Identity now = Current();
  if (!(now == built_) && !(now == failed_)) {
    auto ctx = BuildServerContext(now.config->tls);
    if (ctx) {
      ctx_ = std::move(*ctx);
      built_ = std::move(now);
      failed_ = Identity{};
      log::Info("Reloaded TLS certificates");
    } else {
      log::Error("Unable to reload TLS certificates; serving the last good ones", {{"err", ctx.error().message}});
      failed_ = std::move(now);
    }
  }
  if (!ctx_) return nullptr;
  SSL_CTX_up_ref(ctx_.get());
  return ctx_.get();
}

}  // namespace host_exporter
