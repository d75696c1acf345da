#include "host_exporter/connections.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "host_exporter/log.h"

namespace host_exporter {

using Clock = std::chrono::steady_clock;

namespace {
thread_local bool tls_close_after_response = false;

int RemainingMs(Clock::time_point deadline) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return ms <= 0 ? 0 : static_cast<int>(std::min<long long>(ms, 1 << 30));
}

bool PollFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int r = ::poll(&p, 1, RemainingMs(deadline));
    if (r > 0) return true;
    if (r == 0) return false;
    if (errno != EINTR) return false;
  }
}

void IpAndPort(const sockaddr_storage& ss, std::string& ip, int& port) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}
}  // namespace

struct ConnectionManager::Conn {
  int fd = -1;
  ReactorServer* server = nullptr;
  SSL* ssl = nullptr;
  bool handshaken = true;
  std::string in;           // received bytes not yet consumed by a request
  Clock::time_point deadline;
  std::uint64_t requests = 0;

  ~Conn() {
    if (ssl != nullptr) SSL_free(ssl);
    if (fd >= 0) ::close(fd);
  }

  bool HeadComplete() const {
    return in.find("\r\n\r\n") != std::string::npos || in.find("\n\n") != std::string::npos;
  }
};

// The stream httplib reads a request from and writes its response to: first the
// bytes the reactor already received, then the socket, with poll()-based timeouts.
class ConnStream final : public httplib::Stream {
 public:
  ConnStream(std::string& in, int fd, SSL* ssl, std::chrono::milliseconds io_timeout)
      : in_(in), fd_(fd), ssl_(ssl), io_timeout_(io_timeout) {}

  std::size_t consumed() const { return pos_; }

  bool is_readable() const override {
    if (pos_ < in_.size() || (ssl_ != nullptr && SSL_pending(ssl_) > 0)) return true;
    return PollFor(fd_, POLLIN, Clock::now() + io_timeout_);
  }
  bool is_writable() const override { return PollFor(fd_, POLLOUT, Clock::now() + io_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ < in_.size()) {
      std::size_t n = std::min(size, in_.size() - pos_);
      std::memcpy(ptr, in_.data() + pos_, n);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    auto deadline = Clock::now() + io_timeout_;
    for (;;) {
      if (ssl_ != nullptr) {
        int r = SSL_read(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 30)));
        if (r > 0) return r;
        int err = SSL_get_error(ssl_, r);
        if (err == SSL_ERROR_ZERO_RETURN) return 0;
        short ev = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (ev == 0 || !PollFor(fd_, ev, deadline)) return -1;
      } else {
        ssize_t r = ::recv(fd_, ptr, size, 0);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !PollFor(fd_, POLLIN, deadline)) return -1;
      }
    }
  }

  ssize_t write(const char* ptr, size_t size) override {
    auto deadline = Clock::now() + io_timeout_;
    for (;;) {
      if (ssl_ != nullptr) {
        int r = SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 30)));
        if (r > 0) return r;
        int err = SSL_get_error(ssl_, r);
        short ev = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
        if (ev == 0 || !PollFor(fd_, ev, deadline)) return -1;
      } else {
        ssize_t r = ::send(fd_, ptr, size, MSG_NOSIGNAL);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !PollFor(fd_, POLLOUT, deadline)) return -1;
      }
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) IpAndPort(ss, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) IpAndPort(ss, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  std::string& in_;
  std::size_t pos_ = 0;
  int fd_;
  SSL* ssl_;
  std::chrono::milliseconds io_timeout_;
};

ReactorServer::ReactorServer(ConnectionManager& mgr) : mgr_(mgr) {
  // Accepted sockets are handed straight to the reactor on the accept thread.
  struct Inline final : httplib::TaskQueue {
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
  };
  new_task_queue = [] { return new Inline(); };
}

bool ReactorServer::process_and_close_socket(socket_t sock) {
  mgr_.Adopt(sock, this);
  return true;
}

bool ReactorServer::ServeOne(httplib::Stream& strm, bool close_connection, bool& connection_closed, SSL* ssl) {
  return process_request(strm, close_connection, connection_closed,
                         [ssl](httplib::Request& req) { req.ssl = ssl; });
}

void ConnectionManager::CloseAfterResponse() { tls_close_after_response = true; }

ConnectionManager::ConnectionManager(ConnectionLimits limits, TlsContextSource* tls)
    : limits_(limits), tls_(tls) {
  epfd_ = ::epoll_create1(EPOLL_CLOEXEC);
  evfd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = evfd_;
  ::epoll_ctl(epfd_, EPOLL_CTL_ADD, evfd_, &ev);
  workers_ = std::make_unique<WorkerPool>(limits_.workers, limits_.workers);
  loop_ = std::thread([this] { Loop(); });
}

