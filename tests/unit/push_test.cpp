#include "host_exporter/push.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <malloc.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// GCC 12 ships no sanitizer/allocator_interface.h; the runtime has the function.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#define HE_SANITIZER_HEAP 1
#endif

namespace host_exporter {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// ---- URL building and encoding ----

TEST(PushEncoding, Base64UrlIsGoRawUrlEncoding) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("foob"), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode("/var/tmp"), "L3Zhci90bXA");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");  // URL-safe alphabet: '-' and '_', not '+' and '/'
}

TEST(PushEncoding, PathEscapeIsGoPathEscape) {
  EXPECT_EQ(PathEscape("node-1.example_com~"), "node-1.example_com~");
  EXPECT_EQ(PathEscape("a b"), "a%20b");
  EXPECT_EQ(PathEscape("host:9100"), "host:9100");
  EXPECT_EQ(PathEscape("x?y;z,w%#"), "x%3Fy%3Bz%2Cw%25%23");
  EXPECT_EQ(PathEscape("$&+=@"), "$&+=@");
  EXPECT_EQ(PathEscape("\xc3\xa9"), "%C3%A9");
}

TEST(PushEncoding, GroupingPathUsesBase64ForSlashesAndEmptyValues) {
  EXPECT_EQ(GroupingPath("node", {{"instance", "web-1"}}), "/metrics/job/node/instance/web-1");
  EXPECT_EQ(GroupingPath("node", {{"instance", "10.0.0.1:9100"}, {"dc", "eu west"}}),
            "/metrics/job/node/instance/10.0.0.1:9100/dc/eu%20west");
  EXPECT_EQ(GroupingPath("node", {{"path", "/var/tmp"}, {"empty", ""}}),
            "/metrics/job/node/path@base64/L3Zhci90bXA/empty@base64/=");
  EXPECT_EQ(GroupingPath("a/b", {}), "/metrics/job@base64/YS9i");
}

TEST(PushUrl, ParsesSchemesHostsPortsAndPrefixes) {
  auto g = ParseGatewayUrl("http://127.0.0.1:9091");
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_FALSE(g->tls);
  EXPECT_EQ(g->host, "127.0.0.1");
  EXPECT_EQ(g->port, 9091);
  EXPECT_EQ(g->host_header, "127.0.0.1:9091");
  EXPECT_EQ(g->path_prefix, "");

  g = ParseGatewayUrl("HTTPS://gw.example.com/pushgateway/");
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_TRUE(g->tls);
  EXPECT_EQ(g->host, "gw.example.com");
  EXPECT_EQ(g->port, 443);
  EXPECT_EQ(g->path_prefix, "/pushgateway");

  g = ParseGatewayUrl("http://[::1]:9091/");
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->host, "::1");
  EXPECT_EQ(g->host_header, "[::1]:9091");
  EXPECT_EQ(g->path_prefix, "");

  g = ParseGatewayUrl("gw:9091");  // no scheme: http, as client_golang's push.New
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_FALSE(g->tls);
  EXPECT_EQ(g->port, 9091);
  g = ParseGatewayUrl("http://gw");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->port, 80);
}

TEST(PushUrl, RejectsBadUrlsNamingTheFlag) {
  for (const char* bad : {"ftp://gw:21", "http://", "http://:9091", "http://gw:", "http://gw:0", "http://gw:70000",
                          "http://gw:port", "http://user:pw@gw:9091", "http://gw:9091/?x=1", "http://gw/#f",
                          "http://[::1:9091", "http://::1:9091", "http://g w:9091"}) {
    auto g = ParseGatewayUrl(bad);
    ASSERT_FALSE(g) << bad;
    EXPECT_NE(g.error().message.find("--push.gateway-url"), std::string::npos) << g.error().message;
  }
}

// ---- flags ----

Result<PushOptions> FromArgs(std::vector<std::string> args) {
  FlagSet f;
  DeclarePushFlags(f);
  auto v = f.Parse(args);
  if (!v) return std::unexpected(v.error());
  return PushOptionsFromFlags(*v, "myhost");
}

