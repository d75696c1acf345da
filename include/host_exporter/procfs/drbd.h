// /proc/drbd, the DRBD 8.x status file (drbd-8.4 user guide, "/proc/drbd"):
// whitespace-separated "key:value" words; "<minor>:" starts a device. Read as
// node_exporter's drbd collector reads it, word by word.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

enum class DrbdFieldKind {
  kNumber,      // ns nr dw dr al bm lo pe ua ap ep oos
  kPair,        // ro ds: "<local>/<remote>"
  kConnection,  // cs
};

// One word this parser knows, in file order.
struct DrbdField {
  DrbdFieldKind kind = DrbdFieldKind::kNumber;
  std::string device;            // "drbd<minor>" of the last "<minor>:" word, "unknown" before one
  std::string key;               // "ns", "ro", "cs", ...
  std::string value;             // as written after the ':'
  std::optional<double> number;  // kNumber: the value, when it is a number
  // kPair: the text before the first '/' and between it and the next one;
  // nullopt when the value has no '/'.
  std::optional<std::pair<std::string, std::string>> pair;
};

// Words that are not exactly one "key:value" pair and keys not listed above
// are skipped; a bad value is reported through `number`/`pair`, so this never
// fails.
std::vector<DrbdField> ParseDrbd(std::string_view text);
// A missing file (no DRBD module) is kNotFound.
Result<std::vector<DrbdField>> ReadDrbd(const Paths& paths);

}  // namespace host_exporter::procfs