ConnectionManager::~ConnectionManager() {
  Stop();
  workers_.reset();  // joins workers; connections they return are closed
  std::lock_guard lock(mu_);
  returned_.clear();
  for (auto& [fd, srv] : adopted_) ::close(fd);
  adopted_.clear();
  ::close(epfd_);
  ::close(evfd_);
}

void ConnectionManager::Stop() {
  if (stopping_.exchange(true)) return;
  Wake();
  if (loop_.joinable()) loop_.join();
}

void ConnectionManager::Wake() {
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(evfd_, &one, sizeof one);
}

void ConnectionManager::Adopt(int fd, ReactorServer* server) {
  if (stopping_.load()) {
    ::close(fd);
    return;
  }
  {
    std::lock_guard lock(mu_);
    adopted_.emplace_back(fd, server);
  }
  Wake();
}

void ConnectionManager::Close(std::unique_ptr<Conn> c) {
  if (c->ssl != nullptr && c->handshaken) SSL_shutdown(c->ssl);  // best effort close_notify
  c.reset();
  open_.fetch_sub(1);
}

void ConnectionManager::Refuse(Conn& c, int status, const char* reason) {
  if (c.ssl != nullptr && !c.handshaken) return;  // nothing can be said before the handshake
  std::string resp = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                     "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                     std::to_string(std::strlen(reason) + 1) + "\r\n\r\n" + reason + "\n";
  if (c.ssl != nullptr) {
    SSL_write(c.ssl, resp.data(), static_cast<int>(resp.size()));
  } else {
    [[maybe_unused]] ssize_t n = ::send(c.fd, resp.data(), resp.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  }
}

bool ConnectionManager::ShedIdle() {
  // The idle keep-alive connection closest to its deadline goes first.
  auto victim = watched_.end();
  for (auto it = watched_.begin(); it != watched_.end(); ++it) {
    if (!it->second->in.empty() || !it->second->handshaken) continue;
    if (victim == watched_.end() || it->second->deadline < victim->second->deadline) victim = it;
  }
  if (victim == watched_.end()) return false;
  ::epoll_ctl(epfd_, EPOLL_CTL_DEL, victim->first, nullptr);
  auto c = std::move(victim->second);
  watched_.erase(victim);
  Close(std::move(c));
  return true;
}

ConnectionManager::Progress ConnectionManager::Advance(Conn& c) {
  if (!c.handshaken) {
    ERR_clear_error();
    int r = SSL_do_handshake(c.ssl);
    if (r != 1) {
      int err = SSL_get_error(c.ssl, r);
      if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) return Progress::kWaiting;
      unsigned long e = ERR_peek_error();
      char buf[256] = "connection closed";
      if (e != 0) ERR_error_string_n(e, buf, sizeof buf);
      log::Debug("TLS handshake failed", {{"err", buf}});
      ERR_clear_error();
      return Progress::kClose;
    }
    c.handshaken = true;
    c.deadline = Clock::now() + limits_.header_timeout;
  }
  char buf[16384];
  for (;;) {
    if (c.HeadComplete()) return Progress::kReady;
    if (c.in.size() > limits_.max_header_bytes) {
      bool line_done = c.in.find('\n') != std::string::npos;
      Refuse(c, line_done ? 431 : 414, line_done ? "Request Header Fields Too Large" : "URI Too Long");
      return Progress::kClose;
    }
    ssize_t n;
    if (c.ssl != nullptr) {
      ERR_clear_error();
      int r = SSL_read(c.ssl, buf, sizeof buf);
      if (r <= 0) {
        int err = SSL_get_error(c.ssl, r);
        ERR_clear_error();
        return (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) ? Progress::kWaiting : Progress::kClose;
      }
      n = r;
    } else {
      n = ::recv(c.fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0) {
        if (errno == EINTR) continue;
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? Progress::kWaiting : Progress::kClose;
      }
      if (n == 0) return Progress::kClose;
    }
    if (c.in.empty()) c.deadline = Clock::now() + limits_.header_timeout;  // a request has begun
    c.in.append(buf, static_cast<std::size_t>(n));
  }
}

void ConnectionManager::Watch(std::unique_ptr<Conn> c) {
  Progress p = Advance(*c);
  if (p == Progress::kClose) return Close(std::move(c));
  if (p == Progress::kReady) return Dispatch(std::move(c));
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | (c->handshaken ? 0u : static_cast<uint32_t>(EPOLLOUT));
  ev.data.fd = c->fd;
  if (::epoll_ctl(epfd_, EPOLL_CTL_ADD, c->fd, &ev) != 0) return Close(std::move(c));
  int fd = c->fd;
  watched_[fd] = std::move(c);
}

