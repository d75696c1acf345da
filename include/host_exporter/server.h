// HTTP serving of the exporter over cpp-httplib: one server per listen address
// (or the sockets systemd passed, --web.systemd-socket). GET/HEAD only (405
// otherwise), "/" landing page, the telemetry path, 404 for the rest; gzip when
// the client accepts it; no exception text reaches clients. --web.config.file adds
// TLS, response headers, basic auth and a rate limit (exporter-toolkit's format).
// Thread safety: Start/Stop/Wait from one controlling thread; handlers run on
// the servers' worker threads.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "host_exporter/connections.h"
#include "host_exporter/exporter.h"
#include "host_exporter/gzip.h"
#include "host_exporter/result.h"
#include "host_exporter/single_flight.h"
#include "host_exporter/tls_context.h"
#include "host_exporter/web_auth.h"
#include "host_exporter/web_config.h"

namespace host_exporter {

struct ListenAddress {
  std::string host;  // "" means every address (dual-stack "::", else "0.0.0.0")
  int port = 0;
};
// Go's net.SplitHostPort forms: ":9100", "0.0.0.0:9100", "[::1]:9100", "localhost:9100".
Result<ListenAddress> ParseListenAddress(std::string_view addr);

struct ServerOptions {
  std::vector<std::string> listen_addresses{":9100"};
  std::string telemetry_path = "/metrics";
  ConnectionLimits limits;
  std::string web_config_file;  // "" for plain HTTP without auth
  bool systemd_socket = false;  // serve activated_fds instead of listen_addresses
  std::vector<int> activated_fds;  // listening sockets from TakeListenFds()
  int gzip_level = 1;              // of /metrics responses (--web.gzip-level)
};

// Listen addresses, telemetry path and connection limits from the flags.
Result<ServerOptions> ServerOptionsFromFlags(const FlagValues& flags, const ExporterOptions& opts);

class HttpServer {
 public:
  // Binds every address (failing with a message naming the address if one is in
  // use) and starts serving on background threads.
  static Result<std::unique_ptr<HttpServer>> Start(Exporter& exporter, ServerOptions opts);
  ~HttpServer();
  void Stop();
  // Bound ports, in listen-address (or activated socket) order (useful with port 0).
  const std::vector<int>& ports() const { return ports_; }

  std::string LandingPage() const;

 private:
  HttpServer(Exporter& exporter, ServerOptions opts);
  void Configure(httplib::Server& srv);
  Status StartActivated();
  void AcceptLoop();

  Exporter& exporter_;
  ServerOptions opts_;
  // Declared before connections_: connections use them until they are closed.
  std::unique_ptr<WebConfigSource> web_config_;
  std::unique_ptr<ReloadingTlsContext> tls_;
  std::unique_ptr<RequestGate> gate_;
  std::unique_ptr<ConnectionManager> connections_;
  std::unique_ptr<GzipPool> gzip_;
  SingleFlight<MetricsResponse> responses_;  // /metrics responses of overlapping identical requests
  int accept_stop_fd_ = -1;  // eventfd that ends AcceptLoop
  std::thread accept_thread_;
  std::vector<std::unique_ptr<ReactorServer>> servers_;
  std::unique_ptr<ReactorServer> activated_server_;  // routes for connections on activated_fds
  std::vector<std::thread> threads_;
  std::vector<int> ports_;
};

}  // namespace host_exporter
