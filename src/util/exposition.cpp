#include "host_exporter/exposition.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace host_exporter {
namespace {

double Value(const prometheus::ClientMetric& m, prometheus::MetricType t) {
  switch (t) {
    case prometheus::MetricType::Counter: return m.counter.value;
    case prometheus::MetricType::Gauge: return m.gauge.value;
    default: return m.untyped.value;
  }
}

const char* TypeName(prometheus::MetricType t) {
  switch (t) {
    case prometheus::MetricType::Counter: return "counter";
    case prometheus::MetricType::Gauge: return "gauge";
    case prometheus::MetricType::Summary: return "summary";
    case prometheus::MetricType::Histogram: return "histogram";
    default: return "untyped";
  }
}

// The most bytes WriteFloat writes ("-2.2250738585072014e-308" is 24).
constexpr std::size_t kMaxFloatChars = 32;

char* Write(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// Writes s with \\, \n (and \" when quoting) escaped; returns the end.
// Needs room for 2 * s.size() bytes.
char* WriteEscaped(char* p, std::string_view s, bool quote) {
  // Most strings have nothing to escape: for long ones (help texts) memchr,
  // which scans many bytes a cycle, says so; short ones take the loop.
  if (s.size() >= 16 && std::memchr(s.data(), '\\', s.size()) == nullptr &&
      std::memchr(s.data(), '\n', s.size()) == nullptr &&
      (!quote || std::memchr(s.data(), '"', s.size()) == nullptr)) {
    return Write(p, s);
  }
  for (const char c : s) {
    if (c == '\\') {
      *p++ = '\\';
      *p++ = '\\';
    } else if (c == '\n') {
      *p++ = '\\';
      *p++ = 'n';
    } else if (c == '"' && quote) {
      *p++ = '\\';
      *p++ = '"';
    } else {
      *p++ = c;
    }
  }
  return p;
}

// Appends at most `bound` bytes that `write(char* p) -> char* end` produces:
// one capacity check and one length update per call rather than per piece.
template <typename F>
void AppendBounded(std::string& out, std::size_t bound, F write) {
  const std::size_t old = out.size();
  out.resize_and_overwrite(old + bound, [&](char* buf, std::size_t) {
    return static_cast<std::size_t>(write(buf + old) - buf);
  });
}

bool LabelsLess(const prometheus::ClientMetric& a, const prometheus::ClientMetric& b) {
  if (a.label.size() != b.label.size()) return a.label.size() < b.label.size();
  for (std::size_t i = 0; i < a.label.size(); ++i) {
    if (a.label[i].value != b.label[i].value) return a.label[i].value < b.label[i].value;
  }
  return a.timestamp_ms < b.timestamp_ms;
}

// Sorts by LabelsLess as std::sort would, but moves each (large) ClientMetric
// once: std::sort runs on indexes, and the same comparisons on the same
// positions give the same permutation, ties included. Input already strictly
// ascending (the usual case: collectors emit in order) has one sorted order,
// and is left as it is.
void SortMetrics(std::vector<prometheus::ClientMetric>& metrics) {
  const std::size_t n = metrics.size();
  bool strictly_sorted = true;
  for (std::size_t i = 1; i < n && strictly_sorted; ++i) {
    strictly_sorted = LabelsLess(metrics[i - 1], metrics[i]);
  }
  if (strictly_sorted) return;
  std::vector<std::uint32_t> order(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return LabelsLess(metrics[a], metrics[b]); });
  std::vector<prometheus::ClientMetric> sorted;
  sorted.reserve(n);
  for (std::uint32_t i : order) sorted.push_back(std::move(metrics[i]));
  metrics = std::move(sorted);
}

}  // namespace

