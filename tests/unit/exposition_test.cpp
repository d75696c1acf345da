#include "host_exporter/exposition.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "host_exporter/metric_writer.h"

namespace host_exporter {
namespace {

TEST(FormatFloat, MatchesGoStrconvG) {
  // Expected strings are what Go's strconv.FormatFloat(v, 'g', -1, 64) prints.
  EXPECT_EQ(FormatFloat(0), "0");
  EXPECT_EQ(FormatFloat(-0.0), "0");
  EXPECT_EQ(FormatFloat(1), "1");
  EXPECT_EQ(FormatFloat(-1), "-1");
  EXPECT_EQ(FormatFloat(3831959552.0), "3.831959552e+09");
  EXPECT_EQ(FormatFloat(1.25e8), "1.25e+08");
  EXPECT_EQ(FormatFloat(10870.69), "10870.69");
  EXPECT_EQ(FormatFloat(123456), "123456");
  EXPECT_EQ(FormatFloat(1e6), "1e+06");
  EXPECT_EQ(FormatFloat(999999), "999999");
  EXPECT_EQ(FormatFloat(0.0001), "0.0001");
  EXPECT_EQ(FormatFloat(0.00001), "1e-05");
  EXPECT_EQ(FormatFloat(0.1), "0.1");
  EXPECT_EQ(FormatFloat(-2.5), "-2.5");
  EXPECT_EQ(FormatFloat(1.8446744073709552e19), "1.8446744073709552e+19");
  EXPECT_EQ(FormatFloat(5e-324), "5e-324");
  EXPECT_EQ(FormatFloat(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(FormatFloat(std::nan("")), "NaN");
  EXPECT_EQ(FormatFloat(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(FormatFloat(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(SerializeText, SortsFamiliesSeriesAndLabelsAndEscapes) {
  MetricWriter w;
  w.Gauge("b_metric", "Help with \\ and\nnewline.", 2, {{"z", "1"}, {"a", "y"}});
  w.Gauge("b_metric", "ignored", 1, {{"z", "0"}, {"a", "y"}});
  w.Counter("a_total", "A counter.", 7, {{"path", "C:\\dir \"q\"\nx"}});
  w.Untyped("c", "", 1.5);
  std::string text = SerializeText(w.Take());
  EXPECT_EQ(text,
            "# HELP a_total A counter.\n"
            "# TYPE a_total counter\n"
            "a_total{path=\"C:\\\\dir \\\"q\\\"\\nx\"} 7\n"
            "# HELP b_metric Help with \\\\ and\\nnewline.\n"
            "# TYPE b_metric gauge\n"
            "b_metric{a=\"y\",z=\"0\"} 1\n"
            "b_metric{a=\"y\",z=\"1\"} 2\n"
            "# TYPE c untyped\n"
            "c 1.5\n");
}

TEST(MetricWriter, FindsEachFamilyAgainPastTheLinearScanAndAcrossRehashes) {
  // 16 families are scanned; from the 17th a hash table indexes them, and it
  // grows several times on the way to 1000. Every sample must land in its own
  // family, and the first help and type must win.
  MetricWriter w;
  constexpr int kFamilies = 1000;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < kFamilies; ++i) {
      // Revisit the families out of order (never the last one written).
      int k = (i * 37 + round * 11) % kFamilies;
      std::string name = "family_" + std::to_string(k);
      w.Gauge(name, name + " in round " + std::to_string(round), k, {{"round", std::to_string(round)}});
    }
  }
  auto fams = w.Take();
  ASSERT_EQ(fams.size(), static_cast<std::size_t>(kFamilies));
  for (const auto& f : fams) {
    ASSERT_EQ(f.metric.size(), 3u) << f.name;
    const int k = std::stoi(f.name.substr(7));
    EXPECT_EQ(f.help, f.name + " in round 0");
    for (int round = 0; round < 3; ++round) {
      EXPECT_EQ(f.metric[round].gauge.value, k);
      EXPECT_EQ(f.metric[round].label[0].value, std::to_string(round));
    }
  }
}

TEST(SerializeText, MergesFamiliesAndDropsEmptyOnes) {
  std::vector<prometheus::MetricFamily> fams(3);
  fams[0].name = "x";
  fams[0].type = prometheus::MetricType::Gauge;
  fams[0].metric.resize(1);
  fams[0].metric[0].label = {{"k", "b"}};
  fams[1].name = "empty";
  fams[2] = fams[0];
  fams[2].metric[0].label = {{"k", "a"}};
  std::string text = SerializeText(fams);
  EXPECT_EQ(text, "# TYPE x gauge\nx{k=\"a\"} 0\nx{k=\"b\"} 0\n");
}

TEST(SerializeText, SortsLabelValuesBytewise) {
  MetricWriter w;
  for (const char* cpu : {"10", "2", "1"}) w.Gauge("m", "h", 0, {{"cpu", cpu}});
  EXPECT_EQ(SerializeText(w.Take()),
            "# HELP m h\n# TYPE m gauge\nm{cpu=\"1\"} 0\nm{cpu=\"10\"} 0\nm{cpu=\"2\"} 0\n");
}

}  // namespace
}  // namespace host_exporter

namespace host_exporter {
namespace {

TEST(SerializeText, SummaryAndHistogram) {
  std::vector<prometheus::MetricFamily> fams(2);
  fams[0].name = "rpc_seconds";
  fams[0].help = "RPC latency.";
  fams[0].type = prometheus::MetricType::Summary;
  fams[0].metric.resize(1);
  fams[0].metric[0].label = {{"svc", "a"}};
  fams[0].metric[0].summary.quantile = {{0.5, 0.05}, {0.99, 1.5}};
  fams[0].metric[0].summary.sample_sum = 12.5;
  fams[0].metric[0].summary.sample_count = 40;
  fams[1].name = "size_bytes";
  fams[1].type = prometheus::MetricType::Histogram;
  fams[1].metric.resize(1);
  fams[1].metric[0].histogram.bucket = {{3, 100}, {7, 1000}};
  fams[1].metric[0].histogram.sample_sum = 5000;
  fams[1].metric[0].histogram.sample_count = 9;
  EXPECT_EQ(SerializeText(fams),
            "# HELP rpc_seconds RPC latency.\n"
            "# TYPE rpc_seconds summary\n"
            "rpc_seconds{svc=\"a\",quantile=\"0.5\"} 0.05\n"
            "rpc_seconds{svc=\"a\",quantile=\"0.99\"} 1.5\n"
            "rpc_seconds_sum{svc=\"a\"} 12.5\n"
            "rpc_seconds_count{svc=\"a\"} 40\n"
            "# TYPE size_bytes histogram\n"
            "size_bytes_bucket{le=\"100\"} 3\n"
            "size_bytes_bucket{le=\"1000\"} 7\n"
            "size_bytes_bucket{le=\"+Inf\"} 9\n"
            "size_bytes_sum 5000\n"
            "size_bytes_count 9\n");
}

TEST(FormatFloat, IntegersTakeTheFastPathWithGoLayout) {
  // Go: strconv.FormatFloat(v, 'g', -1, 64) for integral values on both sides
  // of the plain/exponent boundary (exponent 6) and of 2^53.
  EXPECT_EQ(FormatFloat(999999), "999999");
  EXPECT_EQ(FormatFloat(-999999), "-999999");
  EXPECT_EQ(FormatFloat(1000000), "1e+06");
  EXPECT_EQ(FormatFloat(1234567), "1.234567e+06");
  EXPECT_EQ(FormatFloat(-2500000), "-2.5e+06");
  EXPECT_EQ(FormatFloat(1e15), "1e+15");
  EXPECT_EQ(FormatFloat(9007199254740991.0), "9.007199254740991e+15");
  EXPECT_EQ(FormatFloat(9007199254740992.0), "9.007199254740992e+15");
  EXPECT_EQ(FormatFloat(18446744073709551615.0), "1.8446744073709552e+19");
  EXPECT_EQ(FormatFloat(4297871852.0), "4.297871852e+09");
  EXPECT_EQ(FormatFloat(100), "100");
  EXPECT_EQ(FormatFloat(1e-7), "1e-07");
}

}  // namespace
}  // namespace host_exporter
