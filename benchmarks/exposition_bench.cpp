// The metric writer and the text exposition writer: AppendFloat (Go's shortest
// 'g' formatting), MetricWriter::Add, SortFamilies and AppendText on n samples
// shaped like node_cpu_seconds_total (two labels) spread over families.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "host_exporter/exposition.h"
#include "host_exporter/metric_writer.h"

namespace host_exporter::bench {
namespace {

std::vector<double> Values() {
  return {0, 1, 3.831959552e+09, 1.25e+08, 10870.69, 0.000123, 4297871852, 27219870.12, 18446744073709551615.0,
          -1, 1e-9, 2.5};
}

void BM_AppendFloat(benchmark::State& state) {
  const auto values = Values();
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (double v : values) AppendFloat(out, v);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_AppendFloat);

// n samples: n/8 "cpus" x 8 modes, in 1 + n/256 families (as collectors emit them).
void Fill(MetricWriter& w, int n) {
  static const char* kModes[] = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
  for (int i = 0; i < n; ++i) {
    std::string cpu = std::to_string(i / 8);
    std::string family = "node_bench_family_" + std::to_string(i / 256) + "_seconds_total";
    w.Counter(family, "Seconds the CPUs spent in each mode.", 1845512.37 + i,
              {{"cpu", cpu}, {"mode", kModes[i % 8]}});
  }
}

void BM_MetricWriterAdd(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    MetricWriter w;
    Fill(w, n);
    benchmark::DoNotOptimize(w.families().data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_MetricWriterAdd)->Arg(64)->Arg(1024)->Arg(8192);

void BM_SortFamilies(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  MetricWriter w;
  Fill(w, n);
  const auto families = w.Take();
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = families;
    state.ResumeTiming();
    SortFamilies(copy);
    benchmark::DoNotOptimize(copy.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_SortFamilies)->Arg(64)->Arg(1024)->Arg(8192);

void BM_AppendText(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  MetricWriter w;
  Fill(w, n);
  auto families = w.Take();
  SortFamilies(families);
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendText(out, families);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_AppendText)->Arg(64)->Arg(1024)->Arg(8192);

// Writer + sort + text: what one scrape does with its samples.
void BM_WriteSortSerialize(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    MetricWriter w;
    Fill(w, n);
    std::string body = SerializeText(w.Take());
    benchmark::DoNotOptimize(body.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_WriteSortSerialize)->Arg(1024)->Arg(8192);

}  // namespace
}  // namespace host_exporter::bench
