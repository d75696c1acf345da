#include "host_exporter/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "host_exporter/log.h"
#include "host_exporter/text.h"

namespace host_exporter {
namespace {

// True when an Accept-Encoding value accepts gzip with a non-zero quality.
bool AcceptsGzip(std::string_view header) {
  for (auto part : Split(header, ',')) {
    auto pieces = Split(part, ';');
    auto coding = Trim(pieces[0]);
    if (coding != "gzip" && coding != "x-gzip" && coding != "*") continue;
    double q = 1;
    for (std::size_t i = 1; i < pieces.size(); ++i) {
      auto p = Trim(pieces[i]);
      if (p.starts_with("q=")) {
        auto v = ParseDouble(p.substr(2));
        q = v ? *v : 0;
      }
    }
    if (q > 0) return true;
  }
  return false;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

Result<ListenAddress> ParseListenAddress(std::string_view addr) {
  auto bad = [&](std::string why) {
    return Fail(ErrorKind::kInvalidArgument,
                "flag --web.listen-address: invalid address \"" + std::string(addr) + "\": " + why);
  };
  std::size_t colon = addr.rfind(':');
  if (colon == std::string_view::npos) return bad("missing port");
  std::string_view host = addr.substr(0, colon);
  std::string_view port = addr.substr(colon + 1);
  if (host.starts_with('[')) {
    if (!host.ends_with(']')) return bad("missing ']'");
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad("too many colons (bracket IPv6 addresses: [::1]:9100)");
  }
  auto p = ParseUint(port);
  if (!p || *p > 65535) return bad("invalid port \"" + std::string(port) + "\"");
  return ListenAddress{std::string(host), static_cast<int>(*p)};
}

HttpServer::HttpServer(Exporter& exporter, ServerOptions opts)
    : exporter_(exporter), opts_(std::move(opts)), gzip_(std::make_unique<GzipPool>(opts_.gzip_level)) {}

Result<ServerOptions> ServerOptionsFromFlags(const FlagValues& flags, const ExporterOptions& opts) {
  ServerOptions so;
  so.listen_addresses = flags.GetStrings("web.listen-address");
  for (const auto& a : so.listen_addresses) {
    if (auto la = ParseListenAddress(a); !la) return std::unexpected(la.error());
  }
  so.telemetry_path = flags.GetString("web.telemetry-path");
  if (so.telemetry_path.empty() || so.telemetry_path.front() != '/') {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.telemetry-path: must start with '/', got \"" +
                                                 so.telemetry_path + "\"");
  }
  auto maxc = ParseUint(flags.GetString("web.max-connections"));
  if (!maxc || *maxc < 1) {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.max-connections: expected a positive integer, got \"" +
                                                 flags.GetString("web.max-connections") + "\"");
  }
  so.limits.max_connections = *maxc;
  for (const char* name : {"web.read-header-timeout", "web.idle-timeout"}) {
    auto d = ParseGoDuration(flags.GetString(name));
    if (!d || d->count() <= 0) {
      return Fail(ErrorKind::kInvalidArgument, std::string("flag --") + name + ": expected a positive duration, got \"" +
                                                   flags.GetString(name) + "\"");
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
    (std::string_view(name) == "web.idle-timeout" ? so.limits.idle_timeout : so.limits.header_timeout) = ms;
  }
  auto level = ParseUint(flags.GetString("web.gzip-level"));
  if (!level || *level < 1 || *level > 9) {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.gzip-level: expected 1 to 9, got \"" +
                                                 flags.GetString("web.gzip-level") + "\"");
  }
  so.gzip_level = static_cast<int>(*level);
  // Enough workers that a scrape over --web.max-requests is answered 503 at once.
  so.limits.workers = opts.max_requests > 0 ? opts.max_requests + 4 : 64;
  so.limits.max_queued = std::max<std::size_t>(64, so.limits.workers);
  so.web_config_file = flags.GetString("web.config.file");
  so.systemd_socket = flags.GetBool("web.systemd-socket");
  return so;
}

std::string HttpServer::LandingPage() const {
  std::string path = HtmlEscape(opts_.telemetry_path);
  std::string html =
      "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">\n"
      "    <title>Host Exporter</title>\n  </head>\n  <body>\n"
      "    <h1>Host Exporter</h1>\n"
      "    <p>Prometheus host metrics exporter, compatible with node_exporter</p>\n"
      "    <h2>Version: " + HtmlEscape(kVersion) + "</h2>\n"
      "    <ul>\n      <li><a href=\"" + path + "\">Metrics</a></li>\n    </ul>\n"
      "    <h2>Enabled collectors</h2>\n    <ul>\n";
  for (const auto& c : exporter_.enabled()) html += "      <li>" + HtmlEscape(c) + "</li>\n";
  html += "    </ul>\n  </body>\n</html>\n";
  return html;
}

void HttpServer::Configure(httplib::Server& srv) {
  // Only SO_REUSEADDR: the default SO_REUSEPORT would let a second instance share the port.
  srv.set_socket_options([](socket_t sock) {
    int yes = 1, no = 0;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_IPV6, IPV6_V6ONLY, &no, sizeof no);  // fails harmlessly on IPv4
  });
  srv.set_payload_max_length(64 * 1024);
  // httplib writes "Keep-Alive: timeout=T, max=M" from these two (its
  // defaults, 5 s and 5 requests, are not what the reactor does): the idle
  // timeout in whole seconds and the requests a connection may carry.
  auto idle = std::chrono::ceil<std::chrono::seconds>(opts_.limits.idle_timeout);
  srv.set_keep_alive_timeout(std::max<time_t>(1, static_cast<time_t>(idle.count())));
  srv.set_keep_alive_max_count(opts_.limits.max_requests_per_connection);