namespace {
// v as Go's strconv.FormatFloat(v, 'g', -1, 64) into p, which has room for
// kMaxFloatChars; returns the end.
char* WriteFloat(char* p, double v) {
  if (v == 0) { *p++ = '0'; return p; }
  if (v == 1) { *p++ = '1'; return p; }
  if (v == -1) return Write(p, "-1");
  if (std::isnan(v)) return Write(p, "NaN");
  if (std::isinf(v)) return Write(p, v > 0 ? "+Inf" : "-Inf");

  // Integers below 2^53 (most counters and gauges): their decimal digits, less
  // trailing zeros, are the shortest round-trip digits; no float formatting.
  if (std::fabs(v) < 9007199254740992.0 && v == std::trunc(v)) {
    const bool negative = v < 0;
    char ibuf[24];
    auto ir = std::to_chars(ibuf, ibuf + sizeof ibuf, static_cast<std::uint64_t>(negative ? -v : v));
    const std::size_t len = static_cast<std::size_t>(ir.ptr - ibuf);
    if (negative) *p++ = '-';
    if (len <= 6) {  // exponent below 6: plain
      return Write(p, std::string_view(ibuf, len));
    }
    std::size_t nd = len;
    while (nd > 1 && ibuf[nd - 1] == '0') --nd;
    *p++ = ibuf[0];
    if (nd > 1) {
      *p++ = '.';
      p = Write(p, std::string_view(ibuf + 1, nd - 1));
    }
    *p++ = 'e';
    *p++ = '+';
    if (len - 1 < 10) *p++ = '0';
    return std::to_chars(p, p + 4, len - 1).ptr;  // 6..15: two digits at most
  }

  // Shortest round-trip digits, then Go's %g layout decision with eprec 6.
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  bool neg = false;
  if (sci.front() == '-') { neg = true; sci.remove_prefix(1); }
  std::size_t epos = sci.find('e');
  char digits[32];
  std::size_t nd = 0;
  for (std::size_t i = 0; i < epos; ++i) {
    if (sci[i] != '.') digits[nd++] = sci[i];
  }
  int exp = 0;
  std::string_view es = sci.substr(epos + 1);
  bool eneg = es.front() == '-';
  es.remove_prefix(1);
  std::from_chars(es.data(), es.data() + es.size(), exp);
  if (eneg) exp = -exp;

  if (neg) *p++ = '-';
  if (exp < -4 || exp >= 6) {
    *p++ = digits[0];
    if (nd > 1) {
      *p++ = '.';
      p = Write(p, std::string_view(digits + 1, nd - 1));
    }
    *p++ = 'e';
    *p++ = exp < 0 ? '-' : '+';
    int ae = exp < 0 ? -exp : exp;
    if (ae < 10) *p++ = '0';
    return std::to_chars(p, p + 4, ae).ptr;
  }
  int dp = exp + 1;  // digits before the decimal point
  if (dp <= 0) {
    p = Write(p, "0.");
    p = std::fill_n(p, -dp, '0');
    return Write(p, std::string_view(digits, nd));
  }
  std::size_t udp = static_cast<std::size_t>(dp);
  if (udp >= nd) {
    p = Write(p, std::string_view(digits, nd));
    return std::fill_n(p, udp - nd, '0');
  }
  p = Write(p, std::string_view(digits, udp));
  *p++ = '.';
  return Write(p, std::string_view(digits + udp, nd - udp));
}

// One sample line: name+suffix, the metric's labels plus an optional extra label
// (quantile / le) whose value is a float, the value and the timestamp.
void AppendSample(std::string& out, const std::string& name, std::string_view suffix,
                  const prometheus::ClientMetric& m, const char* extra, double extra_value, double v) {
  std::size_t bound = name.size() + suffix.size() + 3 * kMaxFloatChars + 8;
  for (const auto& l : m.label) bound += l.name.size() + 2 * l.value.size() + 4;
  if (extra != nullptr) bound += std::strlen(extra) + 4;
  AppendBounded(out, bound, [&](char* p) {
    p = Write(p, name);
    p = Write(p, suffix);
    if (!m.label.empty() || extra != nullptr) {
      *p++ = '{';
      bool first = true;
      for (const auto& l : m.label) {
        if (!first) *p++ = ',';
        first = false;
        p = Write(p, l.name);
        *p++ = '=';
        *p++ = '"';
        p = WriteEscaped(p, l.value, true);
        *p++ = '"';
      }
      if (extra != nullptr) {
        if (!first) *p++ = ',';
        p = Write(p, extra);
        *p++ = '=';
        *p++ = '"';
        p = WriteFloat(p, extra_value);
        *p++ = '"';
      }
      *p++ = '}';
    }
    *p++ = ' ';
    p = WriteFloat(p, v);
    if (m.timestamp_ms != 0) {
      *p++ = ' ';
      p = std::to_chars(p, p + 24, m.timestamp_ms).ptr;
    }
    *p++ = '\n';
    return p;
  });
}
}  // namespace