class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    char tmpl[] = "/tmp/he_push_test_XXXXXX";
    int fd = mkstemp(tmpl);
    path_ = tmpl;
    if (fd >= 0) {
      (void)!write(fd, content.data(), content.size());
      close(fd);
    }
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(PushFlags, DefaultsAndDisabled) {
  auto o = FromArgs({});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_FALSE(o->enabled());
  EXPECT_EQ(o->interval, 15s);
  EXPECT_EQ(o->timeout, 10s);
  EXPECT_EQ(o->job, "node");
  EXPECT_EQ(o->grouping, (GroupingLabels{{"instance", "myhost"}}));
  EXPECT_FALSE(o->delete_on_shutdown);
}

TEST(PushFlags, GroupingLabelsKeepOrderAndInstanceOverridesHostName) {
  auto o = FromArgs({"--push.gateway-url=http://127.0.0.1:9091", "--push.interval=1m30s", "--push.job=edge",
                     "--push.grouping-label=dc=eu=1", "--push.grouping-label=instance=", "--push.timeout=250ms",
                     "--push.delete-on-shutdown"});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_TRUE(o->enabled());
  EXPECT_EQ(o->interval, 90s);
  EXPECT_EQ(o->timeout, 250ms);
  EXPECT_EQ(o->job, "edge");
  EXPECT_EQ(o->grouping, (GroupingLabels{{"dc", "eu=1"}, {"instance", ""}}));
  EXPECT_TRUE(o->delete_on_shutdown);
}

TEST(PushFlags, InvalidValuesNameTheFlag) {
  TempFile pw("secret\n");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--push.interval=0s"}, "--push.interval"},
      {{"--push.interval=soon"}, "--push.interval"},
      {{"--push.interval=-5s"}, "--push.interval"},
      {{"--push.timeout=0"}, "--push.timeout"},
      {{"--push.job="}, "--push.job"},
      {{"--push.grouping-label=novalue"}, "--push.grouping-label"},
      {{"--push.grouping-label=1bad=x"}, "--push.grouping-label"},
      {{"--push.grouping-label=__reserved=x"}, "--push.grouping-label"},
      {{"--push.grouping-label=job=x"}, "--push.grouping-label"},
      {{"--push.grouping-label=a=1", "--push.grouping-label=a=2"}, "--push.grouping-label"},
      {{"--push.basic-auth-password-file=" + pw.path()}, "--push.basic-auth-password-file"},
      {{"--push.basic-auth-username=u", "--push.basic-auth-password-file=/nonexistent/pw"},
       "--push.basic-auth-password-file"},
      {{"--push.tls.cert-file=/x.pem"}, "--push.tls.key-file"},
      {{"--push.gateway-url=http://gw:9091", "--push.tls.ca-file=/ca.pem"}, "--push.tls.ca-file"},
      {{"--push.gateway-url=http://gw:9091", "--push.tls.insecure-skip-verify"}, "--push.tls.insecure-skip-verify"},
      {{"--push.gateway-url=gopher://gw"}, "--push.gateway-url"},
  };
  for (const auto& [args, flag] : cases) {
    auto o = FromArgs(args);
    ASSERT_FALSE(o) << args[0];
    EXPECT_NE(o.error().message.find(flag), std::string::npos) << o.error().message;
  }
}

TEST(PushFlags, BadTlsFilesStopCreateNamingTheFlag) {
  TempFile junk("not a certificate\n");
  PushOptions o;
  o.gateway_url = "https://127.0.0.1:1";
  o.tls_ca_file = junk.path();
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return ""; });
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("--push.tls.ca-file"), std::string::npos) << p.error().message;
  o.tls_ca_file = "/nonexistent/ca.pem";
  p = Pusher::Create(o, [](auto) -> Result<std::string> { return ""; });
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("--push.tls.ca-file"), std::string::npos) << p.error().message;
  o.tls_ca_file.clear();
  o.tls_cert_file = junk.path();
  o.tls_key_file = junk.path();
  p = Pusher::Create(o, [](auto) -> Result<std::string> { return ""; });
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("--push.tls.cert-file"), std::string::npos) << p.error().message;
}

