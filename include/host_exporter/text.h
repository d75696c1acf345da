// Small pure helpers for parsing kernel text files. No I/O, no allocation
// beyond the returned containers. Thread safety: all reentrant.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

std::string_view Trim(std::string_view s);
// Splits on runs of spaces and tabs; no empty fields.
std::vector<std::string_view> SplitFields(std::string_view line);
// Splits on every occurrence of sep; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Lines without their '\n'; a final line without '\n' is included; no trailing empty line.
std::vector<std::string_view> SplitLines(std::string_view text);
// SplitLines as Go's bufio.ScanLines yields them: a trailing '\r' is dropped too.
std::vector<std::string_view> ScanLines(std::string_view text);
// Go's strings.ReplaceAll for a non-empty `from`, in place.
void ReplaceAll(std::string& s, std::string_view from, std::string_view to);

// Whole-string numeric parses (no trailing garbage). Errors name the text.
Result<std::uint64_t> ParseUint(std::string_view s, int base = 10);
Result<std::int64_t> ParseInt(std::string_view s, int base = 10);
Result<double> ParseDouble(std::string_view s);

// Go's time.ParseDuration syntax: "5s", "1m30s", "250ms", "1.5h", "0".
Result<std::chrono::nanoseconds> ParseGoDuration(std::string_view s);

// node_exporter's SanitizeMetricName (collector/helper.go): every match of
// `_*[^0-9A-Za-z_]+_*` becomes one '_'.
std::string SanitizeMetricName(std::string_view s);

// Go's strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
Result<bool> ParseBool(std::string_view s);

}  // namespace host_exporter