void AppendFloat(std::string& out, double v) {
  AppendBounded(out, kMaxFloatChars, [&](char* p) { return WriteFloat(p, v); });
}

std::string FormatFloat(double v) {
  std::string s;
  AppendFloat(s, v);
  return s;
}

void SortFamilies(std::vector<prometheus::MetricFamily>& families) {
  // Merge families that share a name (first help/type wins), drop empty ones.
  // A stable sort of indexes by name keeps same-named families in their
  // first-seen order, so merging neighbours appends metrics in the order a
  // hash-map merge would; no name is copied and each family moves once.
  std::vector<std::uint32_t> order(families.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return families[a].name < families[b].name; });
  std::vector<prometheus::MetricFamily> merged;
  merged.reserve(families.size());
  for (std::uint32_t i : order) {
    auto& f = families[i];
    if (!merged.empty() && merged.back().name == f.name) {
      auto& dst = merged.back().metric;
      for (auto& m : f.metric) dst.push_back(std::move(m));
    } else {
      merged.push_back(std::move(f));
    }
  }
  std::erase_if(merged, [](const prometheus::MetricFamily& f) { return f.metric.empty(); });
  for (auto& f : merged) {
    for (auto& m : f.metric) {
      if (!std::is_sorted(m.label.begin(), m.label.end(),
                          [](const auto& a, const auto& b) { return a.name < b.name; })) {
        std::sort(m.label.begin(), m.label.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
      }
    }
    SortMetrics(f.metric);
  }
  families = std::move(merged);
}

void AppendText(std::string& out, const std::vector<prometheus::MetricFamily>& families) {
  for (const auto& f : families) {
    const std::string_view type = TypeName(f.type);
    AppendBounded(out, 2 * f.name.size() + 2 * f.help.size() + type.size() + 20, [&](char* p) {
      if (!f.help.empty()) {
        p = Write(p, "# HELP ");
        p = Write(p, f.name);
        *p++ = ' ';
        p = WriteEscaped(p, f.help, false);
        *p++ = '\n';
      }
      p = Write(p, "# TYPE ");
      p = Write(p, f.name);
      *p++ = ' ';
      p = Write(p, type);
      *p++ = '\n';
      return p;
    });
    for (const auto& m : f.metric) {
      switch (f.type) {
        case prometheus::MetricType::Summary:
          for (const auto& q : m.summary.quantile) {
            AppendSample(out, f.name, "", m, "quantile", q.quantile, q.value);
          }
          AppendSample(out, f.name, "_sum", m, nullptr, 0, m.summary.sample_sum);
          AppendSample(out, f.name, "_count", m, nullptr, 0, static_cast<double>(m.summary.sample_count));
          break;
        case prometheus::MetricType::Histogram: {
          bool inf = false;
          for (const auto& b : m.histogram.bucket) {
            inf = inf || std::isinf(b.upper_bound);
            AppendSample(out, f.name, "_bucket", m, "le", b.upper_bound,
                         static_cast<double>(b.cumulative_count));
          }
          if (!inf) {  // the +Inf bucket is implied by _count
            AppendSample(out, f.name, "_bucket", m, "le", std::numeric_limits<double>::infinity(),
                         static_cast<double>(m.histogram.sample_count));
          }
          AppendSample(out, f.name, "_sum", m, nullptr, 0, m.histogram.sample_sum);
          AppendSample(out, f.name, "_count", m, nullptr, 0, static_cast<double>(m.histogram.sample_count));
          break;
        }
        default:
          AppendSample(out, f.name, "", m, nullptr, 0, Value(m, f.type));
      }
    }
  }
}

std::string SerializeText(std::vector<prometheus::MetricFamily> families) {
  SortFamilies(families);
  return SerializeSorted(families);
}

std::string SerializeSorted(const std::vector<prometheus::MetricFamily>& families) {
  // Reserve about what the text will take, so the body is not copied while it grows.
  std::size_t estimate = 0;
  for (const auto& f : families) {
    estimate += 2 * f.name.size() + f.help.size() + 32 + f.metric.size() * (f.name.size() + 48);
    if (!f.metric.empty()) estimate += f.metric.size() * f.metric.front().label.size() * 24;
  }
  std::string out;
  out.reserve(estimate);
  AppendText(out, families);
  return out;
}

}  // namespace host_exporter