// ---- backoff ----

TEST(PushBackoff, FullJitterWithinExponentialCap) {
  const std::chrono::milliseconds initial = 100ms, max = 5s;
  for (int retry = 0; retry < 70; ++retry) {
    double cap_ms = std::min(100.0 * std::ldexp(1.0, std::min(retry, 60)), 5000.0);
    EXPECT_EQ(BackoffDelay(retry, initial, max, 0.0), 0ms);
    for (double u : {0.25, 0.5, 0.999999}) {
      auto d = BackoffDelay(retry, initial, max, u);
      EXPECT_GE(d.count(), static_cast<long>(u * cap_ms) - 1) << retry;
      EXPECT_LE(d.count(), static_cast<long>(cap_ms)) << retry;
      EXPECT_LE(d, max);
    }
  }
  EXPECT_EQ(BackoffDelay(0, initial, max, 0.5), 50ms);
  EXPECT_EQ(BackoffDelay(3, initial, max, 0.5), 400ms);
  EXPECT_EQ(BackoffDelay(10, initial, max, 0.5), 2500ms);
}

// ---- against a fake gateway ----

struct Received {
  std::string method, path, body, content_type, authorization;
  Clock::time_point at;
};

// An httplib::Server on 127.0.0.1 that records every request and answers with
// the status `status_for(n)` for the n-th request (0-based).
class FakeGateway {
 public:
  explicit FakeGateway(std::function<int(std::size_t)> status_for = [](std::size_t) { return 200; })
      : status_for_(std::move(status_for)) {
    auto handle = [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      got_.push_back({req.method, req.path, req.body, req.get_header_value("Content-Type"),
                      req.get_header_value("Authorization"), Clock::now()});
      res.status = status_for_(got_.size() - 1);
      if (res.status >= 400) res.set_content("gateway says no\n", "text/plain");
    };
    srv_.Put(".*", handle);
    srv_.Delete(".*", handle);
    port_ = srv_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { srv_.listen_after_bind(); });
    for (int i = 0; i < 500 && !srv_.is_running(); ++i) std::this_thread::sleep_for(2ms);
  }
  ~FakeGateway() {
    srv_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Received> got() const {
    std::lock_guard lock(mu_);
    return got_;
  }
  // Waits (bounded) until at least n requests arrived.
  bool WaitFor(std::size_t n, std::chrono::milliseconds limit = 5s) const {
    auto end = Clock::now() + limit;
    while (Clock::now() < end) {
      if (got().size() >= n) return true;
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }

 private:
  std::function<int(std::size_t)> status_for_;
  httplib::Server srv_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<Received> got_;
};

PushOptions Options(const std::string& url) {
  PushOptions o;
  o.gateway_url = url;
  o.job = "node";
  o.grouping = {{"instance", "host/1"}, {"dc", "eu"}};
  o.interval = 10s;
  o.timeout = 2s;
  o.retry_initial = 10ms;
  o.retry_max = 100ms;
  return o;
}

TEST(Pusher, PutsTheBodyToTheGroupAndReportsSelfMetrics) {
  FakeGateway gw;
  auto o = Options(gw.url() + "/prefix/");
  o.interval = 50ms;
  int calls = 0;
  auto p = Pusher::Create(o, [&calls](std::chrono::milliseconds timeout) -> Result<std::string> {
    EXPECT_EQ(timeout, 2s);  // the push timeout is the scrape deadline
    return "node_load1 0.5\n# push " + std::to_string(++calls) + "\n";
  });
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ((*p)->url(), gw.url() + "/prefix/metrics/job/node/instance@base64/aG9zdC8x/dc/eu");
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(3));
  (*p)->Stop();
  auto got = gw.got();
  ASSERT_GE(got.size(), 3u);
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].method, "PUT");  // PUT replaces the whole group (POST would merge)
    EXPECT_EQ(got[i].path, "/prefix/metrics/job/node/instance@base64/aG9zdC8x/dc/eu");
    EXPECT_EQ(got[i].body, "node_load1 0.5\n# push " + std::to_string(i + 1) + "\n");  // fresh body each time
    EXPECT_EQ(got[i].content_type, "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(got[i].authorization, "");
  }
  // Pushes are an interval apart, not back to back.
  EXPECT_GE(got[2].at - got[0].at, 80ms);
  auto s = (*p)->stats();
  EXPECT_EQ(s.success, got.size());
  EXPECT_EQ(s.failure, 0u);
  EXPECT_GT(s.last_success_seconds, 1.6e9);
  EXPECT_GT(s.last_duration_seconds, 0.0);
  EXPECT_LT(s.last_duration_seconds, 2.0);

  std::vector<prometheus::MetricFamily> fams;
  (*p)->AppendMetrics(fams);
  ASSERT_EQ(fams.size(), 3u);
  EXPECT_EQ(fams[0].name, "host_exporter_push_total");
  ASSERT_EQ(fams[0].metric.size(), 2u);
  EXPECT_EQ(fams[0].metric[0].label[0].value, "success");
  EXPECT_EQ(fams[0].metric[0].counter.value, static_cast<double>(got.size()));
  EXPECT_EQ(fams[1].name, "host_exporter_push_last_success_timestamp_seconds");
  EXPECT_EQ(fams[2].name, "host_exporter_push_duration_seconds");
}

