// The --web.config.file format of prometheus/exporter-toolkit (docs/web-configuration.md,
// web/tls_config.go): TLS server settings, extra response headers, basic auth users
// and a rate limit, so a node_exporter web config works unchanged. Parsing is strict:
// unknown and duplicate keys, wrong types and bad values are errors naming the key.
// Thread safety: ParseWebConfig/LoadWebConfig are reentrant; WebConfigSource may be
// used from any thread.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

// Go's tls.ClientAuthType values, as client_auth_type names them.
enum class ClientAuth {
  kNoClientCert,
  kRequestClientCert,
  kRequireAnyClientCert,  // also the legacy name RequireClientCert
  kVerifyClientCertIfGiven,
  kRequireAndVerifyClientCert,
};

// Protocol versions use the wire numbers (Go's and OpenSSL's constants agree).
inline constexpr std::uint16_t kTls10 = 0x0301;
inline constexpr std::uint16_t kTls11 = 0x0302;
inline constexpr std::uint16_t kTls12 = 0x0303;
inline constexpr std::uint16_t kTls13 = 0x0304;

struct TlsServerConfig {
  std::string cert, key, client_ca;                   // inline PEM
  std::string cert_file, key_file, client_ca_file;    // relative ones joined with the config's directory
  ClientAuth client_auth = ClientAuth::kNoClientCert;
  std::optional<std::vector<std::string>> client_allowed_sans;
  std::uint16_t min_version = kTls12;
  std::uint16_t max_version = kTls13;
  std::vector<std::string> cipher_suites;  // Go names, known ones only
  bool prefer_server_cipher_suites = true;
  std::vector<std::string> curve_preferences;  // Go names, known ones only

  // exporter-toolkit's IsEnabled: any certificate, key, client CA or client auth setting.
  bool Enabled() const;
};

struct WebConfig {
  TlsServerConfig tls;
  bool http2 = true;  // accepted for compatibility; responses are HTTP/1.1
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::nanoseconds rate_limit_interval{0};  // 0: no rate limit
  std::int64_t rate_limit_burst = 0;
  std::map<std::string, std::string> users;  // user -> bcrypt hash
};

// Parses and validates a web config (no I/O: certificates are checked when the TLS
// context is built). `dir` is the config file's directory for relative paths.
// Errors read "line N: key \"a.b\": why" or, for cross-field checks, exporter-toolkit's text.
Result<WebConfig> ParseWebConfig(std::string_view yaml, std::string_view dir);
// Reads and parses a file; errors are prefixed with the path.
Result<WebConfig> LoadWebConfig(const std::string& path);

// OpenSSL's name of a Go TLS 1.0-1.2 cipher suite name; "" for TLS 1.3 suites (not
// configurable in Go either); nullopt for names Go's tls.CipherSuites() does not list.
std::optional<std::string> OpenSslCipherName(std::string_view go_name);
// OpenSSL's group name of a Go curve name (CurveP256 -> P-256), nullopt if unknown.
std::optional<std::string> OpenSslGroupName(std::string_view go_name);
// Syntax and cost range check of a bcrypt hash ($2a$/$2b$/$2x$/$2y$, cost 4..31).
Status CheckBcryptHash(std::string_view hash);

// Identity of a file on disk: a replaced or rewritten file gets a new one.
struct FileIdentity {
  bool exists = false;
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};
FileIdentity IdentityOf(const std::string& path);

// The web config file, re-read when it changes on disk (as exporter-toolkit reads it
// on every request); a broken new version is logged and the last good one kept.
// Thread safety: Current() may be called from any thread (a mutex guards the snapshot).
class WebConfigSource {
 public:
  // Fails with the file's parse error, naming the path and the key.
  static Result<std::unique_ptr<WebConfigSource>> Open(const std::string& path);
  // For tests: a fixed configuration with no file behind it.
  static std::unique_ptr<WebConfigSource> Fixed(WebConfig config);

  // The current configuration; checks the file's identity (one stat) first.
  std::shared_ptr<const WebConfig> Current();
  const std::string& path() const { return path_; }

 private:
  WebConfigSource(std::string path, WebConfig config, FileIdentity id);

  const std::string path_;
  std::mutex mu_;
  std::shared_ptr<const WebConfig> config_;  // guarded by mu_
  FileIdentity id_;                          // guarded by mu_
  FileIdentity failed_id_;                   // last identity that failed to parse (logged once)
};

}  // namespace host_exporter
