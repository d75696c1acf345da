#include "host_exporter/web_config.h"

#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <set>

#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/text.h"

namespace host_exporter {
namespace {

struct CipherName {
  std::string_view go;
  std::string_view openssl;  // "" for TLS 1.3 suites
};

// Go's tls.CipherSuites() (the secure list exporter-toolkit accepts).
constexpr std::array<CipherName, 17> kCiphers{{
    {"TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA"},
    {"TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA"},
    {"TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256"},
    {"TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384"},
    {"TLS_AES_128_GCM_SHA256", ""},
    {"TLS_AES_256_GCM_SHA384", ""},
    {"TLS_CHACHA20_POLY1305_SHA256", ""},
    {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA"},
    {"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA"},
    {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA"},
    {"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA"},
    {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"},
    {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384"},
    {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"},
    {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384"},
    {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305"},
    {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kCurves{{
    {"CurveP256", "P-256"}, {"CurveP384", "P-384"}, {"CurveP521", "P-521"}, {"X25519", "X25519"}}};

constexpr std::array<std::pair<std::string_view, std::uint16_t>, 4> kVersions{{
    {"TLS10", kTls10}, {"TLS11", kTls11}, {"TLS12", kTls12}, {"TLS13", kTls13}}};

// exporter-toolkit's extraHTTPHeaders: allowed headers and, where enumerated, values.
struct AllowedHeader {
  std::string_view name;
  std::vector<std::string_view> values;  // empty: any value
};
const std::vector<AllowedHeader>& AllowedHeaders() {
  static const std::vector<AllowedHeader> kHeaders{
      {"Strict-Transport-Security", {}},
      {"X-Content-Type-Options", {"nosniff"}},
      {"X-Frame-Options", {"deny", "sameorigin"}},
      {"X-XSS-Protection", {}},
      {"Content-Security-Policy", {}},
  };
  return kHeaders;
}

std::string VersionName(std::uint16_t v) {
  for (const auto& [name, num] : kVersions) {
    if (num == v) return std::string(name);
  }
  return "unknown";
}

// A walk over the YAML tree that turns every problem into an error naming the key.
class Reader {
 public:
  Error Bad(const YAML::Node& n, const std::string& key, const std::string& why) const {
    std::string where = n.Mark().is_null() ? "" : "line " + std::to_string(n.Mark().line + 1) + ": ";
    return Error{ErrorKind::kInvalidArgument, where + "key " + Quote(key) + ": " + why};
  }

  static std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

  // Calls fn(key, value) for each pair of a mapping, rejecting duplicates and keys
  // not in `known` (empty `known`: any key, as for user names and headers).
  template <class Fn>
  Status Map(const YAML::Node& n, const std::string& path, const std::vector<std::string_view>& known, Fn fn) const {
    if (n.IsNull()) return {};
    if (!n.IsMap()) return std::unexpected(Bad(n, path, "expected a mapping"));
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      // Copies: the iterator's pair is a temporary proxy (references into it dangle).
      const YAML::Node k = it->first;
      const YAML::Node v = it->second;
      if (!k.IsScalar()) return std::unexpected(Bad(k, path, "keys must be strings"));
      std::string name = k.Scalar();
      std::string full = path.empty() ? name : path + "." + name;
      if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
        return std::unexpected(Bad(k, full, "unknown key"));
      }
      if (!seen.insert(name).second) return std::unexpected(Bad(k, full, "duplicate key"));
      if (auto s = fn(name, full, v); !s) return s;
    }
    return {};
  }

  Result<std::string> String(const YAML::Node& n, const std::string& key) const {
    if (n.IsNull()) return std::string();
    if (!n.IsScalar()) return std::unexpected(Bad(n, key, "expected a string"));
    return n.Scalar();
  }

  Result<bool> Bool(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) return std::unexpected(Bad(n, key, "expected true or false"));
    bool v = false;
    if (!YAML::convert<bool>::decode(n, v)) {
      return std::unexpected(Bad(n, key, "expected true or false, got " + Quote(n.Scalar())));
    }
    return v;
  }

  Result<std::vector<std::string>> Strings(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.IsNull()) return out;
    if (!n.IsSequence()) return std::unexpected(Bad(n, key, "expected a list of strings"));
    for (const auto& item : n) {
      if (!item.IsScalar()) return std::unexpected(Bad(item, key, "expected a list of strings"));
      out.push_back(item.Scalar());
    }
    return out;
  }
};

std::string JoinDir(std::string_view dir, const std::string& p) {
  if (p.empty() || p.front() == '/' || dir.empty()) return p;
  return std::string(dir) + "/" + p;
}

Status ParseTls(const Reader& r, const YAML::Node& node, std::string_view dir, TlsServerConfig& t) {
  static const std::vector<std::string_view> kKeys{
      "cert", "key", "client_ca", "cert_file", "key_file", "client_auth_type", "client_ca_file",
      "cipher_suites", "curve_preferences", "min_version", "max_version", "prefer_server_cipher_suites",
      "client_allowed_sans"};
  std::string client_auth;
  auto s = r.Map(node, "tls_server_config", kKeys, [&](const std::string& name, const std::string& key, const YAML::Node& v) -> Status {
    auto str = [&](std::string& out) -> Status {
      auto x = r.String(v, key);
      if (!x) return std::unexpected(x.error());
      out = *x;
      return {};
    };
    if (name == "cert") return str(t.cert);
    if (name == "key") return str(t.key);
    if (name == "client_ca") return str(t.client_ca);
    if (name == "cert_file") return str(t.cert_file);
    if (name == "key_file") return str(t.key_file);
    if (name == "client_ca_file") return str(t.client_ca_file);
    if (name == "client_auth_type") return str(client_auth);
    if (name == "min_version" || name == "max_version") {
      auto x = r.String(v, key);
      if (!x) return std::unexpected(x.error());
      for (const auto& [vname, num] : kVersions) {
        if (*x == vname) {
          (name == "min_version" ? t.min_version : t.max_version) = num;
          return {};
        }
      }
      return std::unexpected(r.Bad(v, key, "unknown TLS version: " + *x + " (one of TLS10, TLS11, TLS12, TLS13)"));
    }
    if (name == "prefer_server_cipher_suites") {
      auto b = r.Bool(v, key);
      if (!b) return std::unexpected(b.error());
      t.prefer_server_cipher_suites = *b;
      return {};
    }
    if (name == "client_allowed_sans" && v.IsNull()) return {};  // null: no SAN check, as Go's nil slice
    auto list = r.Strings(v, key);
    if (!list) return std::unexpected(list.error());
    if (name == "cipher_suites") {
      for (const auto& c : *list) {
        if (!OpenSslCipherName(c)) return std::unexpected(r.Bad(v, key, "unknown cipher: " + c));
      }
      t.cipher_suites = *list;
    } else if (name == "curve_preferences") {
      for (const auto& c : *list) {
        if (!OpenSslGroupName(c)) return std::unexpected(r.Bad(v, key, "unknown curve: " + c));
      }
      t.curve_preferences = *list;
    } else {  // client_allowed_sans
      t.client_allowed_sans = *list;
    }
    return {};
  });
  if (!s) return s;
  t.cert_file = JoinDir(dir, t.cert_file);
  t.key_file = JoinDir(dir, t.key_file);
  t.client_ca_file = JoinDir(dir, t.client_ca_file);

  auto fail = [](std::string why) { return Fail(ErrorKind::kInvalidArgument, "tls_server_config: " + why); };
  if (client_auth.empty() || client_auth == "NoClientCert") {
    t.client_auth = ClientAuth::kNoClientCert;
  } else if (client_auth == "RequestClientCert") {
    t.client_auth = ClientAuth::kRequestClientCert;
  } else if (client_auth == "RequireAnyClientCert" || client_auth == "RequireClientCert") {
    t.client_auth = ClientAuth::kRequireAnyClientCert;
  } else if (client_auth == "VerifyClientCertIfGiven") {
    t.client_auth = ClientAuth::kVerifyClientCertIfGiven;
  } else if (client_auth == "RequireAndVerifyClientCert") {
    t.client_auth = ClientAuth::kRequireAndVerifyClientCert;
  } else {
    return fail("key \"tls_server_config.client_auth_type\": invalid ClientAuth: " + client_auth);
  }
  bool enabled = !client_auth.empty() || t.Enabled();
  if (!enabled) return {};  // plain HTTP: the other TLS settings are unused, as in exporter-toolkit
  if (t.cert_file.empty() && t.cert.empty()) return fail("missing one of cert or cert_file");
  if (t.key_file.empty() && t.key.empty()) return fail("missing one of key or key_file");
  if ((!t.client_ca_file.empty() || !t.client_ca.empty()) && t.client_auth == ClientAuth::kNoClientCert) {
    return fail("client CA's have been configured without a Client Auth Policy");
  }
  if (t.client_allowed_sans && t.client_auth != ClientAuth::kRequireAnyClientCert &&
      t.client_auth != ClientAuth::kRequireAndVerifyClientCert) {
    return fail("client_allowed_sans requires client_auth_type to be one of RequireAnyClientCert or "
                "RequireAndVerifyClientCert");
  }
  if (t.min_version > t.max_version) {
    return fail("min_version " + VersionName(t.min_version) + " is above max_version " + VersionName(t.max_version));
  }
  if (!t.cipher_suites.empty() && t.min_version < kTls13) {
    bool any12 = std::any_of(t.cipher_suites.begin(), t.cipher_suites.end(),
                             [](const std::string& c) { return !OpenSslCipherName(c)->empty(); });
    if (!any12 && t.max_version < kTls13) {
      return fail("cipher_suites lists only TLS 1.3 suites, but max_version is " + VersionName(t.max_version));
    }
  }
  return {};
}

}  // namespace

bool TlsServerConfig::Enabled() const {
  return !cert_file.empty() || !cert.empty() || !key_file.empty() || !key.empty() || !client_ca_file.empty() ||
         !client_ca.empty() || client_auth != ClientAuth::kNoClientCert;
}

std::optional<std::string> OpenSslCipherName(std::string_view go_name) {
  for (const auto& c : kCiphers) {
    if (c.go == go_name) return std::string(c.openssl);
  }
  return std::nullopt;
}

std::optional<std::string> OpenSslGroupName(std::string_view go_name) {
  for (const auto& [go, ossl] : kCurves) {
    if (go == go_name) return std::string(ossl);
  }
  return std::nullopt;
}

Status CheckBcryptHash(std::string_view h) {
  // $2y$10$ + 22 salt + 31 hash characters = 60 bytes.
  auto bad = [](std::string why) { return Fail(ErrorKind::kInvalidArgument, "invalid bcrypt hash: " + why); };
  if (h.size() < 59) return bad("too short to be a bcrypted password");
  if (h[0] != '$') return bad("bcrypt hashes must start with '$'");
  if (h.size() != 60 || h[1] != '2' || std::string_view("abxy").find(h[2]) == std::string_view::npos || h[3] != '$' ||
      h[6] != '$') {
    return bad("not of the form $2y$<cost>$<53 characters>");
  }
  auto cost = ParseUint(h.substr(4, 2));
  if (!cost || *cost < 4 || *cost > 31) return bad("cost " + std::string(h.substr(4, 2)) + " is outside allowed range (4,31)");
  for (char c : h.substr(7)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '/';
    if (!ok) return bad("invalid character in salt or hash");
  }
  return {};
}

Result<WebConfig> ParseWebConfig(std::string_view yaml, std::string_view dir) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Fail(ErrorKind::kInvalidArgument,
                "line " + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  WebConfig c;
  Reader r;
  if (!root.IsNull() && !root.IsMap()) {
    return std::unexpected(r.Bad(root, "(top level)", "expected a mapping"));
  }
  static const std::vector<std::string_view> kTop{"tls_server_config", "http_server_config", "rate_limit",
                                                   "basic_auth_users"};
  auto s = r.Map(root, "", kTop, [&](const std::string& name, const std::string& key, const YAML::Node& v) -> Status {
    if (name == "tls_server_config") return ParseTls(r, v, dir, c.tls);
    if (name == "http_server_config") {
      return r.Map(v, key, {"http2", "headers"}, [&](const std::string& n2, const std::string& k2, const YAML::Node& v2) -> Status {
        if (n2 == "http2") {
          auto b = r.Bool(v2, k2);
          if (!b) return std::unexpected(b.error());
          c.http2 = *b;
          return {};
        }
        return r.Map(v2, k2, {}, [&](const std::string& hname, const std::string& hkey, const YAML::Node& hv) -> Status {
          auto val = r.String(hv, hkey);
          if (!val) return std::unexpected(val.error());
          const auto& allowed = AllowedHeaders();
          auto it = std::find_if(allowed.begin(), allowed.end(), [&](const AllowedHeader& a) { return a.name == hname; });
          if (it == allowed.end()) return std::unexpected(r.Bad(hv, hkey, "HTTP header \"" + hname + "\" can not be configured"));
          if (!it->values.empty() && std::find(it->values.begin(), it->values.end(), *val) == it->values.end()) {
            std::string expected;
            for (auto a : it->values) expected += (expected.empty() ? "\"" : " \"") + std::string(a) + "\"";
            return std::unexpected(r.Bad(hv, hkey, "invalid value for " + hname + ". Expected one of: [" + expected +
                                                       "], but got: \"" + *val + "\""));
          }
          if (!val->empty()) c.headers.emplace_back(hname, *val);  // blank: unset
          return {};
        });
      });
    }
    if (name == "rate_limit") {
      return r.Map(v, key, {"interval", "burst"}, [&](const std::string& n2, const std::string& k2, const YAML::Node& v2) -> Status {
        auto text = r.String(v2, k2);
        if (!text) return std::unexpected(text.error());
        if (n2 == "burst") {
          auto b = ParseInt(*text);
          if (!b || *b < 0) return std::unexpected(r.Bad(v2, k2, "expected a non-negative integer, got \"" + *text + "\""));
          c.rate_limit_burst = *b;
          return {};
        }
        if (auto ns = ParseInt(*text); ns) {  // a bare integer is nanoseconds, as Go's yaml.v2 reads a Duration
          c.rate_limit_interval = std::chrono::nanoseconds(*ns);
          return {};
        }
        auto d = ParseGoDuration(*text);
        if (!d) return std::unexpected(r.Bad(v2, k2, "invalid duration \"" + *text + "\""));
        c.rate_limit_interval = *d;
        return {};
      });
    }
    // basic_auth_users
    return r.Map(v, key, {}, [&](const std::string& user, const std::string& ukey, const YAML::Node& hv) -> Status {
      auto hash = r.String(hv, ukey);
      if (!hash) return std::unexpected(hash.error());
      if (auto ok = CheckBcryptHash(*hash); !ok) {
        return std::unexpected(r.Bad(hv, ukey, "user \"" + user + "\": " + ok.error().message));
      }
      c.users[user] = *hash;
      return {};
    });
  });
  if (!s) return std::unexpected(s.error());
  return c;
}

Result<WebConfig> LoadWebConfig(const std::string& path) {
  auto text = ReadFile(path, 16 << 20);
  if (!text) return Fail(ErrorKind::kInvalidArgument, "web config file: " + text.error().message);
  std::size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : slash == 0 ? "/" : path.substr(0, slash);
  auto c = ParseWebConfig(*text, dir == "/" ? "" : dir);
  if (!c) return Fail(c.error().kind, "web config file " + path + ": " + c.error().message);
  return c;
}

FileIdentity IdentityOf(const std::string& path) {
  FileIdentity id;
  if (path.empty()) return id;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return id;
  id.exists = true;
  id.dev = st.st_dev;
  id.ino = st.st_ino;
  id.size = st.st_size;
  id.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  id.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return id;
}

WebConfigSource::WebConfigSource(std::string path, WebConfig config, FileIdentity id)
    : path_(std::move(path)), config_(std::make_shared<const WebConfig>(std::move(config))), id_(id) {}

Result<std::unique_ptr<WebConfigSource>> WebConfigSource::Open(const std::string& path) {
  FileIdentity id = IdentityOf(path);
  auto c = LoadWebConfig(path);
  if (!c) return std::unexpected(c.error());
  return std::unique_ptr<WebConfigSource>(new WebConfigSource(path, std::move(*c), id));
}

std::unique_ptr<WebConfigSource> WebConfigSource::Fixed(WebConfig config) {
  return std::unique_ptr<WebConfigSource>(new WebConfigSource("", std::move(config), FileIdentity{}));
}

std::shared_ptr<const WebConfig> WebConfigSource::Current() {
  if (path_.empty()) {
    std::lock_guard lock(mu_);
    return config_;
  }
  FileIdentity now = IdentityOf(path_);
  std::lock_guard lock(mu_);
  if (now == id_ || now == failed_id_) return config_;
  auto c = LoadWebConfig(path_);
  if (!c) {
    failed_id_ = now;
    log::Error("Unable to reload web config; keeping the last good one", {{"err", c.error().message}});
    return config_;
  }
  id_ = now;
  failed_id_ = FileIdentity{};
  config_ = std::make_shared<const WebConfig>(std::move(*c));
  log::Info("Reloaded web config", {{"file", path_}});
  return config_;
}

}  // namespace host_exporter
