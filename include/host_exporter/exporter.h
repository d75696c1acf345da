// The exporter proper, independent of HTTP: command-line flags, the enabled
// collectors, and the /metrics response (filters, deadline, self-metrics).
// Thread safety: after Create, Metrics() may be called from many threads.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host_exporter/flags.h"
#include "host_exporter/paths.h"
#include "host_exporter/result.h"
#include "host_exporter/scraper.h"

namespace host_exporter {

inline constexpr const char* kVersion = HOST_EXPORTER_VERSION;

// Every flag: core ones and each collector's, grouped by section.
FlagSet BuildFlagSet();

struct ExporterOptions {
  Paths paths;
  bool exporter_metrics = true;  // process_*, promhttp_*
  std::size_t max_requests = 40;  // 0: no limit
  std::chrono::milliseconds timeout_offset{500};
  std::chrono::milliseconds max_timeout{0};  // 0: no upper bound
  std::vector<std::string> enabled;          // collector names, sorted
};

// Reads the core options from parsed flags. Errors name the flag.
Result<ExporterOptions> OptionsFromFlags(const FlagValues& flags);

struct MetricsResponse {
  int status = 200;
  std::string content_type;
  std::string body;
};

class Exporter {
 public:
  // Builds every enabled collector; the first one that fails to build (bad
  // regular expression, conflicting flags) stops start-up with its error.
  static Result<std::unique_ptr<Exporter>> Create(const ExporterOptions& opts, const FlagValues& flags);

  // One /metrics request. `scrape_timeout` is the X-Prometheus-Scrape-Timeout-Seconds value.
  // Admit, then Build and Answered.
  MetricsResponse Metrics(const std::vector<std::string>& collect,
                          const std::vector<std::string>& exclude,
                          std::optional<double> scrape_timeout);

  // Metrics() in parts, for a server that answers overlapping identical
  // requests with one response (SingleFlight): each request is admitted and
  // counted, one Build serves them all.
  //
  // One request in promhttp_metric_handler_requests_in_flight while alive.
  class InFlight {
   public:
    explicit InFlight(std::atomic<int>& n) : n_(n), now_(n.fetch_add(1) + 1) {}
    ~InFlight() { n_.fetch_sub(1); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    int now() const { return now_; }  // requests in flight when this one came

   private:
    std::atomic<int>& n_;
    int now_;
  };
  // A request in flight; `refusal` is set (a 503, counted) when more than
  // --web.max-requests are in flight with it.
  struct Admission {
    std::unique_ptr<InFlight> in_flight;
    std::optional<MetricsResponse> refusal;
  };
  Admission Admit();
  // The response to an admitted request.
  MetricsResponse Build(const std::vector<std::string>& collect, const std::vector<std::string>& exclude,
                        std::optional<double> scrape_timeout);
  // Counts a response in promhttp_metric_handler_requests_total, and in
  // host_exporter_http_shared_responses_total when another request's Build made it.
  void Answered(int status, bool shared = false);

  // Adds families to every Metrics() response (the pusher's self-metrics). Call
  // before Metrics() runs on other threads; `source` must be thread-safe.
  using MetricsSource = std::function<void(std::vector<prometheus::MetricFamily>&)>;
  void AddMetricsSource(MetricsSource source) { sources_.push_back(std::move(source)); }

  const std::vector<std::string>& enabled() const { return scraper_->names(); }
  const ExporterOptions& options() const { return opts_; }

 private:
  Exporter(ExporterOptions opts, std::unique_ptr<Scraper> scraper);
  void AppendExporterMetrics(std::vector<prometheus::MetricFamily>& out) const;

  ExporterOptions opts_;
  std::unique_ptr<Scraper> scraper_;
  std::atomic<int> in_flight_{0};
  std::atomic<std::uint64_t> requests_200_{0}, requests_500_{0}, requests_503_{0};
  std::atomic<std::uint64_t> shared_responses_{0};
  double start_time_seconds_ = 0;
  std::vector<MetricsSource> sources_;
};

}  // namespace host_exporter
