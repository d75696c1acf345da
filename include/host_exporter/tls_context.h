// TLS server contexts from a web config's tls_server_config, with exporter-toolkit's
// semantics on OpenSSL: protocol range, Go cipher suite and curve names, the five
// client auth policies, and client_allowed_sans checked in the certificate verify
// callback. The reloading source rebuilds its SSL_CTX when the web config or any
// certificate, key or client CA file changes on disk (checked per new connection);
// a broken replacement is logged once and the last good context keeps serving.
// Thread safety: BuildServerContext is reentrant; ReloadingTlsContext may be used
// from any thread.
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host_exporter/connections.h"
#include "host_exporter/result.h"
#include "host_exporter/web_config.h"

namespace host_exporter {

struct SslCtxFree {
  void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
using SslCtxPtr = std::unique_ptr<SSL_CTX, SslCtxFree>;

// Loads the certificate, key and client CAs and applies every setting. Errors name
// the key or file ("failed to read cert_file (/etc/x.pem): ...").
Result<SslCtxPtr> BuildServerContext(const TlsServerConfig& config);

// The SAN values of a certificate as Go's x509 presents them: DNS names, e-mail
// addresses, IP addresses (text form), URIs.
std::vector<std::string> CertificateSans(X509* cert);

// Thread safety: NewConnectionContext may be called from any thread (one mutex).
class ReloadingTlsContext final : public TlsContextSource {
 public:
  // Builds the first context; fails start-up if it cannot.
  static Result<std::unique_ptr<ReloadingTlsContext>> Create(WebConfigSource& config);

  SSL_CTX* NewConnectionContext() override;

 private:
  struct Identity {
    std::shared_ptr<const WebConfig> config;
    FileIdentity cert, key, ca;
    bool operator==(const Identity&) const = default;
  };
  explicit ReloadingTlsContext(WebConfigSource& config) : config_(config) {}
  Identity Current();

  WebConfigSource& config_;
  std::mutex mu_;
  SslCtxPtr ctx_;        // guarded by mu_: the last good context
  Identity built_;       // guarded by mu_: what ctx_ was built from
  Identity failed_;      // guarded by mu_: last state that failed to build (logged once)
};

}  // namespace host_exporter
