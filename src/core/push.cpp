#include "host_exporter/push.h"

#include <fcntl.h>
#include <httplib.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "host_exporter/exporter.h"
#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/exposition.h"
#include "host_exporter/metric_writer.h"
#include "host_exporter/text.h"

namespace host_exporter {
namespace {

std::unexpected<Error> FlagError(std::string_view flag, std::string what) {
  return Fail(ErrorKind::kInvalidArgument, "flag --" + std::string(flag) + ": " + what);
}

bool IsLabelName(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string OpenSslError() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "no PEM data";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

// Checks a PEM file with OpenSSL so a bad file stops start-up naming its flag
// (cpp-httplib would only fail every request).
Status CheckPem(const std::string& flag, const std::string& path, bool key) {
  std::FILE* f = std::fopen(path.c_str(), "re");
  if (!f) return FlagError(flag, "cannot open \"" + path + "\": " + std::strerror(errno));
  bool ok = false;
  if (key) {
    EVP_PKEY* k = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
    ok = k != nullptr;
    EVP_PKEY_free(k);
  } else {
    X509* c = PEM_read_X509(f, nullptr, nullptr, nullptr);
    ok = c != nullptr;
    X509_free(c);
  }
  std::fclose(f);
  if (!ok) {
    return FlagError(flag, "\"" + path + "\" holds no PEM " + (key ? "private key" : "certificate") + " (" +
                               OpenSslError() + ")");
  }
  return {};
}

Result<std::string> ReadPassword(const std::string& path) {
  auto text = ReadFile(path, 64 * 1024);
  if (!text) return std::unexpected(text.error());
  return std::string(Trim(*text));  // as Prometheus's password_file: surrounding space dropped
}

Result<std::chrono::milliseconds> PositiveDuration(const FlagValues& flags, const char* name) {
  const std::string& v = flags.GetString(name);
  auto d = ParseGoDuration(v);
  if (!d || d->count() <= 0) return FlagError(name, "invalid duration \"" + v + "\" (want a positive Go duration, e.g. 15s)");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  if (ms.count() == 0) return FlagError(name, "duration \"" + v + "\" is shorter than 1ms");
  return ms;
}

std::string Describe(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection: return "connection failed";
    case httplib::Error::ConnectionTimeout: return "connection timed out";
    case httplib::Error::Read: return "reading the answer failed";
    case httplib::Error::Write: return "sending the request failed";
    case httplib::Error::SSLConnection: return "TLS handshake failed";
    case httplib::Error::SSLLoadingCerts: return "loading the CA certificates failed";
    case httplib::Error::SSLServerVerification: return "the gateway's certificate did not verify";
    default: return "request failed: " + httplib::to_string(e);
  }
}

double UnixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

void DeclarePushFlags(FlagSet& f) {
  f.Section("Push");
  f.String("push.gateway-url", "",
           "Pushgateway to push metrics to (http://host:9091 or https://...); empty disables push.");
  f.String("push.interval", "15s", "Interval between pushes.");
  f.String("push.job", "node", "Value of the job label of the pushed group.");
  f.Strings("push.grouping-label", {},
            "Grouping label name=value of the pushed group; repeatable. 'instance' defaults to the host name.");
  f.String("push.basic-auth-username", "", "Username for HTTP basic authentication to the Pushgateway.");
  f.String("push.basic-auth-password-file", "",
           "File holding the password for HTTP basic authentication to the Pushgateway (read before every push).");
  f.String("push.tls.ca-file", "", "CA certificates to verify the Pushgateway's certificate (default: the system's).");
  f.String("push.tls.cert-file", "", "Client certificate to present to the Pushgateway.");
  f.String("push.tls.key-file", "", "Key of the client certificate.");
  f.Bool("push.tls.insecure-skip-verify", false, "Do not verify the Pushgateway's certificate.");
  f.String("push.timeout", "10s", "Timeout of one push request, and the collectors' deadline for its body.");
  f.Bool("push.delete-on-shutdown", false, "Delete the pushed group from the Pushgateway on clean shutdown.");
}

Result<GatewayUrl> ParseGatewayUrl(std::string_view url) {
  const char* flag = "push.gateway-url";
  auto bad = [&](std::string why) { return FlagError(flag, "invalid URL \"" + std::string(url) + "\": " + why); };
  GatewayUrl g;
  std::string_view rest = url;
  if (auto p = rest.find("://"); p != std::string_view::npos) {
    std::string scheme(rest.substr(0, p));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme == "https") {
      g.tls = true;
    } else if (scheme != "http") {
      return bad("scheme must be http or https");
    }
    rest.remove_prefix(p + 3);
  }  // else "host:port", as client_golang's push.New: http
  if (rest.find_first_of("?#") != std::string_view::npos) return bad("no query or fragment allowed");
  for (char c : rest) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return bad("contains a space or control character");
  }
  std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) {
    return bad("credentials in the URL are not supported; use --push.basic-auth-username and --push.basic-auth-password-file");
  }
  if (authority.empty()) return bad("missing host");
  g.host_header = std::string(authority);
  std::string_view host = authority, port;
  if (authority.front() == '[') {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("missing ']'");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("junk after ']'");
      port = after.substr(1);
      if (port.empty()) return bad("empty port");
    }
  } else if (auto colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (port.empty()) return bad("empty port");
    if (port.find(':') != std::string_view::npos) return bad("too many colons (bracket IPv6 addresses: [::1]:9091)");
  }
  if (host.empty()) return bad("missing host");
  g.host = std::string(host);
  g.port = g.tls ? 443 : 80;
  if (!port.empty()) {
    auto p = ParseUint(port);
    if (!p || *p == 0 || *p > 65535) return bad("invalid port \"" + std::string(port) + "\"");
    g.port = static_cast<int>(*p);
  }
  while (path.ends_with('/')) path.remove_suffix(1);
  g.path_prefix = std::string(path);
  return g;
}

