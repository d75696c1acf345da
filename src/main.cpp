// Wires the layers together: flags -> logging -> exporter -> HTTP servers, then
// waits for SIGTERM/SIGINT.
#include <malloc.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "host_exporter/exporter.h"
#include "host_exporter/log.h"
#include "host_exporter/push.h"
#include "host_exporter/server.h"
#include "host_exporter/systemd.h"

using namespace host_exporter;

int main(int argc, char** argv) {
  // glibc gives every thread that allocates while another holds an arena an
  // arena of its own (up to 8 per core), each keeping freed memory: with 16
  // scrapers at once that was 2 MiB more peak resident memory than with 4.
  // Fewer than 4 made collectors contend for arena locks (10% more CPU per
  // scrape). MALLOC_ARENA_MAX in the environment still wins.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 4);
  // Block the shutdown signals in every thread; the main thread waits for them.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGTERM);
  sigaddset(&sigs, SIGINT);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  signal(SIGPIPE, SIG_IGN);

  FlagSet flagset = BuildFlagSet();
  auto flags = flagset.Parse(argc, argv);
  if (!flags) {
    std::fprintf(stderr, "host_exporter: error: %s, try --help\n", flags.error().message.c_str());
    return 1;
  }
  if (flags->GetBool("help")) {
    std::cout << flagset.Help("host_exporter");
    return 0;
  }
  if (flags->GetBool("version")) {
    std::cout << "host_exporter, version " << kVersion << " (branch: " << HOST_EXPORTER_BRANCH
              << ", revision: " << HOST_EXPORTER_REVISION << ")\n  compiler: " << HOST_EXPORTER_COMPILER << "\n";
    return 0;
  }
  if (auto s = log::Setup(flags->GetString("log.level"), flags->GetString("log.format")); !s) {
    std::fprintf(stderr, "host_exporter: error: %s\n", s.error().message.c_str());
    return 1;
  }
  // Socket activation reads and unsets environment variables: before any thread starts.
  std::vector<int> activated_fds;
  if (flags->GetBool("web.systemd-socket")) {
    auto fds = TakeListenFds();
    if (!fds) {
      std::fprintf(stderr, "host_exporter: error: %s\n", fds.error().message.c_str());
      return 1;
    }
    activated_fds = std::move(*fds);
  }
  const SdNotifier notifier = SdNotifier::FromEnv();
  auto opts = OptionsFromFlags(*flags);
  if (!opts) {
    std::fprintf(stderr, "host_exporter: error: %s\n", opts.error().message.c_str());
    return 1;
  }
  log::Info("Starting host_exporter", {{"version", kVersion}});
  for (const auto& c : opts->enabled) log::Info("Enabled collector", {{"collector", c}});
  auto exporter = Exporter::Create(*opts, *flags);
  if (!exporter) {
    log::Error("failed to create collectors", {{"err", exporter.error().message}});
    std::fprintf(stderr, "host_exporter: error: %s\n", exporter.error().message.c_str());
    return 1;
  }
  auto sopts = ServerOptionsFromFlags(*flags, *opts);
  if (!sopts) {
    std::fprintf(stderr, "host_exporter: error: %s\n", sopts.error().message.c_str());
    return 1;
  }
  auto pusher = CreatePusher(*flags, **exporter);  // nullptr without --push.gateway-url
  if (!pusher) {
    std::fprintf(stderr, "host_exporter: error: %s\n", pusher.error().message.c_str());
    return 1;
  }
  sopts->activated_fds = activated_fds;
  auto server = HttpServer::Start(**exporter, *sopts);
  if (!server) {
    log::Error("failed to start server", {{"err", server.error().message}});
    return 1;
  }
  if (*pusher) (*pusher)->Start();
  // systemd Type=notify: ready once every listener accepts connections.
  if (auto s = notifier.Notify("READY=1"); !s) log::Warn("readiness notification failed", {{"err", s.error().message}});
  int sig = 0;
  sigwait(&sigs, &sig);
  log::Info("Shutting down", {{"signal", sig == SIGTERM ? "terminated" : "interrupt"}});
  if (auto s = notifier.Notify("STOPPING=1"); !s) log::Warn("stopping notification failed", {{"err", s.error().message}});
  if (*pusher) (*pusher)->Stop();
  (*server)->Stop();
  return 0;
}