  srv.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // A request body is never read: close the connection after answering, so the
    // unread bytes are not taken for the next request.
    if (req.has_header("Transfer-Encoding") || (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
      ConnectionManager::CloseAfterResponse();
    }
    // exporter-toolkit's order: rate limit, configured headers, basic auth.
    if (gate_) {
      Admission a = gate_->Admit(req.get_header_value("Authorization"));
      for (const auto& [k, v] : a.headers) res.set_header(k, v);
      if (a.status != 0) {
        res.status = a.status;
        if (!res.has_header("X-Content-Type-Options")) res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(a.body, "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.method != "GET" && req.method != "HEAD") {
      ConnectionManager::CloseAfterResponse();
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("Method Not Allowed\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib compresses on any mention of gzip (even q=0) and prefers brotli;
    // rewrite the header so it does exactly what the client asked: gzip or nothing.
    auto& headers = const_cast<httplib::Headers&>(req.headers);
    bool gzip = AcceptsGzip(req.get_header_value("Accept-Encoding"));
    headers.erase("Accept-Encoding");
    if (gzip) headers.emplace("Accept-Encoding", "gzip");
    return httplib::Server::HandlerResponse::Unhandled;
  });

  srv.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      log::Error("request handler failed", {{"err", e.what()}});
    } catch (...) {
      log::Error("request handler failed", {{"err", "unknown exception"}});
    }
    res.status = 500;
    res.set_content("Internal Server Error\n", "text/plain; charset=utf-8");
  });