void ConnectionManager::Dispatch(std::unique_ptr<Conn> c) {
  if (queued_.load() >= limits_.max_queued) {
    Refuse(*c, 503, "Service Unavailable");
    return Close(std::move(c));
  }
  queued_.fetch_add(1);
  // std::function needs a copyable callable: hand the connection over as a raw pointer.
  Conn* raw = c.release();
  workers_->Submit([this, raw] { Serve(std::unique_ptr<Conn>(raw)); });
}

void ConnectionManager::Serve(std::unique_ptr<Conn> c) {
  queued_.fetch_sub(1);
  ++c->requests;
  bool close = stopping_.load() || c->requests >= limits_.max_requests_per_connection ||
               open_.load() * 10 >= limits_.max_connections * 9;  // near the cap: no keep-alive
  bool closed = false;
  bool ok;
  std::size_t used;
  {
    ConnStream strm(c->in, c->fd, c->ssl, limits_.io_timeout);
    tls_close_after_response = false;
    ok = c->server->ServeOne(strm, close, closed, c->ssl);
    used = strm.consumed();
  }
  c->in.erase(0, used);
  if (!ok || closed || close || tls_close_after_response) {
    tls_close_after_response = false;
    return Close(std::move(c));
  }
  c->deadline = Clock::now() + (c->in.empty() ? limits_.idle_timeout : limits_.header_timeout);
  {
    std::lock_guard lock(mu_);
    returned_.push_back(std::move(c));
  }
  Wake();
}

void ConnectionManager::Loop() {
  std::vector<epoll_event> events(256);
  while (!stopping_.load()) {
    int n = ::epoll_wait(epfd_, events.data(), static_cast<int>(events.size()), 200);
    if (n < 0 && errno != EINTR) {
      log::Error("epoll_wait failed", {{"err", std::strerror(errno)}});
      break;
    }
    std::vector<std::pair<int, ReactorServer*>> adopted;
    std::vector<std::unique_ptr<Conn>> returned;
    {
      std::lock_guard lock(mu_);
      adopted.swap(adopted_);
      returned.swap(returned_);
    }
    for (int i = 0; i < n; ++i) {
      int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == evfd_) {
        std::uint64_t v;
        [[maybe_unused]] ssize_t r = ::read(evfd_, &v, sizeof v);
        continue;
      }
      auto it = watched_.find(fd);
      if (it == watched_.end()) continue;
      ::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
      auto c = std::move(it->second);
      watched_.erase(it);
      Watch(std::move(c));  // re-arms, dispatches or closes
    }
    for (auto& c : returned) Watch(std::move(c));
    for (auto& [fd, srv] : adopted) {
      if (open_.load() >= limits_.max_connections && !ShedIdle()) {
        ::close(fd);
        log::Warn("connection refused: too many open connections",
                  {{"max_connections", std::to_string(limits_.max_connections)}});
        continue;
      }
      open_.fetch_add(1);
      auto c = std::make_unique<Conn>();
      c->fd = fd;
      c->server = srv;
      c->deadline = Clock::now() + limits_.idle_timeout;
      ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      if (tls_ != nullptr) {
        SSL_CTX* ctx = tls_->NewConnectionContext();
        if (ctx == nullptr) {
          Close(std::move(c));
          continue;
        }
        c->ssl = SSL_new(ctx);
        SSL_CTX_free(ctx);  // the SSL holds its own reference
        if (c->ssl == nullptr || SSL_set_fd(c->ssl, fd) != 1) {
          Close(std::move(c));
          continue;
        }
        SSL_set_accept_state(c->ssl);
        c->handshaken = false;
        c->deadline = Clock::now() + limits_.header_timeout;
      }
      Watch(std::move(c));
    }
    // Deadlines: idle keep-alive, slow request heads, slow handshakes.
    auto now = Clock::now();
    for (auto it = watched_.begin(); it != watched_.end();) {
      if (it->second->deadline <= now) {
        ::epoll_ctl(epfd_, EPOLL_CTL_DEL, it->first, nullptr);
        auto c = std::move(it->second);
        it = watched_.erase(it);
        if (!c->in.empty()) Refuse(*c, 408, "Request Timeout");
        Close(std::move(c));
      } else {
        ++it;
      }
    }
  }
  for (auto& [fd, c] : watched_) {
    ::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
    Close(std::move(c));
  }
  watched_.clear();
}

}  // namespace host_exporter
