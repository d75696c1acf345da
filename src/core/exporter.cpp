#include "host_exporter/exporter.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "host_exporter/collector.h"
#include "host_exporter/exposition.h"
#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/pid.h"
#include "host_exporter/push.h"
#include "host_exporter/text.h"

namespace host_exporter {

FlagSet BuildFlagSet() {
  FlagSet f;
  f.Section("Web server");
  f.Strings("web.listen-address", {":9100"},
            "Addresses on which to expose metrics and web interface. Repeatable for multiple addresses.");
  f.Bool("web.systemd-socket", false,
         "Use systemd socket activation listeners instead of port listeners (Linux only).");
  f.String("web.telemetry-path", "/metrics", "Path under which to expose metrics.");
  f.Bool("web.disable-exporter-metrics", false,
         "Exclude metrics about the exporter itself (promhttp_*, process_*).");
  f.String("web.max-requests", "40",
           "Maximum number of parallel scrape requests. Use 0 to disable.");
  f.String("web.config.file", "",
           "Path to configuration file that can enable TLS or authentication.");
  f.String("web.scrape-timeout-offset", "500ms",
           "Time subtracted from Prometheus's X-Prometheus-Scrape-Timeout-Seconds to leave room "
           "for the response.");
  f.String("web.scrape-timeout-max", "0s",
           "Upper bound on the time a scrape may take, header or not; 0s for none. Collectors not "
           "finished by then report node_scrape_collector_success 0.");

  f.String("web.max-connections", "1024",
           "Maximum number of open client connections; idle keep-alive connections are closed "
           "first to make room.");
  f.String("web.read-header-timeout", "10s",
           "Time a client has to send a complete request head (and TLS handshake).");
  f.String("web.idle-timeout", "5m", "Time an idle keep-alive connection is kept open.");
  f.String("web.gzip-level", "1",
           "gzip level (1 fastest to 9 smallest) of /metrics responses to clients that accept gzip.");

  f.Section("Paths");
  f.String("path.procfs", "/proc", "procfs mountpoint.");
  f.String("path.sysfs", "/sys", "sysfs mountpoint.");
  f.String("path.rootfs", "/", "rootfs mountpoint.");
  f.String("path.udev.data", "/run/udev/data", "udev data path.");

  f.Section("Collectors");
  f.Bool("collector.disable-defaults", false, "Set all collectors to disabled by default.");
  for (const CollectorInfo& c : AllCollectors()) {
    std::string name(c.name);
    f.Bool("collector." + name, c.enabled_by_default,
           "Enable the " + name + " collector" +
               (c.enabled_by_default ? "" : " (default: disabled)") + ".");
  }
  for (const CollectorInfo& c : AllCollectors()) {
    f.Section("Collector " + std::string(c.name));
    c.declare_flags(f);
  }

  DeclarePushFlags(f);

  f.Section("Logging and other");
  f.String("log.level", "info", "Only log messages with the given severity or above. One of: [debug, info, warn, error]");
  f.String("log.format", "logfmt", "Output format of log messages. One of: [logfmt, json]");
  f.Bool("help", false, "Show this help.");
  f.Bool("version", false, "Show application version.");
  return f;
}

Result<ExporterOptions> OptionsFromFlags(const FlagValues& flags) {
  ExporterOptions o;
  o.paths.procfs = flags.GetString("path.procfs");
  o.paths.sysfs = flags.GetString("path.sysfs");
  o.paths.rootfs = flags.GetString("path.rootfs");
  o.paths.udev_data = flags.GetString("path.udev.data");
  o.exporter_metrics = !flags.GetBool("web.disable-exporter-metrics");
  auto max = ParseInt(flags.GetString("web.max-requests"));
  if (!max || *max < 0) {
    return Fail(ErrorKind::kInvalidArgument, "flag --web.max-requests: expected a non-negative integer, got \"" +
                                                 flags.GetString("web.max-requests") + "\"");
  }
  o.max_requests = static_cast<std::size_t>(*max);
  for (const char* name : {"web.scrape-timeout-offset", "web.scrape-timeout-max"}) {
    auto d = ParseGoDuration(flags.GetString(name));
    if (!d || d->count() < 0) {
      return Fail(ErrorKind::kInvalidArgument, std::string("flag --") + name + ": invalid duration \"" +
                                                   flags.GetString(name) + "\"");
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
    (std::string_view(name) == "web.scrape-timeout-offset" ? o.timeout_offset : o.max_timeout) = ms;
  }
  bool defaults = !flags.GetBool("collector.disable-defaults");
  for (const CollectorInfo& c : AllCollectors()) {
    std::string flag = "collector." + std::string(c.name);
    bool on = flags.IsSet(flag) ? flags.GetBool(flag) : (defaults && c.enabled_by_default);
    if (on) o.enabled.emplace_back(c.name);
  }
  return o;
}

Exporter::Exporter(ExporterOptions opts, std::unique_ptr<Scraper> scraper)
    : opts_(std::move(opts)), scraper_(std::move(scraper)) {
  // Process start time = boot time + starttime ticks; fixed for the process's life.
  auto stat = ReadFile(Paths::Join(opts_.paths.self_procfs, "self/stat"));
  auto pstat = ReadFile(Paths::Join(opts_.paths.self_procfs, "stat"));
  if (stat && pstat) {
    auto ps = procfs::ParsePidStat(*stat);
    for (auto line : SplitLines(*pstat)) {
      if (!line.starts_with("btime ")) continue;
      auto bt = ParseUint(Trim(line.substr(6)));
      if (ps && bt) {
        start_time_seconds_ = static_cast<double>(*bt) +
                              static_cast<double>(ps->starttime) / static_cast<double>(sysconf(_SC_CLK_TCK));
      }
    }
  }
}

Result<std::unique_ptr<Exporter>> Exporter::Create(const ExporterOptions& opts, const FlagValues& flags) {
  std::vector<NamedCollector> collectors;
  CollectorConfig cfg{opts.paths, flags};
  for (const std::string& name : opts.enabled) {
    const CollectorInfo* info = FindCollector(name);
    auto c = info->create(cfg);
    if (!c) {
      return Fail(c.error().kind, "collector " + name + ": " + c.error().message);
    }
    collectors.push_back({name, std::move(*c)});
  }
  std::size_t par = std::max<std::size_t>(4, 2 * std::max(1u, std::thread::hardware_concurrency()));
  par = std::min(par, std::max<std::size_t>(1, collectors.size()));
  auto scraper = std::make_unique<Scraper>(std::move(collectors), par);
  return std::unique_ptr<Exporter>(new Exporter(opts, std::move(scraper)));
}

Exporter::Admission Exporter::Admit() {
  Admission a;
  a.in_flight = std::make_unique<InFlight>(in_flight_);
  if (opts_.max_requests > 0 && static_cast<std::size_t>(a.in_flight->now()) > opts_.max_requests) {
    requests_503_.fetch_add(1);
    MetricsResponse r;
    r.status = 503;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Limit of concurrent requests reached (" + std::to_string(opts_.max_requests) + "), try again later.\n";
    a.refusal = std::move(r);
  }
  return a;
}

void Exporter::Answered(int status, bool shared) {
  if (status == 200) requests_200_.fetch_add(1);
  if (shared) shared_responses_.fetch_add(1);
}

MetricsResponse Exporter::Metrics(const std::vector<std::string>& collect,
                                  const std::vector<std::string>& exclude,
                                  std::optional<double> scrape_timeout) {
  Admission a = Admit();
  if (a.refusal) return std::move(*a.refusal);
  MetricsResponse r = Build(collect, exclude, scrape_timeout);
  Answered(r.status);
  return r;
}

MetricsResponse Exporter::Build(const std::vector<std::string>& collect, const std::vector<std::string>& exclude,
                                std::optional<double> scrape_timeout) {
  MetricsResponse r;
  r.content_type = "text/plain; charset=utf-8";
  if (!collect.empty() && !exclude.empty()) {
    r.status = 400;
    r.body = "Combined collect and exclude queries are not allowed.\n";
    return r;
  }
  std::vector<std::size_t> which;
  if (!collect.empty()) {
    for (const auto& name : collect) {
      int idx = scraper_->Find(name);
      if (idx < 0) {
        r.status = 400;
        r.body = "Couldn't create filtered metrics handler: " +
                 std::string(FindCollector(name) ? "disabled collector: " : "missing collector: ") + name + "\n";
        return r;
      }
      if (std::find(which.begin(), which.end(), static_cast<std::size_t>(idx)) == which.end()) {
        which.push_back(static_cast<std::size_t>(idx));
      }
    }
    std::sort(which.begin(), which.end());
  } else if (!exclude.empty()) {
    for (std::size_t i = 0; i < scraper_->names().size(); ++i) {
      if (std::find(exclude.begin(), exclude.end(), scraper_->names()[i]) == exclude.end()) which.push_back(i);
    }
    if (which.empty()) which.push_back(SIZE_MAX);  // everything excluded: run nothing
  }

  std::optional<Scraper::Clock::time_point> deadline;
  auto now = Scraper::Clock::now();
  if (scrape_timeout && *scrape_timeout > 0) {
    auto budget = std::chrono::duration<double>(*scrape_timeout) - opts_.timeout_offset;
    if (budget.count() <= 0) budget = std::chrono::duration<double>(*scrape_timeout);
    deadline = now + std::chrono::duration_cast<Scraper::Clock::duration>(budget);
  }
  if (opts_.max_timeout.count() > 0) {
    auto cap = now + opts_.max_timeout;
    if (!deadline || cap < *deadline) deadline = cap;
  }

  std::vector<prometheus::MetricFamily> families;
  if (!(which.size() == 1 && which[0] == SIZE_MAX)) families = scraper_->Scrape(which, deadline);

  MetricWriter info;
  info.Gauge("host_exporter_build_info",
             "A metric with a constant '1' value labeled by version, revision, branch, and compiler "
             "from which host_exporter was built.",
             1,
             {{"branch", HOST_EXPORTER_BRANCH},
              {"compiler", HOST_EXPORTER_COMPILER},
              {"revision", HOST_EXPORTER_REVISION},
              {"version", kVersion}});
  for (auto& f : info.families()) families.push_back(std::move(f));
  if (opts_.exporter_metrics) AppendExporterMetrics(families);
  for (const auto& source : sources_) source(families);

  r.content_type = kTextContentType;
  SortFamilies(families);
  r.body = SerializeSorted(families);
  scraper_->Recycle(families);
  return r;
}

void Exporter::AppendExporterMetrics(std::vector<prometheus::MetricFamily>& out) const {
  MetricWriter w;
  const std::string& self = opts_.paths.self_procfs;
  if (auto text = ReadFile(Paths::Join(self, "self/stat")); text) {
    if (auto st = procfs::ParsePidStat(*text); st) {
      double tck = static_cast<double>(sysconf(_SC_CLK_TCK));
      w.Counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                static_cast<double>(st->utime + st->stime) / tck);
      w.Gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", static_cast<double>(st->vsize));
      w.Gauge("process_resident_memory_bytes", "Resident memory size in bytes.",
              static_cast<double>(st->rss) * static_cast<double>(sysconf(_SC_PAGESIZE)));
    }
  }
  if (auto fds = ListDir(Paths::Join(self, "self/fd")); fds) {
    w.Gauge("process_open_fds", "Number of open file descriptors.", static_cast<double>(fds->size()));
  }
  if (auto text = ReadFile(Paths::Join(self, "self/limits")); text) {
    if (auto lim = procfs::ParsePidLimits(*text); lim) {
      auto val = [](const std::optional<std::uint64_t>& v) {
        return v ? static_cast<double>(*v) : 18446744073709551615.0;
      };
      w.Gauge("process_max_fds", "Maximum number of open file descriptors.", val(lim->max_open_files));
      w.Gauge("process_virtual_memory_max_bytes", "Maximum amount of virtual memory available in bytes.",
              val(lim->max_address_space));
    }
  }
  if (start_time_seconds_ > 0) {
    w.Gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
            start_time_seconds_);
  }
  w.Gauge("promhttp_metric_handler_requests_in_flight", "Current number of scrapes being served.",
          in_flight_.load());
  const char* help = "Total number of scrapes by HTTP status code.";
  w.Counter("promhttp_metric_handler_requests_total", help, static_cast<double>(requests_200_.load()), {{"code", "200"}});
  w.Counter("promhttp_metric_handler_requests_total", help, static_cast<double>(requests_500_.load()), {{"code", "500"}});
  w.Counter("promhttp_metric_handler_requests_total", help, static_cast<double>(requests_503_.load()), {{"code", "503"}});
  w.Counter("host_exporter_http_shared_responses_total",
            "host_exporter: /metrics responses that shared the scrape of an overlapping identical request.",
            static_cast<double>(shared_responses_.load()));
  for (auto& f : w.families()) out.push_back(std::move(f));
}

}  // namespace host_exporter
