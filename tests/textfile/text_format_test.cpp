#include "host_exporter/textfile/text_format.h"

#include <gtest/gtest.h>

#include <cmath>

namespace host_exporter::textfile {
namespace {

std::vector<MetricFamily> Parse(std::string_view text) {
  auto r = ParseTextFormat(text);
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : std::vector<MetricFamily>{};
}

// The error message of a text that must not parse.
std::string ParseError(std::string_view text) {
  auto r = ParseTextFormat(text);
  EXPECT_FALSE(r) << "parsed: " << text;
  if (r) return "";
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  return r.error().message;
}

TEST(ParseTextFormat, TypedFamiliesHelpAndLabels) {
  auto f = Parse(
      "# HELP http_requests_total The total number of HTTP requests.\n"
      "# TYPE http_requests_total counter\n"
      "http_requests_total{method=\"post\",code=\"200\"} 1027\n"
      "http_requests_total{method=\"post\",code=\"400\"}    3\n"
      "\n"
      "# A normal comment.\n"
      "# TYPE temperature gauge\n"
      "temperature 21.5\n"
      "plain_untyped 1\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].name, "http_requests_total");  // sorted by name
  EXPECT_EQ(f[0].kind, MetricKind::kCounter);
  EXPECT_EQ(f[0].help, "The total number of HTTP requests.");
  ASSERT_EQ(f[0].metrics.size(), 2u);
  EXPECT_EQ(f[0].metrics[0].labels, (std::vector<LabelPair>{{"method", "post"}, {"code", "200"}}));
  EXPECT_EQ(f[0].metrics[0].value, 1027);
  EXPECT_EQ(f[0].metrics[1].value, 3);
  EXPECT_EQ(f[1].name, "plain_untyped");
  EXPECT_EQ(f[1].kind, MetricKind::kUntyped);
  EXPECT_FALSE(f[1].help);
  EXPECT_EQ(f[2].name, "temperature");
  EXPECT_EQ(f[2].kind, MetricKind::kGauge);
  EXPECT_EQ(f[2].metrics[0].value, 21.5);
}

TEST(ParseTextFormat, EscapesInHelpAndLabelValues) {
  auto f = Parse(
      "# HELP msdos_file_access_time_seconds Path with \\\\ and a\\nnewline and \\\"quotes\\\".\n"
      "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} "
      "1.458255915e9\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].help, "Path with \\ and a\nnewline and \"quotes\".");
  EXPECT_EQ(f[0].metrics[0].labels[0].value, "C:\\DIR\\FILE.TXT");
  EXPECT_EQ(f[0].metrics[0].labels[1].value, "Cannot find file:\n\"FILE.TXT\"");
  EXPECT_EQ(f[0].metrics[0].value, 1.458255915e9);
}

TEST(ParseTextFormat, SpecialAndOddFloats) {
  auto f = Parse(
      "v{i=\"nan\"} NaN\n"
      "v{i=\"pinf\"} +Inf\n"
      "v{i=\"ninf\"} -Inf\n"
      "v{i=\"lower\"} inf\n"
      "v{i=\"exp\"} 1.5E-3\n"
      "v{i=\"frac\"} .5\n"
      "v{i=\"under\"} 1e-400\n"
      "v{i=\"neg\"} -0.25\n");
  ASSERT_EQ(f.size(), 1u);
  const auto& m = f[0].metrics;
  ASSERT_EQ(m.size(), 8u);
  EXPECT_TRUE(std::isnan(m[0].value));
  EXPECT_EQ(m[1].value, INFINITY);
  EXPECT_EQ(m[2].value, -INFINITY);
  EXPECT_EQ(m[3].value, INFINITY);
  EXPECT_DOUBLE_EQ(m[4].value, 0.0015);
  EXPECT_EQ(m[5].value, 0.5);
  EXPECT_EQ(m[6].value, 0);
  EXPECT_EQ(m[7].value, -0.25);
}

TEST(ParseTextFormat, RejectsFloatsExpfmtRejects) {
  EXPECT_NE(ParseError("v 0x1p3\n").find("expected float as value, got \"0x1p3\""), std::string::npos);
  EXPECT_FALSE(ParseTextFormat("v 1_000\n"));
  EXPECT_FALSE(ParseTextFormat("v 1e400\n"));  // out of range
  EXPECT_FALSE(ParseTextFormat("v 0x10\n"));
  EXPECT_FALSE(ParseTextFormat("v +nan\n"));
  EXPECT_FALSE(ParseTextFormat("v 1.2.3\n"));
  EXPECT_FALSE(ParseTextFormat("v\n"));
}

TEST(ParseTextFormat, Summary) {
  auto f = Parse(
      "# HELP rpc_duration_seconds A summary of the RPC duration in seconds.\n"
      "# TYPE rpc_duration_seconds summary\n"
      "rpc_duration_seconds{service=\"a\",quantile=\"0.01\"} 3102\n"
      "rpc_duration_seconds{quantile=\"0.5\",service=\"a\"} 4773\n"
      "rpc_duration_seconds{service=\"a\",quantile=\"NaN\"} 1\n"
      "rpc_duration_seconds_sum{service=\"a\"} 1.7560473e+07\n"
      "rpc_duration_seconds_count{service=\"a\"} 2693\n"
      "rpc_duration_seconds{service=\"b\",quantile=\"0.99\"} 76656\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, MetricKind::kSummary);
  ASSERT_EQ(f[0].metrics.size(), 2u);
  const Metric& a = f[0].metrics[0];
  EXPECT_EQ(a.labels, (std::vector<LabelPair>{{"service", "a"}}));
  ASSERT_EQ(a.quantiles.size(), 2u);  // the NaN quantile is ignored, as expfmt does
  EXPECT_EQ(a.quantiles[0].quantile, 0.01);
  EXPECT_EQ(a.quantiles[0].value, 3102);
  EXPECT_EQ(a.quantiles[1].quantile, 0.5);
  EXPECT_EQ(a.sample_sum, 1.7560473e+07);
  EXPECT_EQ(a.sample_count, 2693u);
  const Metric& b = f[0].metrics[1];
  EXPECT_EQ(b.labels, (std::vector<LabelPair>{{"service", "b"}}));
  EXPECT_EQ(b.quantiles.size(), 1u);
  EXPECT_EQ(b.sample_count, 0u);
}

TEST(ParseTextFormat, Histogram) {
  auto f = Parse(
      "# TYPE http_request_duration_seconds histogram\n"
      "http_request_duration_seconds_bucket{le=\"0.05\"} 24054\n"
      "http_request_duration_seconds_bucket{le=\"0.1\"} 33444\n"
      "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
      "http_request_duration_seconds_sum 53423\n"
      "http_request_duration_seconds_count 144320\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].name, "http_request_duration_seconds");
  EXPECT_EQ(f[0].kind, MetricKind::kHistogram);
  ASSERT_EQ(f[0].metrics.size(), 1u);
  const Metric& m = f[0].metrics[0];
  EXPECT_TRUE(m.labels.empty());
  ASSERT_EQ(m.buckets.size(), 3u);
  EXPECT_EQ(m.buckets[0].upper_bound, 0.05);
  EXPECT_EQ(m.buckets[0].cumulative_count, 24054u);
  EXPECT_EQ(m.buckets[2].upper_bound, INFINITY);
  EXPECT_EQ(m.sample_sum, 53423);
  EXPECT_EQ(m.sample_count, 144320u);
}

TEST(ParseTextFormat, SuffixesOnlyJoinDeclaredSummariesAndHistograms) {
  // Without a TYPE, foo_count is a family of its own; after a summary TYPE it
  // is the summary's count, while foo_bucket is not.
  auto f = Parse(
      "bar_count 1\n"
      "# TYPE foo summary\n"
      "foo_count 2\n"
      "foo_bucket 3\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].name, "bar_count");
  EXPECT_EQ(f[1].name, "foo");
  EXPECT_EQ(f[1].metrics[0].sample_count, 2u);
  EXPECT_EQ(f[2].name, "foo_bucket");
  EXPECT_EQ(f[2].kind, MetricKind::kUntyped);
}

TEST(ParseTextFormat, TimestampsAreKept) {
  auto f = Parse("a 1 1395066363000\nb{x=\"y\"} 2 -5\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].metrics[0].timestamp_ms, 1395066363000);
  EXPECT_EQ(f[1].metrics[0].timestamp_ms, -5);
  auto none = Parse("a 1\n");
  EXPECT_FALSE(none[0].metrics[0].timestamp_ms);
}

TEST(ParseTextFormat, WhitespaceAndLayoutVariants) {
  auto f = Parse(
      "  \t indented 1\n"
      "tabbed\t2\n"
      "spaced { a = \"1\" , b=\"2\", } 3\n"
      "empty_braces{} 4\n"
      "no_space{a=\"1\"}5\n"
      "#HELP indented Glued to the hash.\n"
      "#\n"
      "  # comment after blanks\n"
      "\n\n");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[1].name, "indented");
  EXPECT_EQ(f[1].help, "Glued to the hash.");
  EXPECT_EQ(f[3].name, "spaced");
  EXPECT_EQ(f[3].metrics[0].labels, (std::vector<LabelPair>{{"a", "1"}, {"b", "2"}}));
  EXPECT_EQ(f[3].metrics[0].value, 3);
  EXPECT_EQ(f[4].metrics[0].value, 2);
  EXPECT_EQ(f[2].metrics[0].value, 5);
}

TEST(ParseTextFormat, InterleavedSamplesJoinTheirFamily) {
  auto f = Parse("a 1\nb 2\na{x=\"1\"} 3\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].metrics.size(), 2u);
}

TEST(ParseTextFormat, FamiliesWithoutSamplesAreDropped) {
  auto f = Parse("# HELP lonely Nothing follows.\n# TYPE lonely gauge\nother 1\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].name, "other");
  EXPECT_TRUE(Parse("").empty());
  EXPECT_TRUE(Parse("\n\n   ").empty());  // trailing blanks without a newline are fine
  EXPECT_TRUE(Parse("# only a comment\n").empty());
}

TEST(ParseTextFormat, QuotedNames) {
  auto f = Parse("{\"quoted_name\",env=\"prod\"} 1\n\"other\"{a=\"b\"} 2\nthird{\"label\"=\"v\"} 3\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].name, "other");
  EXPECT_EQ(f[1].name, "quoted_name");
  EXPECT_EQ(f[1].metrics[0].labels, (std::vector<LabelPair>{{"env", "prod"}}));
  EXPECT_EQ(f[2].metrics[0].labels, (std::vector<LabelPair>{{"label", "v"}}));
  // node_exporter validates names the legacy way: no dots, no UTF-8.
  EXPECT_NE(ParseError("{\"my.metric\"} 1\n").find("invalid metric name \"my.metric\""), std::string::npos);
  EXPECT_NE(ParseError("m{\"my.label\"=\"x\"} 1\n").find("invalid label name \"my.label\""), std::string::npos);
  EXPECT_NE(ParseError("{a=\"b\"} 1\n").find("invalid metric name"), std::string::npos);
  EXPECT_NE(ParseError("{\"a\",\"b\"} 1\n").find("multiple metric names"), std::string::npos);
}

TEST(ParseTextFormat, MissingFinalNewlineIsAnError) {
  EXPECT_EQ(ParseError("a 1\nb 2"), "text format parsing error in line 2: unexpected end of input stream");
  EXPECT_EQ(ParseError("a 1\n# HELP a text"), "text format parsing error in line 2: unexpected end of input stream");
  EXPECT_EQ(ParseError("# just a comment"), "text format parsing error in line 1: unexpected end of input stream");
  EXPECT_EQ(ParseError("a 1 123"), "text format parsing error in line 1: unexpected end of input stream");
  EXPECT_EQ(ParseError("a{b=\"c"), "text format parsing error in line 1: unexpected end of input stream");
}

TEST(ParseTextFormat, SyntaxErrorsNameTheLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"a 1\na{b=\"c} 1\n", "line 2: label value \"c} 1\" contains unescaped new-line"},
      {"1abc 1\n", "line 1: invalid metric name"},
      {"a{1b=\"c\"} 1\n", "line 1: invalid label name for metric \"a\""},
      {"a{b c} 1\n", "line 1: expected '=' after label name, found 'c'"},
      {"a{b=c} 1\n", "line 1: expected '\"' at start of label value, found 'c'"},
      {"a{b=\"c\" d=\"e\"} 1\n", "line 1: unexpected end of label value \"c\""},
      {"a{b=\"\\t\"} 1\n", "line 1: invalid escape sequence '\\t'"},
      {"a{__name__=\"x\"} 1\n", "line 1: label name \"__name__\" is reserved"},
      {"a{b=\"1\",b=\"2\"} 1\n", "line 1: duplicate label names for metric \"a\""},
      {"a{b=\"\xff\"} 1\n", "line 1: invalid label value \"\\xff\""},
      {"a one\n", "line 1: expected float as value, got \"one\""},
      {"a 1 \n", "line 1: expected integer as timestamp, got \"\""},  // whitespace after the value
      {"a 1\r\n", "line 1: expected float as value, got \"1\\r\""},
      {"a 1 2 3\n", "line 1: spurious string after timestamp: \" 3\""},
      {"a 1 1.5\n", "line 1: expected integer as timestamp, got \"1.5\""},
      {"# HELP a one\n# HELP a two\n", "line 2: second HELP line for metric name \"a\""},
      {"# TYPE a gauge\n# TYPE a counter\n", "line 2: second TYPE line for metric name \"a\", or TYPE reported after samples"},
      {"a 1\n# TYPE a gauge\n", "line 2: second TYPE line for metric name \"a\", or TYPE reported after samples"},
      {"# TYPE a histogramm\n", "line 1: unknown metric type \"histogramm\""},
      {"# TYPE a gauge \n", "line 1: unknown metric type \"gauge \""},
      {"# HELP a-b x\n", "line 1: invalid metric name in comment"},
      {"# HELP a bad \\escape\n", "line 1: invalid escape sequence '\\e'"},
      {"# TYPE s summary\ns{quantile=\"high\"} 1\n", "line 2: expected float as value for 'quantile' label, got \"high\""},
      {"# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", "line 2: expected float as value for 'le' label, got \"x\""},
  };
  for (const Case& c : cases) {
    std::string want = "text format parsing error in " + c.message;
    EXPECT_EQ(ParseError(c.text), want) << c.text;
  }
}

TEST(ParseTextFormat, TypeKeywordIsCaseInsensitive) {
  auto f = Parse("# TYPE a GAUGE\na 1\n# TYPE b Counter\nb 1\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, MetricKind::kGauge);
  EXPECT_EQ(f[1].kind, MetricKind::kCounter);
}

TEST(ParseTextFormat, TruncatedInputsNeverParse) {
  const std::string full =
      "# HELP m Help.\n# TYPE m summary\nm{a=\"x\",quantile=\"0.5\"} 1\nm_sum{a=\"x\"} 2\nm_count{a=\"x\"} 3\n";
  ASSERT_TRUE(ParseTextFormat(full));
  // Every cut that does not end at a line boundary (or in the blanks of one)
  // is an error: nothing half-read is accepted.
  for (std::size_t n = 1; n < full.size(); ++n) {
    if (full[n - 1] == '\n') continue;
    EXPECT_FALSE(ParseTextFormat(full.substr(0, n))) << n << ": " << full.substr(0, n);
  }
}

}  // namespace
}  // namespace host_exporter::textfile
