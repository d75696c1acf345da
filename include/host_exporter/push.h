// Push mode: for hosts Prometheus cannot scrape (behind NAT, short-lived), sends
// what a scrape returns to a Prometheus Pushgateway every --push.interval,
// replacing the group each time (HTTP PUT to /metrics/job/<job>/<label>/<value>...,
// the Go client's Push()). One request at a time on the pusher's own thread, with
// a total deadline per request; retries with exponential backoff and full jitter
// until the next interval is due. A down or slow gateway never blocks scrapes and
// nothing queues up: at most one body exists at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <prometheus/metric_family.h>

#include "host_exporter/flags.h"
#include "host_exporter/result.h"

namespace httplib {
class ClientImpl;
class SSLClient;
}

namespace host_exporter {

class Exporter;

// Declares the --push.* flags in a "Push" section of --help.
void DeclarePushFlags(FlagSet& flags);

// --push.gateway-url split up: [http[s]://]host[:port][/path-prefix].
struct GatewayUrl {
  bool tls = false;
  std::string host;         // without IPv6 brackets
  int port = 0;             // 80/443 when not given
  std::string host_header;  // "host[:port]" as written (IPv6 with brackets)
  std::string path_prefix;  // "" or "/prefix", no trailing '/'
};
// Errors name the flag and say what is wrong.
Result<GatewayUrl> ParseGatewayUrl(std::string_view url);

using GroupingLabels = std::vector<std::pair<std::string, std::string>>;

// "/metrics/job/<job>/<name>/<value>..." in the given order. A value (or job)
// that contains '/' or is empty takes the Pushgateway's base64 form
// "<name>@base64/<RFC 4648 URL-safe base64>" ("=" for empty), as client_golang
// does; other values are escaped as Go's url.PathEscape.
std::string GroupingPath(std::string_view job, const GroupingLabels& labels);
// Go's base64.RawURLEncoding (URL-safe alphabet, no padding).
std::string Base64UrlEncode(std::string_view data);
// Go's url.PathEscape.
std::string PathEscape(std::string_view segment);

// Full-jitter exponential backoff before retry number `retry` (0 = first retry):
// u * min(max, initial * 2^retry), with u in [0, 1).
std::chrono::milliseconds BackoffDelay(int retry, std::chrono::milliseconds initial,
                                       std::chrono::milliseconds max, double u);

struct PushOptions {
  std::string gateway_url;  // empty: push disabled
  GatewayUrl gateway;
  std::chrono::milliseconds interval{15000};
  std::string job = "node";
  GroupingLabels grouping;  // includes "instance" (the host name unless given)
  std::string username;
  std::string password_file;  // re-read before every push, so it can be rotated
  std::string tls_ca_file, tls_cert_file, tls_key_file;
  bool tls_insecure_skip_verify = false;
  std::chrono::milliseconds timeout{10000};  // per request, and the scrape deadline
  bool delete_on_shutdown = false;
  // Retries of one push (not flags): at most max_retries, never past the next interval.
  int max_retries = 5;
  std::chrono::milliseconds retry_initial{1000};
  std::chrono::milliseconds retry_max{30000};

  bool enabled() const { return !gateway_url.empty(); }
};

// Reads and checks the --push.* flags (always, even with push disabled); errors
// name the flag. `hostname` is the default value of the "instance" label.
Result<PushOptions> PushOptionsFromFlags(const FlagValues& flags, std::string_view hostname);

// Thread safety: Start and Stop from one controlling thread; AppendMetrics and
// stats from any thread. The body function runs on the pusher's thread only.
class Pusher {
 public:
  // Produces the body (text format 0.0.4); `timeout` is the scrape deadline.
  using BodyFn = std::function<Result<std::string>(std::chrono::milliseconds timeout)>;

  // Checks the TLS files (naming the flag of a bad one) and builds the client.
  static Result<std::unique_ptr<Pusher>> Create(PushOptions opts, BodyFn body);
  ~Pusher();
  Pusher(const Pusher&) = delete;
  Pusher& operator=(const Pusher&) = delete;

  // Pushes at once, then every interval.
  void Start();
  // Promptly: wakes the pusher, aborts a push in flight, then (with
  // delete_on_shutdown) deletes the group, bounded by the timeout. Idempotent.
  void Stop();

  struct Stats {
    // HTTP requests, retries included; a push whose body could not be collected is a failure.
    std::uint64_t success = 0, failure = 0;
    double last_success_seconds = 0;         // Unix time; 0: never
    double last_duration_seconds = 0;        // last attempt
  };
  Stats stats() const;
  // host_exporter_push_total{result}, host_exporter_push_last_success_timestamp_seconds,
  // host_exporter_push_duration_seconds.
  void AppendMetrics(std::vector<prometheus::MetricFamily>& out) const;
  // Gateway URL with the group's path, for logs and tests.
  const std::string& url() const { return url_; }

 private:
  using Clock = std::chrono::steady_clock;
  enum class Outcome { kSuccess, kRetry, kFail };

  Pusher(PushOptions opts, BodyFn body, std::unique_ptr<httplib::ClientImpl> client);
  void Run();
  void Watchdog();
  // One HTTP request with a total deadline; `abortable`: Stop() cuts it short.
  Outcome Send(const std::string& method, std::string& body, bool abortable, std::string& err);
  void OnSocket(int fd);
  // Waits until `t` or Stop(); false when stopping.
  bool SleepUntil(Clock::time_point t);

  const PushOptions opts_;
  const BodyFn body_;
  std::string path_, url_;
  std::unique_ptr<httplib::ClientImpl> client_;  // pusher thread only
  httplib::SSLClient* ssl_ = nullptr;             // client_ when https

  // Guards everything below; wake_ wakes the pusher, watch_ the watchdog.
  mutable std::mutex mu_;
  std::condition_variable wake_, watch_;
  bool started_ = false, stopping_ = false, exit_ = false;
  // The request in flight: a dup of its socket, so shutdown() never hits a reused fd.
  bool in_flight_ = false, abortable_ = false, aborted_ = false;
  int sock_dup_ = -1;
  Clock::time_point deadline_{};

  std::atomic<std::uint64_t> success_{0}, failure_{0};
  std::atomic<double> last_success_{0}, last_duration_{0};

  std::thread thread_, watchdog_;
};

// For main: nullptr when --push.gateway-url is empty; otherwise a Pusher (not
// started) pushing exporter.Metrics() output, whose self-metrics are added to
// the exporter's scrape output. Errors name the flag.
Result<std::unique_ptr<Pusher>> CreatePusher(const FlagValues& flags, Exporter& exporter);

}  // namespace host_exporter