std::string Base64UrlEncode(std::string_view data) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((data.size() * 4 + 2) / 3);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(data[k])); };
  for (; i + 3 <= data.size(); i += 3) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (data.size() - i == 1) {
    unsigned v = byte(i) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (data.size() - i == 2) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

std::string PathEscape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '_' || c == '.' || c == '~' || c == '$' || c == '&' || c == '+' || c == '=' || c == ':' ||
                c == '@';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string GroupingPath(std::string_view job, const GroupingLabels& labels) {
  std::string out = "/metrics";
  auto add = [&](std::string_view name, std::string_view value) {
    out += '/';
    out += name;
    if (value.empty() || value.find('/') != std::string_view::npos) {
      out += "@base64/";
      out += value.empty() ? std::string("=") : Base64UrlEncode(value);
    } else {
      out += '/';
      out += PathEscape(value);
    }
  };
  add("job", job);
  for (const auto& [name, value] : labels) add(name, value);
  return out;
}

std::chrono::milliseconds BackoffDelay(int retry, std::chrono::milliseconds initial, std::chrono::milliseconds max,
                                       double u) {
  double cap = static_cast<double>(initial.count()) * std::ldexp(1.0, std::clamp(retry, 0, 60));
  cap = std::min(cap, static_cast<double>(max.count()));
  u = std::clamp(u, 0.0, 1.0);
  auto ms = static_cast<std::int64_t>(u * cap);
  return std::chrono::milliseconds(std::min<std::int64_t>(ms, max.count()));
}

Result<PushOptions> PushOptionsFromFlags(const FlagValues& flags, std::string_view hostname) {
  PushOptions o;
  o.gateway_url = flags.GetString("push.gateway-url");
  if (o.enabled()) {
    auto g = ParseGatewayUrl(o.gateway_url);
    if (!g) return std::unexpected(g.error());
    o.gateway = *g;
  }
  auto interval = PositiveDuration(flags, "push.interval");
  if (!interval) return std::unexpected(interval.error());
  o.interval = *interval;
  auto timeout = PositiveDuration(flags, "push.timeout");
  if (!timeout) return std::unexpected(timeout.error());
  o.timeout = *timeout;

  o.job = flags.GetString("push.job");
  if (o.job.empty()) return FlagError("push.job", "must not be empty (the Pushgateway requires a job name)");
  bool instance = false;
  for (const std::string& kv : flags.GetStrings("push.grouping-label")) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) return FlagError("push.grouping-label", "\"" + kv + "\" is not name=value");
    std::string name = kv.substr(0, eq);
    if (!IsLabelName(name) || name.starts_with("__")) {
      return FlagError("push.grouping-label", "\"" + name + "\" is not a valid label name");
    }
    if (name == "job") return FlagError("push.grouping-label", "\"job\" is set with --push.job");
    for (const auto& [n, v] : o.grouping) {
      if (n == name) return FlagError("push.grouping-label", "label \"" + name + "\" given twice");
    }
    if (name == "instance") instance = true;
    o.grouping.emplace_back(std::move(name), kv.substr(eq + 1));
  }
  if (!instance) o.grouping.emplace_back("instance", std::string(hostname));

  o.username = flags.GetString("push.basic-auth-username");
  o.password_file = flags.GetString("push.basic-auth-password-file");
  if (!o.password_file.empty()) {
    if (o.username.empty()) {
      return FlagError("push.basic-auth-password-file", "needs --push.basic-auth-username");
    }
    if (auto p = ReadPassword(o.password_file); !p) return FlagError("push.basic-auth-password-file", p.error().message);
  }

  o.tls_ca_file = flags.GetString("push.tls.ca-file");
  o.tls_cert_file = flags.GetString("push.tls.cert-file");
  o.tls_key_file = flags.GetString("push.tls.key-file");
  o.tls_insecure_skip_verify = flags.GetBool("push.tls.insecure-skip-verify");
  if (o.tls_cert_file.empty() != o.tls_key_file.empty()) {
    return FlagError(o.tls_cert_file.empty() ? "push.tls.cert-file" : "push.tls.key-file",
                     "--push.tls.cert-file and --push.tls.key-file go together");
  }
  if (o.enabled() && !o.gateway.tls) {
    for (const char* name : {"push.tls.ca-file", "push.tls.cert-file", "push.tls.key-file"}) {
      if (!flags.GetString(name).empty()) return FlagError(name, "needs an https:// --push.gateway-url");
    }
    if (o.tls_insecure_skip_verify) {
      return FlagError("push.tls.insecure-skip-verify", "needs an https:// --push.gateway-url");
    }
  }
  o.delete_on_shutdown = flags.GetBool("push.delete-on-shutdown");
  return o;
}

