// The serving floor of the HTTP stack: a cpp-httplib server that answers
// GET /metrics with a canned copy of one host_exporter scrape (the file named
// by argv[2]) and does nothing else. What it costs per request, in CPU and in
// memory, any exporter on this stack pays on top of reading its files: parsing
// the request, copying and writing the body to the socket, and with
// "Accept-Encoding: gzip" compressing it (httplib's own gzip, level 6).
//
//   serve_floor PORT BODY_FILE     listens on 127.0.0.1:PORT until SIGTERM
#include <httplib.h>
#include <sys/socket.h>

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s PORT BODY_FILE\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "serve_floor: cannot read %s\n", argv[2]);
    return 1;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string body = buf.str();

  // SIGTERM is taken by a thread of its own (sigwait), not a handler: stop() is
  // not async-signal-safe. Blocked before any thread starts, so all inherit it.
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &term, nullptr);

  httplib::Server server;
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // host_exporter keeps a connection for as many requests as its client sends;
  // httplib's default closes after 5, which would add a TCP handshake per 5.
  server.set_keep_alive_max_count(1000000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle holds
  // the body until the client's delayed ACK, 40 ms per request.
  server.set_tcp_nodelay(true);
  server.Get("/metrics", [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "text/plain; version=0.0.4; charset=utf-8");
  });
  std::thread stopper([&server, term] {
    int sig = 0;
    sigwait(&term, &sig);
    server.stop();
  });
  stopper.detach();
  if (!server.listen("127.0.0.1", std::atoi(argv[1]))) {
    std::fprintf(stderr, "serve_floor: cannot listen on 127.0.0.1:%s\n", argv[1]);
    return 1;
  }
  return 0;
}