TEST(Pusher, SendsBasicAuthWithThePasswordFileReadBeforeEachPush) {
  FakeGateway gw;
  TempFile pw("s3cret\n");
  auto o = Options(gw.url());
  o.username = "pusher";
  o.password_file = pw.path();
  o.interval = 30ms;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p) << p.error().message;
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(1));
  {
    std::ofstream(pw.path()) << "rotated\n";
  }
  auto n = gw.got().size();
  ASSERT_TRUE(gw.WaitFor(n + 2));
  (*p)->Stop();
  auto got = gw.got();
  EXPECT_EQ(got.front().authorization, "Basic cHVzaGVyOnMzY3JldA==");
  EXPECT_EQ(got.back().authorization, "Basic cHVzaGVyOnJvdGF0ZWQ=");
}

TEST(Pusher, RetriesServerErrorsWithBackoffThenSucceeds) {
  FakeGateway gw([](std::size_t n) { return n < 2 ? 503 : 200; });
  auto o = Options(gw.url());
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(3, 3s));  // well before the 10 s interval
  std::this_thread::sleep_for(100ms);
  (*p)->Stop();
  auto got = gw.got();
  EXPECT_EQ(got.size(), 3u);
  for (const auto& r : got) EXPECT_EQ(r.body, "up 1\n");
  auto s = (*p)->stats();
  EXPECT_EQ(s.failure, 2u);
  EXPECT_EQ(s.success, 1u);
}

