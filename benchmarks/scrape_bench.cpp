// A whole /metrics response without HTTP: every default collector on
// fixtures/basic (deterministic input) and on this host's own /proc and /sys.
// The one to profile with callgrind (docs/benchmarks.md):
//   valgrind --tool=callgrind build/benchmarks/host_exporter_benchmarks
//     --benchmark_filter=BM_Scrape_host --benchmark_min_time=0.05
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "host_exporter/exporter.h"

namespace host_exporter::bench {
namespace {

std::unique_ptr<Exporter> Make(const std::vector<std::string>& args) {
  FlagSet flagset = BuildFlagSet();
  auto flags = flagset.Parse(args);
  if (!flags) {
    std::fprintf(stderr, "benchmark flags: %s\n", flags.error().message.c_str());
    return nullptr;
  }
  auto opts = OptionsFromFlags(*flags);
  if (!opts) return nullptr;
  auto e = Exporter::Create(*opts, *flags);
  if (!e) {
    std::fprintf(stderr, "benchmark exporter: %s\n", e.error().message.c_str());
    return nullptr;
  }
  return std::move(*e);
}

void RunScrape(benchmark::State& state, const std::vector<std::string>& args) {
  auto exporter = Make(args);
  if (!exporter) {
    state.SkipWithError("could not build the exporter");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    MetricsResponse r = exporter->Metrics({}, {}, std::nullopt);
    bytes = r.body.size();
    benchmark::DoNotOptimize(r.body.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_Scrape_basic(benchmark::State& state) {
  std::string d = FixtureDir("basic");
  RunScrape(state, {"--path.procfs=" + d + "/proc", "--path.sysfs=" + d + "/sys",
                    "--path.rootfs=" + d + "/rootfs", "--path.udev.data=" + d + "/udev/data"});
}
BENCHMARK(BM_Scrape_basic)->UseRealTime();

void BM_Scrape_host(benchmark::State& state) { RunScrape(state, {}); }
BENCHMARK(BM_Scrape_host)->UseRealTime();

}  // namespace
}  // namespace host_exporter::bench