  srv.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.path == opts_.telemetry_path) {
      std::vector<std::string> collect, exclude;
      for (std::size_t i = 0, n = req.get_param_value_count("collect[]"); i < n; ++i) {
        collect.push_back(req.get_param_value("collect[]", i));
      }
      for (std::size_t i = 0, n = req.get_param_value_count("exclude[]"); i < n; ++i) {
        exclude.push_back(req.get_param_value("exclude[]", i));
      }
      std::optional<double> timeout;
      if (req.has_header("X-Prometheus-Scrape-Timeout-Seconds")) {
        if (auto v = ParseDouble(Trim(req.get_header_value("X-Prometheus-Scrape-Timeout-Seconds"))); v) {
          timeout = *v;
        }
      }
      // Admitted and counted one by one (--web.max-requests holds per request);
      // requests that overlap with an identical one in progress (same
      // collectors, scrape timeout and encoding: concurrent scrapers, an HA
      // pair of Prometheus servers) share its scrape, serialization and
      // compression instead of repeating them, so many clients at once cost
      // about what one does, in CPU and in memory. Nothing is kept once sent:
      // a shared response was still being made when the request came, as with
      // collector runs shared by the scraper.
      Exporter::Admission admission = exporter_.Admit();
      if (admission.refusal) {
        res.status = admission.refusal->status;
        res.set_content(std::move(admission.refusal->body), admission.refusal->content_type.c_str());
        return;
      }
      const bool gzip = req.get_header_value("Accept-Encoding") == "gzip";
      std::string key;
      auto add = [&key](std::string_view part) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
      };
      add(gzip ? "gzip" : "identity");
      add(timeout ? std::to_string(*timeout) : "");
      add(std::to_string(collect.size()));
      for (const auto& c : collect) add(c);
      for (const auto& x : exclude) add(x);
      auto flight = responses_.Do(key, [&] {
        MetricsResponse r = exporter_.Build(collect, exclude, timeout);
        // Compressed here rather than by httplib, with a reused deflate state
        // at --web.gzip-level (httplib makes a new one per response, at level 6).
        if (gzip) r.body = gzip_->Compress(r.body);
        return r;
      });
      exporter_.Answered(flight.value->status, flight.shared);
      const std::shared_ptr<const MetricsResponse>& r = flight.value;
      res.status = r->status;
      res.set_header("Vary", "Accept-Encoding");
      if (gzip) {
        const_cast<httplib::Headers&>(req.headers).erase("Accept-Encoding");
        res.set_header("Content-Encoding", "gzip");
      }
      // A copy per request: httplib's content providers write nothing on the
      // server for systemd-activated sockets, which never listen() itself.
      res.set_content(r->body, r->content_type.c_str());
      return;
    }
    if (req.path == "/") {
      res.set_content(LandingPage(), "text/html; charset=UTF-8");
      return;
    }
    res.status = 404;
    res.set_content("404 page not found\n", "text/plain; charset=utf-8");
  });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(Exporter& exporter, ServerOptions opts) {
  std::unique_ptr<HttpServer> hs(new HttpServer(exporter, std::move(opts)));
  bool tls = false;
  if (!hs->opts_.web_config_file.empty()) {
    auto wc = WebConfigSource::Open(hs->opts_.web_config_file);
    if (!wc) return std::unexpected(wc.error());
    hs->web_config_ = std::move(*wc);
    auto current = hs->web_config_->Current();
    if (current->tls.Enabled()) {
      auto t = ReloadingTlsContext::Create(*hs->web_config_);
      if (!t) return std::unexpected(t.error());
      hs->tls_ = std::move(*t);
      tls = true;
    }
    hs->gate_ = std::make_unique<RequestGate>(*hs->web_config_);
    if (current->rate_limit_interval.count() > 0) {
      log::Info("Rate Limiter is enabled.", {{"burst", std::to_string(current->rate_limit_burst)},
                                             {"interval", std::to_string(current->rate_limit_interval.count()) + "ns"}});
    }
  }
  hs->connections_ = std::make_unique<ConnectionManager>(hs->opts_.limits, hs->tls_.get());
  auto log_tls = [tls](const std::string& addr) {
    log::Info(tls ? "TLS is enabled." : "TLS is disabled.", {{"http2", "false"}, {"address", addr}});
  };
  if (hs->opts_.systemd_socket) {
    log::Info("Listening on systemd activated listeners instead of port listeners.");
    if (auto s = hs->StartActivated(); !s) return std::unexpected(s.error());
    for (std::size_t i = 0; i < hs->ports_.size(); ++i) log_tls("fd " + std::to_string(hs->opts_.activated_fds[i]));
    return hs;
  }
  for (const auto& addr : hs->opts_.listen_addresses) {
    auto la = ParseListenAddress(addr);
    if (!la) return std::unexpected(la.error());
    auto srv = std::make_unique<ReactorServer>(*hs->connections_);
    hs->Configure(*srv);
    std::vector<std::string> hosts;
    if (la->host.empty()) {
      hosts = {"::", "0.0.0.0"};  // dual stack where IPv6 exists
    } else {
      hosts = {la->host};
    }
    int port = -1;
    for (const auto& h : hosts) {
      if (la->port == 0) {
        port = srv->bind_to_any_port(h);
      } else {
        port = srv->bind_to_port(h, la->port) ? la->port : -1;
      }
      if (port > 0) break;
    }
    if (port <= 0) {
      return Fail(ErrorKind::kIo, "listen tcp " + addr + ": bind: cannot listen (address already in use or unavailable)");
    }
    log::Info("Listening on", {{"address", addr}});
    log_tls(addr);
    hs->ports_.push_back(port);
    hs->servers_.push_back(std::move(srv));
  }
  for (auto& srv : hs->servers_) {
    ReactorServer* s = srv.get();
    hs->threads_.emplace_back([s] { s->listen_after_bind(); });
  }
  // stop() before the accept loop runs is lost: wait until every server runs.
  for (auto& srv : hs->servers_) {
    while (!srv->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return hs;
}

Status HttpServer::StartActivated() {
  if (opts_.activated_fds.empty()) {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.systemd-socket: no socket activation file descriptors found");
  }
  activated_server_ = std::make_unique<ReactorServer>(*connections_);
  Configure(*activated_server_);
  for (int fd : opts_.activated_fds) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);  // AcceptLoop drains without blocking
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int port = 0;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
      if (ss.ss_family == AF_INET) port = ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
      if (ss.ss_family == AF_INET6) port = ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    }
    log::Info("Listening on", {{"address", "systemd socket fd " + std::to_string(fd)}, {"port", std::to_string(port)}});
    ports_.push_back(port);
  }
  accept_stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (accept_stop_fd_ < 0) return Fail(ErrorKind::kIo, std::string("eventfd: ") + std::strerror(errno));
  accept_thread_ = std::thread([this] { AcceptLoop(); });
  return {};
}