TEST(Pusher, DoesNotRetryClientErrors) {
  FakeGateway gw([](std::size_t) { return 400; });
  auto p = Pusher::Create(Options(gw.url()), [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(1));
  std::this_thread::sleep_for(300ms);  // 30x the first backoff
  (*p)->Stop();
  EXPECT_EQ(gw.got().size(), 1u);
  EXPECT_EQ((*p)->stats().failure, 1u);
  EXPECT_EQ((*p)->stats().success, 0u);
}

TEST(Pusher, RetriesAreBoundedByCountAndByTheNextInterval) {
  {  // count: 1 + max_retries attempts per push
    FakeGateway gw([](std::size_t) { return 503; });
    auto o = Options(gw.url());
    o.max_retries = 2;
    auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
    ASSERT_TRUE(p);
    (*p)->Start();
    ASSERT_TRUE(gw.WaitFor(3));
    std::this_thread::sleep_for(400ms);
    (*p)->Stop();
    EXPECT_EQ(gw.got().size(), 3u);
  }
  {  // time: with unlimited retries, push k's retries stop when push k+1 is due
    FakeGateway gw([](std::size_t) { return 503; });
    auto o = Options(gw.url());
    o.interval = 250ms;
    o.max_retries = 1000;
    o.retry_initial = 5ms;
    o.retry_max = 20ms;
    std::atomic<int> seq{0};
    auto p = Pusher::Create(o, [&seq](auto) -> Result<std::string> { return std::to_string(seq++); });
    ASSERT_TRUE(p);
    auto t0 = Clock::now();
    (*p)->Start();
    std::this_thread::sleep_for(1250ms);
    (*p)->Stop();
    auto elapsed = Clock::now() - t0;
    auto got = gw.got();
    int pushes = seq.load();
    EXPECT_GE(pushes, 3);
    EXPECT_LE(pushes, elapsed / o.interval + 1);  // one body per interval, however many retries
    ASSERT_FALSE(got.empty());
    auto first = got.front().at;
    std::map<int, int> attempts;
    for (const auto& r : got) {
      int k = std::stoi(r.body);
      ++attempts[k];
      // Every attempt of push k starts before push k+1 is due (plus scheduling slack).
      EXPECT_LT(r.at - first, (k + 1) * o.interval + 100ms) << "push " << k;
    }
    EXPECT_GE(attempts[0], 3);  // it did retry
  }
}

// A socket that accepts connections (in the kernel backlog) and never answers.
class Blackhole {
 public:
  Blackhole() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    listen(fd_, 64);
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~Blackhole() { close(fd_); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST(Pusher, TimesOutOnAGatewayThatNeverAnswers) {
  Blackhole bh;
  auto o = Options(bh.url());
  o.timeout = 300ms;
  o.max_retries = 0;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  auto end = Clock::now() + 5s;
  while ((*p)->stats().failure == 0 && Clock::now() < end) std::this_thread::sleep_for(10ms);
  (*p)->Stop();
  auto s = (*p)->stats();
  EXPECT_EQ(s.failure, 1u);
  EXPECT_EQ(s.success, 0u);
  EXPECT_GE(s.last_duration_seconds, 0.25);
  EXPECT_LT(s.last_duration_seconds, 2.0);
}

TEST(Pusher, TimeoutIsTotalEvenWhenTheGatewayTrickles) {
  // Accepts, then sends one header byte every 50 ms: no single read waits long,
  // so only a total deadline ends the request.
  Blackhole bh;
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    pollfd pfd{bh.fd(), POLLIN, 0};
    if (poll(&pfd, 1, 5000) != 1) return;
    int c = accept4(bh.fd(), nullptr, nullptr, SOCK_CLOEXEC);
    if (c < 0) return;
    std::string head = "HTTP/1.1 200 OK\r\nX-Slow: ";
    (void)!send(c, head.data(), head.size(), MSG_NOSIGNAL);
    for (int i = 0; i < 200 && !done; ++i) {
      if (send(c, "a", 1, MSG_NOSIGNAL) != 1) break;
      std::this_thread::sleep_for(50ms);
    }
    close(c);
  });
  auto o = Options(bh.url());
  o.timeout = 500ms;
  o.max_retries = 0;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  auto end = Clock::now() + 5s;
  while ((*p)->stats().failure == 0 && Clock::now() < end) std::this_thread::sleep_for(10ms);
  (*p)->Stop();
  done = true;
  trickle.join();
  auto s = (*p)->stats();
  EXPECT_EQ(s.failure, 1u);
  EXPECT_GE(s.last_duration_seconds, 0.45);
  EXPECT_LT(s.last_duration_seconds, 2.0);
}

TEST(Pusher, StopAbortsAPushInFlightPromptly) {
  Blackhole bh;
  auto o = Options(bh.url());
  o.timeout = 30s;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  std::this_thread::sleep_for(200ms);  // the request is now waiting for an answer
  auto t0 = Clock::now();
  (*p)->Stop();
  EXPECT_LT(Clock::now() - t0, 2s);
  EXPECT_EQ((*p)->stats().success, 0u);
}

TEST(Pusher, StopWakesTheIntervalWaitAtOnce) {
  FakeGateway gw;
  auto o = Options(gw.url());
  o.interval = 1h;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(1));
  auto t0 = Clock::now();
  (*p)->Stop();
  EXPECT_LT(Clock::now() - t0, 2s);
  (*p)->Stop();  // idempotent
}

