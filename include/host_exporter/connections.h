// Connection handling for the HTTP server, built under cpp-httplib's request
// parser: an epoll reactor owns every connection that is not being served —
// TLS handshakes, idle keep-alive connections, and requests whose head has not
// fully arrived (slow-header clients) — so none of them holds a thread. Only a
// connection with a complete request head is handed to one of a fixed number
// of worker threads, which runs httplib's request processing and gives the
// connection back. Open connections are capped (idle ones are shed first);
// complete requests waiting for a worker are capped too (beyond: 503 at once).
// Thread safety: Adopt/Stop and the counters may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <httplib.h>

#include "host_exporter/worker_pool.h"

namespace host_exporter {

struct ConnectionLimits {
  std::size_t max_connections = 1024;              // open connections in all
  std::chrono::milliseconds header_timeout{10000};  // a request head (and TLS handshake) must arrive within
  std::chrono::milliseconds idle_timeout{300000};   // keep-alive connection with no request
  std::chrono::milliseconds io_timeout{30000};      // a body read or response write stalls this long
  std::size_t max_header_bytes = 32768;            // request line + headers
  std::size_t workers = 8;                         // threads running request handlers
  std::size_t max_queued = 64;                     // complete requests waiting for a worker
  std::size_t max_requests_per_connection = 10000;
};

// Supplies the TLS context for each new connection; nullptr means plain HTTP.
class TlsContextSource {
 public:
  virtual ~TlsContextSource() = default;
  // A reference the caller owns (SSL_CTX_free it), or nullptr on failure (logged).
  virtual SSL_CTX* NewConnectionContext() = 0;
};

class ConnectionManager;

// An httplib::Server whose accepted sockets go to a ConnectionManager.
class ReactorServer : public httplib::Server {
 public:
  explicit ReactorServer(ConnectionManager& mgr);
  // Parses and answers one request from `strm` (httplib's process_request).
  bool ServeOne(httplib::Stream& strm, bool close_connection, bool& connection_closed, SSL* ssl);

 private:
  bool process_and_close_socket(socket_t sock) override;
  ConnectionManager& mgr_;
};

class ConnectionManager {
 public:
  ConnectionManager(ConnectionLimits limits, TlsContextSource* tls);
  ~ConnectionManager();
  ConnectionManager(const ConnectionManager&) = delete;
  ConnectionManager& operator=(const ConnectionManager&) = delete;

  // Takes ownership of an accepted socket.
  void Adopt(int fd, ReactorServer* server);
  // Closes every connection the reactor holds and stops its thread. Idempotent.
  void Stop();

  std::size_t open_connections() const { return open_.load(); }
  const ConnectionLimits& limits() const { return limits_; }

  // Set by a request handler that leaves unread request data behind (a refused
  // body): the connection is closed after the response.
  static void CloseAfterResponse();

 private:
  struct Conn;
  enum class Progress { kWaiting, kReady, kClose };

  void Loop();
  void Wake();
  void Watch(std::unique_ptr<Conn> c);     // reactor thread: wait for bytes
  Progress Advance(Conn& c);               // reactor thread: handshake / read
  void Dispatch(std::unique_ptr<Conn> c);  // reactor thread: to a worker
  void Serve(std::unique_ptr<Conn> c);     // worker thread
  void Close(std::unique_ptr<Conn> c);
  void Refuse(Conn& c, int status, const char* reason);
  bool ShedIdle();

  const ConnectionLimits limits_;
  TlsContextSource* tls_;
  int epfd_ = -1;
  int evfd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> open_{0};
  std::atomic<std::size_t> queued_{0};

  std::mutex mu_;  // guards the hand-over lists
  std::vector<std::pair<int, ReactorServer*>> adopted_;
  std::vector<std::unique_ptr<Conn>> returned_;

  std::unordered_map<int, std::unique_ptr<Conn>> watched_;  // reactor thread only
  std::unique_ptr<WorkerPool> workers_;
  std::thread loop_;
};

}  // namespace host_exporter
