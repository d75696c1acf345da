#include "host_exporter/sysfs/class_scsi_tape.h"

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"

namespace host_exporter::sysfs {

bool IsScsiTapeName(std::string_view name) {
  if (name.size() < 3 || !name.starts_with("st")) return false;
  for (char c : name.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status SetTapeCounter(TapeCounters& c, std::string_view file, std::string_view value) {
  static constexpr std::pair<std::string_view, std::uint64_t TapeCounters::*> kFiles[] = {
      {"in_flight", &TapeCounters::in_flight},
      {"io_ns", &TapeCounters::io_ns},
      {"other_cnt", &TapeCounters::other_cnt},
      {"read_byte_cnt", &TapeCounters::read_byte_cnt},
      {"read_cnt", &TapeCounters::read_cnt},
      {"read_ns", &TapeCounters::read_ns},
      {"resid_cnt", &TapeCounters::resid_cnt},
      {"write_byte_cnt", &TapeCounters::write_byte_cnt},
      {"write_cnt", &TapeCounters::write_cnt},
      {"write_ns", &TapeCounters::write_ns}};
  for (const auto& [name, field] : kFiles) {
    if (name != file) continue;
    auto v = ParseSysUint64(value);
    if (!v) return std::unexpected(v.error());
    c.*field = *v;
  }
  return {};
}

Result<TapeCounters> ParseTapeCounters(const std::vector<std::pair<std::string, std::string>>& files) {
  TapeCounters c;
  for (const auto& [file, value] : files) {
    if (auto s = SetTapeCounter(c, file, value); !s) return std::unexpected(InFile(file, s.error()));
  }
  return c;
}

Result<std::vector<ScsiTape>> ReadScsiTapes(const Paths& paths) {
  std::string dir = paths.Sys("class/scsi_tape");
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(entries.error());
  std::vector<ScsiTape> out;
  for (const auto& entry : *entries) {
    if (!IsScsiTapeName(entry.name)) continue;
    std::string stats = dir + "/" + entry.name + "/stats";
    auto files = ReadDir(stats);
    if (!files) return std::unexpected(files.error());
    ScsiTape tape;
    tape.name = entry.name;
    for (const auto& f : *files) {
      std::string path = stats + "/" + f.name;
      auto value = ReadSysAttr(path);
      if (!value) {
        // procfs wraps this error, so even a vanished file fails rather than "no data".
        Error e = value.error();
        e.kind = ErrorKind::kIo;
        return std::unexpected(e);
      }
      if (auto s = SetTapeCounter(tape.counters, f.name, *value); !s) {
        return std::unexpected(InFile(path, s.error()));
      }
    }
    out.push_back(std::move(tape));
  }
  return out;
}

}  // namespace host_exporter::sysfs
