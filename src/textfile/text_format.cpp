#include "host_exporter/textfile/text_format.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "host_exporter/gocompat/strconv.h"
#include "host_exporter/gocompat/utf8.h"
#include "host_exporter/text.h"

namespace host_exporter::textfile {
namespace {

using gocompat::Quote;
using gocompat::QuoteByte;

bool IsBlankOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// expfmt's token classes: '"' starts a quoted (UTF-8 syntax) name; inside quotes
// every byte continues the name.
bool IsLabelNameStart(char c) { return IsAlpha(c) || c == '_' || c == '"'; }
bool IsLabelNameContinuation(char c, bool quoted) { return quoted || IsLabelNameStart(c) || IsDigit(c); }
bool IsMetricNameStart(char c) { return IsLabelNameStart(c) || c == ':'; }
bool IsMetricNameContinuation(char c, bool quoted) { return IsLabelNameContinuation(c, quoted) || c == ':'; }

// model.LegacyValidation.
bool IsLegacyMetricName(std::string_view s) {
  if (s.empty() || !(IsAlpha(s[0]) || s[0] == '_' || s[0] == ':')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlpha(c) || IsDigit(c) || c == '_' || c == ':'; });
}
bool IsLegacyLabelName(std::string_view s) {
  if (s.empty() || !(IsAlpha(s[0]) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; });
}

bool HasSuffix(std::string_view name, std::string_view suffix) {
  return name.size() > suffix.size() && name.ends_with(suffix);
}

std::string_view SummaryName(std::string_view name) {
  if (HasSuffix(name, "_count")) return name.substr(0, name.size() - 6);
  if (HasSuffix(name, "_sum")) return name.substr(0, name.size() - 4);
  return name;
}

std::string_view HistogramName(std::string_view name) {
  if (HasSuffix(name, "_bucket")) return name.substr(0, name.size() - 7);
  return SummaryName(name);
}

// expfmt's parseFloat: Go's ParseFloat, minus hex floats and digit separators.
Result<double> ParseSampleFloat(std::string_view s) {
  if (s.find_first_of("pP_") != std::string_view::npos) return ParseFail("unsupported character in float");
  return gocompat::ParseFloat(s);
}

class Parser {
 public:
  explicit Parser(std::string_view in) : in_(in) {}

