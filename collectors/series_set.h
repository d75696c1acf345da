// Remembers the series a collector has written in one Collect call, so that a
// series repeated by a malformed kernel file is written once, as client_golang
// keeps the first and drops the rest; the exposition stays valid.
// Thread safety: not thread-safe; one per Collect call, on its stack.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

#include "host_exporter/metric_writer.h"

namespace host_exporter::collectors {

class SeriesSet {
 public:
  // True the first time this name and these labels (in this order) are seen.
  bool Insert(std::string_view name, std::initializer_list<LabelView> labels) {
    std::string key(name);
    for (const LabelView& l : labels) {
      key.push_back('\0');
      key.append(l.name);
      key.push_back('\0');
      key.append(l.value);
    }
    return seen_.insert(std::move(key)).second;
  }

 private:
  std::unordered_set<std::string> seen_;
};

}  // namespace host_exporter::collectors
