// The loop every parser benchmark runs, shared by parsers_bench.cpp (procfs),
// sysfs_parsers_bench.cpp and other_parsers_bench.cpp. tools/check-bench-coverage.py
// (ctest bench_coverage) fails when a Parse* function of a parser header is not
// called in one of them.
// Thread safety: the functions are reentrant; the macros define benchmarks.
#pragma once

#include <benchmark/benchmark.h>

#include <concepts>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bench_util.h"
#include "host_exporter/text.h"

namespace host_exporter::bench {

// Aborts when a parser rejects its benchmark input: timing the error path of a
// fixture that stopped parsing would report a speed-up.
template <class R>
void ExpectParsed(const R& r, std::string_view what) {
  if constexpr (requires {
                  r.has_value();
                  r.error().message;
                }) {
    if (!r.has_value()) {
      std::fprintf(stderr, "benchmark input %.*s does not parse: %s\n", static_cast<int>(what.size()),
                   what.data(), r.error().message.c_str());
      std::abort();
    }
  }
}

// Runs parse() in the loop, after checking it once; `bytes` of input per call
// are reported as bytes/s.
template <class F>
void RunParse(benchmark::State& state, std::string_view what, std::size_t bytes, F parse) {
  ExpectParsed(parse(), what);
  for (auto _ : state) {
    auto r = parse();
    benchmark::DoNotOptimize(r);
  }
  if (bytes > 0) {  // 0: the input is numbers, not text (the /proc/net/rpc value helpers)
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
  }
}

// Runs parse(text) in the loop; `what` names the input in the abort message.
template <class F>
void ParseLoop(benchmark::State& state, std::string_view what, const std::string& text, F parse) {
  RunParse(state, what, text.size(), [&] { return parse(std::string_view(text)); });
}
template <class F>
void ParseLoop(benchmark::State& state, const std::string& text, F parse) {
  ParseLoop(state, "(generated)", text, parse);
}

}  // namespace host_exporter::bench

// A parser on a whole fixture file, as its reader reads it: `expr` parses `t`.
#define HE_PARSER_BENCH(name, file, expr)                                  \
  void BM_##name(benchmark::State& state) {                                \
    static const std::string text = Fixture(file);                         \
    ParseLoop(state, file, text, [](std::string_view t) { return expr; }); \
  }                                                                        \
  BENCHMARK(BM_##name)

// A parser of one sysfs attribute, whose reader trims the file first.
#define HE_ATTR_BENCH(name, file, expr)                                    \
  void BM_##name(benchmark::State& state) {                                \
    static const std::string text(::host_exporter::Trim(Fixture(file)));   \
    ParseLoop(state, file, text, [](std::string_view t) { return expr; }); \
  }                                                                        \
  BENCHMARK(BM_##name)

// A parser on a literal input (no fixture file holds it).
#define HE_LITERAL_BENCH(name, literal, expr)                               \
  void BM_##name(benchmark::State& state) {                                 \
    static const std::string text = literal;                                \
    ParseLoop(state, #name, text, [](std::string_view t) { return expr; }); \
  }                                                                         \
  BENCHMARK(BM_##name)