  Result<std::vector<MetricFamily>> Run() {
    State s = State::kStartOfLine;
    while (s != State::kDone) s = Step(s);
    if (error_) return ParseFail(*error_);
    if (!clean_end_) {
      // Any end of input but at the start of a line.
      SetError("unexpected end of input stream");
      return ParseFail(*error_);
    }
    std::vector<MetricFamily> out;
    for (Family& f : families_) {
      if (!f.mf.metrics.empty()) out.push_back(std::move(f.mf));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }

 private:
  enum class State {
    kStartOfLine,
    kStartComment,
    kReadingMetricName,
    kReadingLabels,
    kStartLabelName,
    kStartLabelValue,
    kReadingValue,
    kStartTimestamp,
    kReadingHelp,
    kReadingType,
    kDone,
  };

  struct Family {
    MetricFamily mf;
    bool has_type = false;
    // Summaries/histograms: labels (sorted by name) -> index in mf.metrics.
    std::map<std::vector<std::pair<std::string, std::string>>, std::size_t> by_labels;
  };

  State Step(State s) {
    switch (s) {
      case State::kStartOfLine: return StartOfLine();
      case State::kStartComment: return StartComment();
      case State::kReadingMetricName: return ReadingMetricName();
      case State::kReadingLabels: return cur_ == '{' ? State::kStartLabelName : State::kReadingValue;
      case State::kStartLabelName: return StartLabelName();
      case State::kStartLabelValue: return StartLabelValue();
      case State::kReadingValue: return ReadingValue();
      case State::kStartTimestamp: return StartTimestamp();
      case State::kReadingHelp: return ReadingHelp();
      case State::kReadingType: return ReadingType();
      case State::kDone: break;
    }
    return State::kDone;
  }

  // Input. At the end cur_ becomes 0 and eof_ is set, like bufio's ReadByte.
  bool ReadByte() {
    if (pos_ >= in_.size()) {
      cur_ = 0;
      eof_ = true;
      return false;
    }
    cur_ = in_[pos_++];
    return true;
  }
  bool Failed() const { return eof_ || error_.has_value(); }
  void SetError(std::string msg) {
    if (!error_) error_ = "text format parsing error in line " + std::to_string(line_) + ": " + msg;
  }
  State Fail(std::string msg) {
    SetError(std::move(msg));
    return State::kDone;
  }

  // Reads until a byte that is not ' ' or '\t'; false at the end of input.
  bool SkipBlankTab() {
    for (;;) {
      if (!ReadByte()) return false;
      if (!IsBlankOrTab(cur_)) return true;
    }
  }
  bool SkipBlankTabIfCurrentBlankTab() { return !IsBlankOrTab(cur_) || SkipBlankTab(); }

  // The token starts with cur_; the byte that ends it is left in cur_.
  void ReadTokenUntilWhitespace() {
    token_.clear();
    while (!eof_ && !IsBlankOrTab(cur_) && cur_ != '\n') {
      token_.push_back(cur_);
      ReadByte();
    }
  }

  // With escapes, "\\", "\n" and "\"" are recognized (HELP text). Without, a
  // backslash is dropped, as expfmt does.
  void ReadTokenUntilNewline(bool escapes) {
    token_.clear();
    bool escaped = false;
    while (!eof_) {
      if (escapes && escaped) {
        switch (cur_) {
          case '\\': token_.push_back('\\'); break;
          case 'n': token_.push_back('\n'); break;
          case '"': token_.push_back('"'); break;
          default: SetError(std::string("invalid escape sequence '\\") + cur_ + "'"); return;
        }
        escaped = false;
      } else if (cur_ == '\n') {
        return;
      } else if (cur_ == '\\') {
        escaped = true;
      } else {
        token_.push_back(cur_);
      }
      ReadByte();
    }
  }

  // A metric or label name, plain or in double quotes.
  void ReadTokenAsName(bool metric) {
    token_.clear();
    bool quoted = false;
    bool escaped = false;
    if (!(metric ? IsMetricNameStart(cur_) : IsLabelNameStart(cur_))) return;
    while (!eof_) {
      if (escaped) {
        switch (cur_) {
          case '\\': token_.push_back('\\'); break;
          case 'n': token_.push_back('\n'); break;
          case '"': token_.append("\\\""); break;  // expfmt keeps the backslash here
          default: SetError(std::string("invalid escape sequence '\\") + cur_ + "'"); return;
        }
        escaped = false;
      } else {
        switch (cur_) {
          case '"':
            quoted = !quoted;
            if (!quoted) {
              ReadByte();
              return;
            }
            break;
          case '\n':
            SetError(std::string(metric ? "metric" : "label") + " name " + Quote(token_) + " contains unescaped new-line");
            return;
          case '\\': escaped = true; break;
          default: token_.push_back(cur_);
        }
      }
      if (!ReadByte()) return;
      bool cont = metric ? IsMetricNameContinuation(cur_, quoted) : IsLabelNameContinuation(cur_, quoted);
      if (!cont) return;
    }
  }

  // The value between double quotes; cur_ is the opening quote.
  void ReadTokenAsLabelValue() {
    token_.clear();
    bool escaped = false;
    for (;;) {
      if (!ReadByte()) return;
      if (escaped) {
        switch (cur_) {
          case '"':
          case '\\': token_.push_back(cur_); break;
          case 'n': token_.push_back('\n'); break;
          default: SetError(std::string("invalid escape sequence '\\") + cur_ + "'"); return;
        }
        escaped = false;
        continue;
      }
      switch (cur_) {
        case '"': return;
        case '\n': SetError("label value " + Quote(token_) + " contains unescaped new-line"); return;
        case '\\': escaped = true; break;
        default: token_.push_back(cur_);
      }
    }
  }

  // Finds the family a name belongs to: itself, or the summary/histogram whose
  // _sum, _count (or _bucket) it is; creates it otherwise.
  void SetOrCreateCurrentFamily(const std::string& name) {
    is_summary_count_ = is_summary_sum_ = is_histogram_count_ = is_histogram_sum_ = false;
    if (!IsLegacyMetricName(name)) {
      SetError("invalid metric name " + Quote(name));
      return;
    }
    if (auto it = by_name_.find(name); it != by_name_.end()) {
      current_ = it->second;
      return;
    }
    if (auto it = by_name_.find(std::string(SummaryName(name))); it != by_name_.end() &&
                                                                 families_[it->second].mf.kind == MetricKind::kSummary &&
                                                                 families_[it->second].has_type) {
      current_ = it->second;
      is_summary_count_ = HasSuffix(name, "_count");
      is_summary_sum_ = HasSuffix(name, "_sum");
      return;
    }
    if (auto it = by_name_.find(std::string(HistogramName(name)));
        it != by_name_.end() && families_[it->second].mf.kind == MetricKind::kHistogram &&
        families_[it->second].has_type) {
      current_ = it->second;
      is_histogram_count_ = HasSuffix(name, "_count");
      is_histogram_sum_ = HasSuffix(name, "_sum");
      return;
    }
    by_name_.emplace(name, families_.size());
    current_ = families_.size();
    families_.push_back(Family{MetricFamily{name, std::nullopt, MetricKind::kUntyped, {}}, false, {}});
  }

  std::string CurrentName() const { return current_ < families_.size() ? families_[current_].mf.name : ""; }

  // A sample line names its family: fix the type if no TYPE line did.
  void StartSampleOfCurrentFamily() {
    Family& f = families_[current_];
    if (!f.has_type) {
      f.has_type = true;
      f.mf.kind = MetricKind::kUntyped;
    }
    line_has_family_ = true;
  }

  State StartOfLine() {
    ++line_;
    line_has_family_ = false;
    inside_braces_ = false;
    line_labels_.clear();
    if (!SkipBlankTab()) {
      clean_end_ = true;  // the only place the input may end
      return State::kDone;
    }
    switch (cur_) {
      case '#': return State::kStartComment;
      case '\n': return State::kStartOfLine;
      case '{': inside_braces_ = true; return State::kStartLabelName;
      default: return State::kReadingMetricName;
    }
  }

  State StartComment() {
    if (!SkipBlankTab()) return State::kDone;
    if (cur_ == '\n') return State::kStartOfLine;
    ReadTokenUntilWhitespace();
    if (Failed()) return State::kDone;
    if (cur_ == '\n') return State::kStartOfLine;
    if (token_ != "HELP" && token_ != "TYPE") {
      while (cur_ != '\n') {
        if (!ReadByte()) return State::kDone;
      }
      return State::kStartOfLine;
    }
    bool help = token_ == "HELP";
    if (!SkipBlankTab()) return State::kDone;
    ReadTokenAsName(true);
    if (Failed()) return State::kDone;
    if (cur_ == '\n') return State::kStartOfLine;
    if (!IsBlankOrTab(cur_)) return Fail("invalid metric name in comment");
    SetOrCreateCurrentFamily(token_);
    if (Failed()) return State::kDone;
    if (!SkipBlankTab()) return State::kDone;
    if (cur_ == '\n') return State::kStartOfLine;
    return help ? State::kReadingHelp : State::kReadingType;
  }

  State ReadingMetricName() {
    ReadTokenAsName(true);
    if (Failed()) return State::kDone;
    if (token_.empty()) return Fail("invalid metric name");
    SetOrCreateCurrentFamily(token_);
    if (Failed()) return State::kDone;
    StartSampleOfCurrentFamily();
    if (!SkipBlankTabIfCurrentBlankTab()) return State::kDone;
    return State::kReadingLabels;
  }

  State StartLabelName() {
    if (!SkipBlankTab()) return State::kDone;
    if (cur_ == '}') {
      if (!SkipBlankTab()) return State::kDone;
      return State::kReadingValue;
    }
    ReadTokenAsName(false);
    if (Failed()) return State::kDone;
    if (token_.empty()) return Fail("invalid label name for metric " + Quote(CurrentName()));
    if (!SkipBlankTabIfCurrentBlankTab()) return State::kDone;
    if (cur_ != '=') {
      if (!inside_braces_) return Fail("expected '=' after label name, found " + QuoteByte(cur_));
      // {"name", ...}: a quoted metric name inside the braces.
      if (cur_ != ',' && cur_ != '}') return Fail("unexpected end of metric name " + QuoteByte(cur_));
      if (line_has_family_) return Fail("multiple metric names for metric " + Quote(CurrentName()));
      SetOrCreateCurrentFamily(token_);
      if (Failed()) return State::kDone;
      StartSampleOfCurrentFamily();
      if (cur_ == ',') return State::kStartLabelName;
      if (!SkipBlankTab()) return State::kDone;
      return State::kReadingValue;
    }
    if (token_ == "__name__") return Fail("label name \"__name__\" is reserved");
    if (!IsLegacyLabelName(token_)) return Fail("invalid label name " + Quote(token_));
    label_name_ = token_;
    return State::kStartLabelValue;
  }

  State StartLabelValue() {
    if (!SkipBlankTab()) return State::kDone;
    if (cur_ != '"') return Fail("expected '\"' at start of label value, found " + QuoteByte(cur_));
    ReadTokenAsLabelValue();
    if (Failed()) return State::kDone;
    if (!gocompat::ValidUTF8(token_)) return Fail("invalid label value " + Quote(token_));
    line_labels_.push_back(LabelPair{label_name_, token_});
    if (!SkipBlankTab()) return State::kDone;
    switch (cur_) {
      case ',': return State::kStartLabelName;
      case '}':
        if (!SkipBlankTab()) return State::kDone;
        return State::kReadingValue;
      default: return Fail("unexpected end of label value " + Quote(line_labels_.back().value));
    }
  }

  State ReadingValue() {
    if (!line_has_family_) return Fail("invalid metric name");
    Family& f = families_[current_];
    const MetricKind kind = f.mf.kind;
    // Split off the summary's quantile / the histogram's bucket bound.
    std::vector<LabelPair> labels;
    double quantile = std::nan("");
    double bound = std::nan("");
    for (LabelPair& l : line_labels_) {
      if (kind == MetricKind::kSummary && l.name == "quantile") {
        auto q = ParseSampleFloat(l.value);
        if (!q) return Fail("expected float as value for 'quantile' label, got " + Quote(l.value));
        quantile = *q;
        continue;
      }
      if (kind == MetricKind::kHistogram && l.name == "le") {
        auto b = ParseSampleFloat(l.value);
        if (!b) return Fail("expected float as value for 'le' label, got " + Quote(l.value));
        bound = *b;
        continue;
      }
      for (const LabelPair& seen : labels) {
        if (seen.name == l.name) return Fail("duplicate label names for metric " + Quote(f.mf.name));
      }
      labels.push_back(std::move(l));
    }
    std::size_t index = f.mf.metrics.size();
    if (kind == MetricKind::kSummary || kind == MetricKind::kHistogram) {
      std::vector<std::pair<std::string, std::string>> key;
      for (const LabelPair& l : labels) key.emplace_back(l.name, l.value);
      std::sort(key.begin(), key.end());
      auto [it, inserted] = f.by_labels.emplace(std::move(key), index);
      if (inserted) {
        f.mf.metrics.push_back(Metric{std::move(labels)});
      } else {
        index = it->second;
      }
    } else {
      f.mf.metrics.push_back(Metric{std::move(labels)});
    }
    metric_ = index;

    ReadTokenUntilWhitespace();
    if (Failed()) return State::kDone;
    auto value = ParseSampleFloat(token_);
    if (!value) return Fail("expected float as value, got " + Quote(token_));
    Metric& m = f.mf.metrics[index];
    switch (kind) {
      case MetricKind::kCounter:
      case MetricKind::kGauge:
      case MetricKind::kUntyped: m.value = *value; break;
      case MetricKind::kSummary:
        if (is_summary_count_) {
          m.sample_count = gocompat::FloatToUint64(*value);
        } else if (is_summary_sum_) {
          m.sample_sum = *value;
        } else if (!std::isnan(quantile)) {
          m.quantiles.push_back(Quantile{quantile, *value});
        }
        break;
      case MetricKind::kHistogram:
        if (is_histogram_count_) {
          m.sample_count = gocompat::FloatToUint64(*value);
        } else if (is_histogram_sum_) {
          m.sample_sum = *value;
        } else if (!std::isnan(bound)) {
          m.buckets.push_back(Bucket{bound, gocompat::FloatToUint64(*value)});
        }
        break;
    }
    return cur_ == '\n' ? State::kStartOfLine : State::kStartTimestamp;
  }

  State StartTimestamp() {
    if (!SkipBlankTab()) return State::kDone;
    ReadTokenUntilWhitespace();
    if (Failed()) return State::kDone;
    auto ts = ParseInt(token_);
    if (!ts || token_.starts_with("+-")) return Fail("expected integer as timestamp, got " + Quote(token_));
    families_[current_].mf.metrics[metric_].timestamp_ms = *ts;
    ReadTokenUntilNewline(false);
    if (Failed()) return State::kDone;
    if (!token_.empty()) return Fail("spurious string after timestamp: " + Quote(token_));
    return State::kStartOfLine;
  }

  State ReadingHelp() {
    Family& f = families_[current_];
    if (f.mf.help) return Fail("second HELP line for metric name " + Quote(f.mf.name));
    ReadTokenUntilNewline(true);
    if (Failed()) return State::kDone;
    f.mf.help = token_;
    return State::kStartOfLine;
  }

  State ReadingType() {
    Family& f = families_[current_];
    if (f.has_type) {
      return Fail("second TYPE line for metric name " + Quote(f.mf.name) + ", or TYPE reported after samples");
    }
    ReadTokenUntilNewline(false);
    if (Failed()) return State::kDone;
    std::string upper = token_;
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    static const std::pair<std::string_view, MetricKind> kTypes[] = {
        {"COUNTER", MetricKind::kCounter}, {"GAUGE", MetricKind::kGauge},
        {"SUMMARY", MetricKind::kSummary}, {"UNTYPED", MetricKind::kUntyped},
        {"HISTOGRAM", MetricKind::kHistogram},
    };
    for (const auto& [n, k] : kTypes) {
      if (upper == n) {
        f.mf.kind = k;
        f.has_type = true;
        return State::kStartOfLine;
      }
    }
    return Fail("unknown metric type " + Quote(token_));
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  char cur_ = 0;
  bool eof_ = false;
  bool clean_end_ = false;
  int line_ = 0;
  std::optional<std::string> error_;
  std::string token_;

  std::vector<Family> families_;
  std::unordered_map<std::string, std::size_t> by_name_;
  std::size_t current_ = static_cast<std::size_t>(-1);  // expfmt's currentMF
  std::size_t metric_ = 0;                              // the current line's metric in it
  bool is_summary_count_ = false, is_summary_sum_ = false;
  bool is_histogram_count_ = false, is_histogram_sum_ = false;

  // The sample line being read.
  bool line_has_family_ = false;
  bool inside_braces_ = false;
  std::string label_name_;
  std::vector<LabelPair> line_labels_;
};

}  // namespace

Result<std::vector<MetricFamily>> ParseTextFormat(std::string_view text) { return Parser(text).Run(); }

}  // namespace host_exporter::textfile