Result<std::unique_ptr<Pusher>> Pusher::Create(PushOptions opts, BodyFn body) {
  if (!opts.enabled()) return Fail(ErrorKind::kInvalidArgument, "push: no gateway URL");
  if (opts.gateway.host.empty()) {  // options built by hand (tests)
    auto g = ParseGatewayUrl(opts.gateway_url);
    if (!g) return std::unexpected(g.error());
    opts.gateway = *g;
  }
  std::unique_ptr<httplib::ClientImpl> client;
  httplib::SSLClient* ssl_client = nullptr;
  const GatewayUrl& g = opts.gateway;
  if (g.tls) {
    if (!opts.tls_ca_file.empty()) {
      if (auto s = CheckPem("push.tls.ca-file", opts.tls_ca_file, false); !s) return std::unexpected(s.error());
    }
    if (!opts.tls_cert_file.empty()) {
      if (auto s = CheckPem("push.tls.cert-file", opts.tls_cert_file, false); !s) return std::unexpected(s.error());
      if (auto s = CheckPem("push.tls.key-file", opts.tls_key_file, true); !s) return std::unexpected(s.error());
    }
    auto ssl = opts.tls_cert_file.empty()
                   ? std::make_unique<httplib::SSLClient>(g.host, g.port)
                   : std::make_unique<httplib::SSLClient>(g.host, g.port, opts.tls_cert_file, opts.tls_key_file);
    if (!ssl->is_valid() && opts.tls_cert_file.empty()) {
      return Fail(ErrorKind::kInvalidArgument, "push: setting up TLS failed (" + OpenSslError() + ")");
    }
    if (!ssl->is_valid()) {
      return FlagError("push.tls.key-file", "client certificate \"" + opts.tls_cert_file + "\" and key \"" +
                                                opts.tls_key_file + "\" do not load or do not match (" +
                                                OpenSslError() + ")");
    }
    if (!opts.tls_ca_file.empty()) ssl->set_ca_cert_path(opts.tls_ca_file);
    ssl->enable_server_certificate_verification(!opts.tls_insecure_skip_verify);
    ssl_client = ssl.get();
    client = std::move(ssl);
  } else {
    client = std::make_unique<httplib::ClientImpl>(g.host, g.port);
  }
  auto p = std::unique_ptr<Pusher>(new Pusher(std::move(opts), std::move(body), std::move(client)));
  p->ssl_ = ssl_client;
  return p;
}

Pusher::Pusher(PushOptions opts, BodyFn body, std::unique_ptr<httplib::ClientImpl> client)
    : opts_(std::move(opts)), body_(std::move(body)), client_(std::move(client)) {
  path_ = opts_.gateway.path_prefix + GroupingPath(opts_.job, opts_.grouping);
  url_ = std::string(opts_.gateway.tls ? "https://" : "http://") + opts_.gateway.host_header + path_;
  // Per-operation timeouts; the watchdog enforces the total deadline.
  client_->set_connection_timeout(opts_.timeout);
  client_->set_read_timeout(opts_.timeout);
  client_->set_write_timeout(opts_.timeout);
  client_->set_keep_alive(false);  // one connection per push: nothing held between pushes
  client_->set_follow_location(false);
  client_->set_url_encode(false);  // the path is escaped already
  client_->set_socket_options([this](int fd) { OnSocket(fd); });
}

