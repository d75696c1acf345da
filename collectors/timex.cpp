// node_exporter's timex collector: the kernel clock discipline state from
// adjtimex(2) as node_timex_*, with node_exporter's unit conversions.
#include <sys/timex.h>

#include "host_exporter/collector.h"
#include "host_exporter/syscall/timex.h"

namespace host_exporter::collectors::timex {
namespace {

constexpr int kTimeError = 5;          // TIME_ERROR: clock not synchronized
constexpr long kStaNano = 0x2000;      // STA_NANO: offset/jitter in ns, else us
constexpr double kNanoSeconds = 1e9;
constexpr double kMicroSeconds = 1e6;
constexpr double kPpm16Frac = 1000000.0 * 65536.0;  // see NOTES in adjtimex(2)

class TimexCollector final : public Collector {
 public:
  Status Collect(MetricWriter& out) const override {
    auto r = syscall::Adjtimex();
    if (!r) return std::unexpected(r.error());
    const struct timex& t = r->tx;
    double divisor = (t.status & kStaNano) != 0 ? kNanoSeconds : kMicroSeconds;
    auto d = [](auto v) { return static_cast<double>(v); };

    out.Gauge("node_timex_sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).",
              r->state == kTimeError ? 0 : 1);
    out.Gauge("node_timex_offset_seconds", "Time offset in between local system and reference clock.",
              d(t.offset) / divisor);
    out.Gauge("node_timex_frequency_adjustment_ratio", "Local clock frequency adjustment.",
              1 + d(t.freq) / kPpm16Frac);
    out.Gauge("node_timex_maxerror_seconds", "Maximum error in seconds.", d(t.maxerror) / kMicroSeconds);
    out.Gauge("node_timex_estimated_error_seconds", "Estimated error in seconds.", d(t.esterror) / kMicroSeconds);
    out.Gauge("node_timex_status", "Value of the status array bits.", d(t.status));
    out.Gauge("node_timex_loop_time_constant", "Phase-locked loop time constant.", d(t.constant));
    out.Gauge("node_timex_tick_seconds", "Seconds between clock ticks.", d(t.tick) / kMicroSeconds);
    out.Gauge("node_timex_pps_frequency_hertz", "Pulse per second frequency.", d(t.ppsfreq) / kPpm16Frac);
    out.Gauge("node_timex_pps_jitter_seconds", "Pulse per second jitter.", d(t.jitter) / divisor);
    out.Gauge("node_timex_pps_shift_seconds", "Pulse per second interval duration.", d(t.shift));
    out.Gauge("node_timex_pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.",
              d(t.stabil) / kPpm16Frac);
    out.Counter("node_timex_pps_jitter_total", "Pulse per second count of jitter limit exceeded events.",
                d(t.jitcnt));
    out.Counter("node_timex_pps_calibration_total", "Pulse per second count of calibration intervals.",
                d(t.calcnt));
    out.Counter("node_timex_pps_error_total", "Pulse per second count of calibration errors.", d(t.errcnt));
    out.Counter("node_timex_pps_stability_exceeded_total",
                "Pulse per second count of stability limit exceeded events.", d(t.stbcnt));
    out.Gauge("node_timex_tai_offset_seconds", "International Atomic Time (TAI) offset.", d(t.tai));
    return {};
  }
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig&) { return std::make_unique<TimexCollector>(); }

}  // namespace host_exporter::collectors::timex