// httplib cannot take an existing listening socket: accept on the activated ones
// here and give each connection to the reactor, as httplib's own accept loop does.
void HttpServer::AcceptLoop() {
  std::vector<pollfd> pfds;
  for (int fd : opts_.activated_fds) pfds.push_back({fd, POLLIN, 0});
  pfds.push_back({accept_stop_fd_, POLLIN, 0});
  for (;;) {
    int r = ::poll(pfds.data(), pfds.size(), -1);
    if (r < 0) {
      if (errno == EINTR) continue;
      log::Error("poll on activated sockets failed", {{"err", std::strerror(errno)}});
      return;
    }
    if (pfds.back().revents != 0) return;
    bool backoff = false;
    for (std::size_t i = 0; i + 1 < pfds.size(); ++i) {
      if (pfds[i].revents == 0) continue;
      for (int n = 0; n < 64; ++n) {  // drain a burst, bounded so no socket starves another
        int c = ::accept4(pfds[i].fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (c >= 0) {
          connections_->Adopt(c, activated_server_.get());
          continue;
        }
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          log::Warn("accept failed", {{"err", std::strerror(errno)}});
          backoff = true;
        }
        break;  // EAGAIN: drained
      }
    }
    if (backoff) {
      // Out of descriptors: wait a little (or for Stop) instead of spinning.
      pollfd stop{accept_stop_fd_, POLLIN, 0};
      if (::poll(&stop, 1, 50) > 0) return;
    }
  }
}

void HttpServer::Stop() {
  if (accept_thread_.joinable()) {
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(accept_stop_fd_, &one, sizeof one);
    accept_thread_.join();
  }
  if (accept_stop_fd_ >= 0) {
    ::close(accept_stop_fd_);
    accept_stop_fd_ = -1;
  }
  for (auto& s : servers_) s->stop();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
  if (connections_) connections_->Stop();
}

HttpServer::~HttpServer() { Stop(); }

}  // namespace host_exporter