Pusher::~Pusher() { Stop(); }

void Pusher::Start() {
  std::lock_guard lock(mu_);
  if (started_ || stopping_) return;
  started_ = true;
  watchdog_ = std::thread([this] { Watchdog(); });
  thread_ = std::thread([this] { Run(); });
}

void Pusher::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  watch_.notify_all();
  if (thread_.joinable()) thread_.join();
  {
    std::lock_guard lock(mu_);
    exit_ = true;
  }
  watch_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
}

Pusher::Stats Pusher::stats() const {
  return Stats{success_.load(), failure_.load(), last_success_.load(), last_duration_.load()};
}

void Pusher::AppendMetrics(std::vector<prometheus::MetricFamily>& out) const {
  Stats s = stats();
  MetricWriter w;
  const char* help = "Push attempts (HTTP requests, retries included) to the Pushgateway by result.";
  w.Counter("host_exporter_push_total", help, static_cast<double>(s.success), {{"result", "success"}});
  w.Counter("host_exporter_push_total", help, static_cast<double>(s.failure), {{"result", "failure"}});
  w.Gauge("host_exporter_push_last_success_timestamp_seconds",
          "Unix time of the last successful push to the Pushgateway; 0 if none yet.", s.last_success_seconds);
  w.Gauge("host_exporter_push_duration_seconds", "Duration of the last push attempt in seconds.",
          s.last_duration_seconds);
  for (auto& f : w.families()) out.push_back(std::move(f));
}

bool Pusher::SleepUntil(Clock::time_point t) {
  std::unique_lock lock(mu_);
  wake_.wait_until(lock, t, [&] { return stopping_; });
  return !stopping_;
}

void Pusher::OnSocket(int fd) {
  // Runs on the pusher thread inside the request, before connect().
  std::lock_guard lock(mu_);
  if (sock_dup_ >= 0) ::close(sock_dup_);
  sock_dup_ = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (aborted_ && sock_dup_ >= 0) ::shutdown(sock_dup_, SHUT_RDWR);
}

void Pusher::Watchdog() {
  std::unique_lock lock(mu_);
  while (!exit_) {
    if (in_flight_ && !aborted_ && (Clock::now() >= deadline_ || (stopping_ && abortable_))) {
      aborted_ = true;
      // shutdown() on our dup wakes the request's poll()/recv() at once, connect included.
      if (sock_dup_ >= 0) ::shutdown(sock_dup_, SHUT_RDWR);
      continue;
    }
    if (in_flight_ && !aborted_) {
      watch_.wait_until(lock, deadline_);
    } else {
      watch_.wait(lock);
    }
  }
}

Pusher::Outcome Pusher::Send(const std::string& method, std::string& body, bool abortable, std::string& err) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && abortable) {
      err = "shutting down";
      return Outcome::kFail;
    }
    in_flight_ = true;
    abortable_ = abortable;
    aborted_ = false;
    deadline_ = Clock::now() + opts_.timeout;
  }
  watch_.notify_all();

  std::string password;
  if (!opts_.password_file.empty()) {
    auto p = ReadPassword(opts_.password_file);
    if (!p) {
      std::lock_guard lock(mu_);
      in_flight_ = false;
      err = "reading --push.basic-auth-password-file: " + p.error().message;
      return Outcome::kFail;
    }
    password = std::move(*p);
  }
  if (!opts_.username.empty()) client_->set_basic_auth(opts_.username, password);

  httplib::Request req;
  req.method = method;
  req.path = path_;
  req.set_header("Host", opts_.gateway.host_header);
  req.set_header("User-Agent", std::string("host_exporter/") + kVersion);
  if (method == "PUT") req.set_header("Content-Type", kTextContentType);
  req.body = std::move(body);
  std::string answer;  // the gateway's answer, capped: it is only for the log
  req.content_receiver = [&answer](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
    if (answer.size() < 512) answer.append(data, std::min(n, 512 - answer.size()));
    return true;
  };
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  bool sent = client_->send(req, res, error);
  body = std::move(req.body);

  bool aborted = false, stop = false;
  {
    std::lock_guard lock(mu_);
    in_flight_ = false;
    aborted = aborted_;
    stop = stopping_ && abortable;
    if (sock_dup_ >= 0) ::close(sock_dup_);
    sock_dup_ = -1;
  }
  if (!sent) {
    if (!aborted) {
      err = Describe(error);
      if (error == httplib::Error::SSLServerVerification && ssl_ != nullptr) {
        err += std::string(": ") + X509_verify_cert_error_string(ssl_->get_openssl_verify_result());
      }
      return Outcome::kRetry;
    }
    err = stop ? std::string("aborted: shutting down")
               : "timed out after " + std::to_string(opts_.timeout.count()) + "ms";
    return stop ? Outcome::kFail : Outcome::kRetry;
  }
  if (res.status == 200 || res.status == 202) return Outcome::kSuccess;
  for (char& c : answer) {
    if (static_cast<unsigned char>(c) < ' ') c = ' ';
  }
  err = "unexpected status " + std::to_string(res.status) + ": " + std::string(Trim(answer));
  return res.status >= 500 || res.status == 429 || res.status == 408 ? Outcome::kRetry : Outcome::kFail;
}

