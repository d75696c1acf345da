#include "host_exporter/exposition.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

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

void AppendEscaped(std::string& out, std::string_view s, bool quote) {
  for (char c : s) {
    switch (c) {
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '"':
        if (quote) {
          out.append("\\\"");
        } else {
          out.push_back(c);
        }
        break;
      default: out.push_back(c);
    }
  }
}

bool LabelsLess(const prometheus::ClientMetric& a, const prometheus::ClientMetric& b) {
  if (a.label.size() != b.label.size()) return a.label.size() < b.label.size();
  for (std::size_t i = 0; i < a.label.size(); ++i) {
    if (a.label[i].value != b.label[i].value) return a.label[i].value < b.label[i].value;
  }
  return a.timestamp_ms < b.timestamp_ms;
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
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<prometheus::MetricFamily> merged;
  merged.reserve(families.size());
  for (auto& f : families) {
    auto [it, inserted] = seen.emplace(f.name, merged.size());
    if (inserted) {
      merged.push_back(std::move(f));
    } else {
      auto& dst = merged[it->second].metric;
      for (auto& m : f.metric) dst.push_back(std::move(m));
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
    std::sort(f.metric.begin(), f.metric.end(), LabelsLess);
  }
  std::sort(merged.begin(), merged.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
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
  std::string out;
  out.reserve(families.size() * 256);
  AppendText(out, families);
  return out;
}

}  // namespace host_exporter
