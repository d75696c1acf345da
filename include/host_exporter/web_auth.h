// Request admission from the web config, in exporter-toolkit's order (web/handler.go):
// rate limit (429), then the configured response headers, then basic auth (401 with
// "WWW-Authenticate: Basic"). bcrypt checks go through libxcrypt; results are cached
// under a keyed hash of (user, hash, password), never the plaintext, and an unknown
// user is checked against a fixed dummy hash so it costs as much as a known one.
// Thread safety: every class here may be used from any thread.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "host_exporter/web_config.h"

namespace host_exporter {

// Verifies passwords against bcrypt hashes with a bounded result cache.
// Thread safety: all methods may be called from any thread.
class BcryptVerifier {
 public:
  explicit BcryptVerifier(std::size_t capacity = 100);
  // True when `password` matches `hash`. Only one bcrypt computation runs at a
  // time (they are CPU heavy); cached answers are returned without one.
  bool Verify(std::string_view user, std::string_view hash, std::string_view password);
  // bcrypt computations done so far (for tests and debugging).
  std::uint64_t computations() const;
  std::size_t cached() const;

 private:
  using Key = std::array<unsigned char, 32>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  Key CacheKey(std::string_view user, std::string_view hash, std::string_view password) const;

  const std::size_t capacity_;
  std::array<unsigned char, 32> secret_{};  // random per process: keys are not password hashes anyone can recompute
  mutable std::mutex mu_;                   // guards cache_, rng_, computations_
  std::unordered_map<Key, bool, KeyHash> cache_;
  std::mt19937_64 rng_;
  std::uint64_t computations_ = 0;
  std::mutex crypt_mu_;  // one bcrypt at a time
};

// golang.org/x/time/rate's Limiter: `burst` tokens, one more every `interval`,
// starting full; Allow() takes one if present. Thread safety: Allow is thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(std::chrono::nanoseconds interval, std::int64_t burst);
  bool Allow(Clock::time_point now = Clock::now());

 private:
  const std::chrono::nanoseconds interval_;
  const double burst_;
  std::mutex mu_;
  double tokens_;
  Clock::time_point last_;
};

struct Admission {
  int status = 0;  // 0: go on serving; else answer with this status
  std::vector<std::pair<std::string, std::string>> headers;  // set on the response either way
  std::string body;
};

// Decides each request from the current web config. Thread safety: Admit may be
// called from any thread; the config source must outlive the gate.
class RequestGate {
 public:
  explicit RequestGate(WebConfigSource& config) : config_(config) {}
  // `authorization` is the request's Authorization header ("" if none).
  Admission Admit(std::string_view authorization);
  BcryptVerifier& verifier() { return verifier_; }

 private:
  WebConfigSource& config_;
  BcryptVerifier verifier_;
  std::mutex mu_;  // guards the limiter and what it was built from
  std::shared_ptr<RateLimiter> limiter_;
  std::chrono::nanoseconds limiter_interval_{0};
  std::int64_t limiter_burst_ = -1;
};

// Go's Request.BasicAuth: "Basic " (any case) + base64(user:password).
bool ParseBasicAuth(std::string_view header, std::string& user, std::string& password);

// exporter-toolkit's dummy hash (of "fakepassword") for unknown users.
inline constexpr std::string_view kDummyBcryptHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

}  // namespace host_exporter