void Pusher::Run() {
  std::mt19937_64 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  log::Info("Pushing to the Pushgateway", {{"url", url_}, {"interval", std::to_string(opts_.interval.count()) + "ms"}});
  auto tick = Clock::now();
  while (true) {
    if (!SleepUntil(tick)) break;
    auto next = tick + opts_.interval;
    auto body = body_(opts_.timeout);
    if (!body) {
      failure_.fetch_add(1);
      log::Error("push skipped: collecting metrics failed", {{"err", body.error().message}});
    } else {
      for (int retry = 0;; ++retry) {
        std::string err;
        auto t0 = Clock::now();
        Outcome r = Send("PUT", *body, true, err);
        last_duration_.store(std::chrono::duration<double>(Clock::now() - t0).count());
        if (r == Outcome::kSuccess) {
          success_.fetch_add(1);
          last_success_.store(UnixNow());
          log::Debug("pushed to the Pushgateway", {{"url", url_}});
          break;
        }
        failure_.fetch_add(1);
        bool give_up = r == Outcome::kFail || retry >= opts_.max_retries;
        Clock::time_point at{};
        if (!give_up) {
          at = Clock::now() + BackoffDelay(retry, opts_.retry_initial, opts_.retry_max, unit(rng));
          give_up = at >= next;  // the next interval wins
        }
        if (give_up) {
          log::Error("push to the Pushgateway failed",
                     {{"url", url_}, {"attempts", std::to_string(retry + 1)}, {"err", err}});
          break;
        }
        log::Debug("push to the Pushgateway failed, retrying", {{"url", url_}, {"err", err}});
        if (!SleepUntil(at)) break;
      }
    }
    body = {};  // nothing is kept between pushes
    // A push that overran its interval is followed by one at once; further
    // missed ticks are dropped rather than pushed in a burst (as Go's Ticker).
    auto now = Clock::now();
    while (next + opts_.interval <= now) next += opts_.interval;
    tick = next;
  }
  if (opts_.delete_on_shutdown) {
    std::string none, err;
    if (Send("DELETE", none, false, err) == Outcome::kSuccess) {
      log::Info("Deleted the pushed group from the Pushgateway", {{"url", url_}});
    } else {
      log::Error("deleting the pushed group from the Pushgateway failed", {{"url", url_}, {"err", err}});
    }
  }
}

Result<std::unique_ptr<Pusher>> CreatePusher(const FlagValues& flags, Exporter& exporter) {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  auto opts = PushOptionsFromFlags(flags, host);
  if (!opts) return std::unexpected(opts.error());
  if (!opts->enabled()) return std::unique_ptr<Pusher>();
  auto body = [&exporter](std::chrono::milliseconds timeout) -> Result<std::string> {
    auto r = exporter.Metrics({}, {}, std::chrono::duration<double>(timeout).count());
    if (r.status != 200) {
      return Fail(ErrorKind::kIo, "scrape answered " + std::to_string(r.status) + ": " + std::string(Trim(r.body)));
    }
    return std::move(r.body);
  };
  auto pusher = Pusher::Create(std::move(*opts), std::move(body));
  if (!pusher) return std::unexpected(pusher.error());
  Pusher* p = pusher->get();
  exporter.AddMetricsSource([p](std::vector<prometheus::MetricFamily>& out) { p->AppendMetrics(out); });
  return pusher;
}

}  // namespace host_exporter
