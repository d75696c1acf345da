#include "host_exporter/web_auth.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace host_exporter {
namespace {

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Go's base64.StdEncoding.DecodeString: padded, '\r' and '\n' ignored.
bool DecodeBase64(std::string_view in, std::string& out) {
  std::string s;
  for (char c : in) {
    if (c != '\r' && c != '\n') s += c;
  }
  if (s.size() % 4 != 0) return false;
  out.clear();
  for (std::size_t i = 0; i < s.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int j = 0; j < 4; ++j) {
      char c = s[i + static_cast<std::size_t>(j)];
      if (c == '=') {
        if (i + 4 != s.size() || j < 2) return false;
        v[j] = 0;
        ++pad;
      } else {
        if (pad > 0) return false;
        v[j] = Base64Value(c);
        if (v[j] < 0) return false;
      }
    }
    std::uint32_t n = (static_cast<std::uint32_t>(v[0]) << 18) | (static_cast<std::uint32_t>(v[1]) << 12) |
                      (static_cast<std::uint32_t>(v[2]) << 6) | static_cast<std::uint32_t>(v[3]);
    out += static_cast<char>((n >> 16) & 0xff);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xff);
    if (pad < 1) out += static_cast<char>(n & 0xff);
  }
  return true;
}

void AppendField(std::string& buf, std::string_view s) {
  std::uint64_t n = s.size();
  buf.append(reinterpret_cast<const char*>(&n), sizeof n);
  buf.append(s);
}

}  // namespace

bool ParseBasicAuth(std::string_view header, std::string& user, std::string& password) {
  constexpr std::string_view kPrefix = "Basic ";
  if (header.size() < kPrefix.size()) return false;
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != std::tolower(static_cast<unsigned char>(kPrefix[i]))) {
      return false;
    }
  }
  std::string decoded;
  if (!DecodeBase64(header.substr(kPrefix.size()), decoded)) return false;
  std::size_t colon = decoded.find(':');
  if (colon == std::string::npos) return false;
  user = decoded.substr(0, colon);
  password = decoded.substr(colon + 1);
  OPENSSL_cleanse(decoded.data(), decoded.size());
  return true;
}

std::size_t BcryptVerifier::KeyHash::operator()(const Key& k) const {
  std::size_t h;
  std::memcpy(&h, k.data(), sizeof h);
  return h;
}

BcryptVerifier::BcryptVerifier(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {
  if (RAND_bytes(secret_.data(), static_cast<int>(secret_.size())) != 1) {
    std::random_device rd;
    for (auto& b : secret_) b = static_cast<unsigned char>(rd());
  }
  std::uint64_t seed;
  std::memcpy(&seed, secret_.data(), sizeof seed);
  rng_.seed(seed);
}

BcryptVerifier::Key BcryptVerifier::CacheKey(std::string_view user, std::string_view hash,
                                             std::string_view password) const {
  std::string msg;
  AppendField(msg, user);
  AppendField(msg, hash);
  AppendField(msg, password);
  Key key{};
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()), reinterpret_cast<const unsigned char*>(msg.data()),
       msg.size(), key.data(), &len);
  OPENSSL_cleanse(msg.data(), msg.size());
  return key;
}

bool BcryptVerifier::Verify(std::string_view user, std::string_view hash, std::string_view password) {
  Key key = CacheKey(user, hash, password);
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  bool ok = false;
  {
    std::lock_guard lock(crypt_mu_);
    std::string pw(password), setting(hash);  // crypt_rn wants NUL-terminated strings
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof *data);
    const char* out = crypt_rn(pw.c_str(), setting.c_str(), data.get(), sizeof *data);
    // A password with a NUL byte cannot be passed to crypt: it never matches.
    bool has_nul = password.find('\0') != std::string_view::npos;
    ok = out != nullptr && !has_nul && std::strlen(out) == hash.size() &&
         CRYPTO_memcmp(out, hash.data(), hash.size()) == 0;
    OPENSSL_cleanse(pw.data(), pw.size());
    OPENSSL_cleanse(data.get(), sizeof *data);
  }
  std::lock_guard lock(mu_);
  ++computations_;
  if (cache_.size() >= capacity_) {
    // Random eviction of about a tenth, as exporter-toolkit's cache does.
    std::size_t drop = std::max<std::size_t>(1, cache_.size() / 10);
    for (std::size_t i = 0; i < drop && !cache_.empty(); ++i) {
      auto it = cache_.begin();
      std::advance(it, static_cast<long>(rng_() % cache_.size()));
      cache_.erase(it);
    }
  }
  cache_[key] = ok;
  return ok;
}

std::uint64_t BcryptVerifier::computations() const {
  std::lock_guard lock(mu_);
  return computations_;
}

std::size_t BcryptVerifier::cached() const {
  std::lock_guard lock(mu_);
  return cache_.size();
}

RateLimiter::RateLimiter(std::chrono::nanoseconds interval, std::int64_t burst)
    : interval_(interval), burst_(static_cast<double>(burst)), tokens_(static_cast<double>(burst)), last_(Clock::now()) {}

bool RateLimiter::Allow(Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (now > last_) {
    double elapsed = std::chrono::duration<double, std::nano>(now - last_).count();
    tokens_ = std::min(burst_, tokens_ + elapsed / static_cast<double>(interval_.count()));
    last_ = now;
  }
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

Admission RequestGate::Admit(std::string_view authorization) {
  std::shared_ptr<const WebConfig> c = config_.Current();
  Admission a;
  if (c->rate_limit_interval.count() > 0) {
    std::shared_ptr<RateLimiter> limiter;
    {
      std::lock_guard lock(mu_);
      if (!limiter_ || limiter_interval_ != c->rate_limit_interval || limiter_burst_ != c->rate_limit_burst) {
        limiter_ = std::make_shared<RateLimiter>(c->rate_limit_interval, c->rate_limit_burst);
        limiter_interval_ = c->rate_limit_interval;
        limiter_burst_ = c->rate_limit_burst;
      }
      limiter = limiter_;
    }
    if (!limiter->Allow()) {
      a.status = 429;
      a.body = "Too Many Requests\n";
      return a;
    }
  }
  a.headers = c->headers;
  if (c->users.empty()) return a;

  std::string user, password;
  if (ParseBasicAuth(authorization, user, password)) {
    auto it = c->users.find(user);
    bool known = it != c->users.end();
    // Unknown users cost a bcrypt check too, so timing does not tell which users exist.
    std::string_view hash = known ? std::string_view(it->second) : kDummyBcryptHash;
    bool ok = verifier_.Verify(user, hash, password) && known;
    OPENSSL_cleanse(password.data(), password.size());
    if (ok) return a;
  }
  a.status = 401;
  a.headers.emplace_back("WWW-Authenticate", "Basic");
  a.body = "Unauthorized\n";
  return a;
}

}  // namespace host_exporter
