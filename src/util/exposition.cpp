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

// Copies runs of plain characters in one append; most strings have none to escape.
void AppendEscaped(std::string& out, std::string_view s, bool quote) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '\\' && c != '\n' && (c != '"' || !quote)) continue;
    out.append(s.data() + start, i - start);
    out.append(c == '\\' ? "\\\\" : c == '\n' ? "\\n" : "\\\"");
    start = i + 1;
  }
  out.append(s.data() + start, s.size() - start);
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
// One sample line: name+suffix, the metric's labels plus an optional extra label
// (quantile / le) whose value is a float, the value and the timestamp.
void AppendSample(std::string& out, const std::string& name, const char* suffix,
                  const prometheus::ClientMetric& m, const char* extra, double extra_value, double v) {
  out.append(name).append(suffix);
  if (!m.label.empty() || extra != nullptr) {
    out.push_back('{');
    bool first = true;
    for (const auto& l : m.label) {
      if (!first) out.push_back(',');
      first = false;
      out.append(l.name).append("=\"");
      AppendEscaped(out, l.value, true);
      out.push_back('"');
    }
    if (extra != nullptr) {
      if (!first) out.push_back(',');
      out.append(extra).append("=\"");
      AppendFloat(out, extra_value);
      out.push_back('"');
    }
    out.push_back('}');
  }
  out.push_back(' ');
  AppendFloat(out, v);
  if (m.timestamp_ms != 0) {
    out.push_back(' ');
    out.append(std::to_string(m.timestamp_ms));
  }
  out.push_back('\n');
}
}  // namespace

void AppendFloat(std::string& out, double v) {
  if (v == 0) { out.push_back('0'); return; }
  if (v == 1) { out.push_back('1'); return; }
  if (v == -1) { out.append("-1"); return; }
  if (std::isnan(v)) { out.append("NaN"); return; }
  if (std::isinf(v)) { out.append(v > 0 ? "+Inf" : "-Inf"); return; }

  // Integers below 2^53 (most counters and gauges): their decimal digits, less
  // trailing zeros, are the shortest round-trip digits; no float formatting.
  if (std::fabs(v) < 9007199254740992.0 && v == std::trunc(v)) {
    const bool negative = v < 0;
    char ibuf[24];
    auto ir = std::to_chars(ibuf, ibuf + sizeof ibuf, static_cast<std::uint64_t>(negative ? -v : v));
    const std::size_t len = static_cast<std::size_t>(ir.ptr - ibuf);
    if (negative) out.push_back('-');
    if (len <= 6) {  // exponent below 6: plain
      out.append(ibuf, len);
      return;
    }
    std::size_t nd = len;
    while (nd > 1 && ibuf[nd - 1] == '0') --nd;
    out.push_back(ibuf[0]);
    if (nd > 1) {
      out.push_back('.');
      out.append(ibuf + 1, nd - 1);
    }
    out.append("e+");
    char eb[4];
    auto er = std::to_chars(eb, eb + sizeof eb, len - 1);  // 6..15: two digits at most
    if (len - 1 < 10) out.push_back('0');
    out.append(eb, static_cast<std::size_t>(er.ptr - eb));
    return;
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

  if (neg) out.push_back('-');
  if (exp < -4 || exp >= 6) {
    out.push_back(digits[0]);
    if (nd > 1) {
      out.push_back('.');
      out.append(digits + 1, nd - 1);
    }
    out.push_back('e');
    out.push_back(exp < 0 ? '-' : '+');
    int ae = exp < 0 ? -exp : exp;
    if (ae < 10) out.push_back('0');
    char eb[8];
    auto er = std::to_chars(eb, eb + sizeof eb, ae);
    out.append(eb, static_cast<std::size_t>(er.ptr - eb));
    return;
  }
  int dp = exp + 1;  // digits before the decimal point
  if (dp <= 0) {
    out.append("0.");
    out.append(static_cast<std::size_t>(-dp), '0');
    out.append(digits, nd);
    return;
  }
  std::size_t udp = static_cast<std::size_t>(dp);
  if (udp >= nd) {
    out.append(digits, nd);
    out.append(udp - nd, '0');
  } else {
    out.append(digits, udp);
    out.push_back('.');
    out.append(digits + udp, nd - udp);
  }
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
    if (!f.help.empty()) {
      out.append("# HELP ").append(f.name).push_back(' ');
      AppendEscaped(out, f.help, false);
      out.push_back('\n');
    }
    out.append("# TYPE ").append(f.name).push_back(' ');
    out.append(TypeName(f.type)).push_back('\n');
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
