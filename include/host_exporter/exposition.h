// Prometheus text exposition format 0.0.4, written as node_exporter
// (client_golang's expfmt) writes it: families sorted by name, series by label
// values, labels by name, HELP and label values escaped, numbers in Go's
// shortest round-trip form (strconv 'g', -1): NaN, +Inf, -Inf, 1e+06, 10870.69.
// Thread safety: all functions reentrant.
#pragma once

#include <string>
#include <vector>

#include <prometheus/metric_family.h>

namespace host_exporter {

inline constexpr const char* kTextContentType = "text/plain; version=0.0.4; charset=utf-8";

// Appends v formatted as Go's strconv.FormatFloat(v, 'g', -1, 64).
void AppendFloat(std::string& out, double v);
std::string FormatFloat(double v);

// Sorts families by name (merging families of equal name), metrics by their
// label values, and each metric's labels by name.
void SortFamilies(std::vector<prometheus::MetricFamily>& families);

// Appends the text exposition of already sorted families.
void AppendText(std::string& out, const std::vector<prometheus::MetricFamily>& families);

// The text exposition of already sorted families (AppendText into a string
// reserved for about their size).
std::string SerializeSorted(const std::vector<prometheus::MetricFamily>& families);

// SortFamilies + SerializeSorted.
std::string SerializeText(std::vector<prometheus::MetricFamily> families);

}  // namespace host_exporter
