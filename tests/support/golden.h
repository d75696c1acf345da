// Test support: fixture paths, running one collector on a fixture tree, and
// golden-file comparison (UPDATE_GOLDEN=1 rewrites the golden files).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::testing {

std::string SourceDir();
// <source>/fixtures/<scenario>
std::string FixtureDir(std::string_view scenario);
// procfs=<dir>/proc sysfs=<dir>/sys rootfs=<dir>/rootfs udev=<dir>/udev/data
Paths FixturePaths(std::string_view scenario);

struct CollectOutput {
  Status status;     // what Collect returned (or the Create error)
  std::string text;  // serialized exposition of what it wrote
  std::size_t samples = 0;
};

// Builds collector `name` with node_exporter-style `args` (the --path.* flags of
// the scenario are added first) and collects once.
CollectOutput RunCollector(std::string_view name, std::string_view scenario,
                           const std::vector<std::string>& args = {});
// The same on a tree given by its paths (a scratch copy of a scenario).
CollectOutput RunCollectorAt(std::string_view name, const Paths& paths,
                             const std::vector<std::string>& args = {});

// Compares `actual` with tests/golden/<collector>/<scenario>.prom.
void ExpectGolden(std::string_view collector, std::string_view scenario, const std::string& actual);

// The usual golden test in one call: collector `name` on `scenario` (with
// `args`) succeeds, writes `samples` samples, and its output matches
// tests/golden/<name>/<golden>.prom (`golden`: the scenario unless given). A
// failed collection is a test failure and is not compared. Returns the output
// for further checks.
CollectOutput RunGolden(std::string_view name, std::string_view scenario, std::size_t samples,
                        const std::vector<std::string>& args = {}, std::string_view golden = {});

}  // namespace host_exporter::testing