TEST(Pusher, DeletesTheGroupOnShutdownWhenAsked) {
  FakeGateway gw([](std::size_t n) { return n == 0 ? 200 : 202; });
  auto o = Options(gw.url());
  o.delete_on_shutdown = true;
  auto p = Pusher::Create(o, [](auto) -> Result<std::string> { return "up 1\n"; });
  ASSERT_TRUE(p);
  (*p)->Start();
  ASSERT_TRUE(gw.WaitFor(1));
  (*p)->Stop();
  auto got = gw.got();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].method, "DELETE");
  EXPECT_EQ(got[1].path, got[0].path);
  EXPECT_EQ(got[1].body, "");
}

TEST(Pusher, FailedCollectionCountsAsFailureAndSendsNothing) {
  FakeGateway gw;
  auto o = Options(gw.url());
  o.interval = 30ms;
  std::atomic<int> calls{0};
  auto p = Pusher::Create(o, [&calls](auto) -> Result<std::string> {
    ++calls;
    return Fail(ErrorKind::kIo, "scrape answered 503");
  });
  ASSERT_TRUE(p);
  (*p)->Start();
  auto end = Clock::now() + 5s;
  while (calls < 3 && Clock::now() < end) std::this_thread::sleep_for(5ms);
  (*p)->Stop();
  EXPECT_GE(calls.load(), 3);
  EXPECT_TRUE(gw.got().empty());
  EXPECT_GE((*p)->stats().failure, 3u);
}

std::size_t HeapInUse() {
#ifdef HE_SANITIZER_HEAP
  return __sanitizer_get_current_allocated_bytes();
#else
  struct mallinfo2 mi = mallinfo2();  // all arenas, plus mmapped chunks
  return mi.uordblks + mi.hblkhd;
#endif
}

TEST(Pusher, NoMemoryGrowthWhileTheGatewayIsDown) {
  int port;
  {
    Blackhole closed;  // a port nobody listens on once closed: connection refused
    port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
  }
  auto o = Options("http://127.0.0.1:" + std::to_string(port));
  o.interval = 20ms;
  o.retry_initial = 1ms;
  o.retry_max = 4ms;
  o.max_retries = 3;
  constexpr std::size_t kBody = 1 << 20;
  std::atomic<int> bodies{0};
  auto p = Pusher::Create(o, [&bodies](auto) -> Result<std::string> {
    ++bodies;
    return std::string(kBody, 'x');
  });
  ASSERT_TRUE(p);
  (*p)->Start();
  std::this_thread::sleep_for(100ms);  // warmed up
  std::size_t base = HeapInUse(), peak = base;
  auto end = Clock::now() + 1500ms;
  while (Clock::now() < end) {
    peak = std::max(peak, HeapInUse());
    std::this_thread::sleep_for(5ms);
  }
  (*p)->Stop();
  EXPECT_GE(bodies.load(), 30);  // about one body per 20 ms interval...
  EXPECT_GT((*p)->stats().failure, 30u);
  // ...yet never more than a couple alive at once: nothing queues up.
  EXPECT_LT(peak - base, 4 * kBody) << "bodies " << bodies.load();
}

}  // namespace
}  // namespace host_exporter
