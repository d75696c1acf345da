// /sys/class/scsi_tape/st<N>/stats/*, per Documentation/scsi/st.rst ("Sysfs and
// statistics for tape devices", Linux 4.2+), read as prometheus/procfs's SCSITapeClass does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct TapeCounters {
  std::uint64_t write_ns = 0, read_byte_cnt = 0, io_ns = 0, write_cnt = 0, resid_cnt = 0, read_ns = 0,
                in_flight = 0, other_cnt = 0, read_cnt = 0, write_byte_cnt = 0;
};

struct ScsiTape {
  std::string name;  // "st0" (the nst0/st0a/st0l/st0m aliases are not read)
  TapeCounters counters;
};

// procfs's device filter: ^st[0-9]+$.
bool IsScsiTapeName(std::string_view name);

// Pure. Stores one stats file (trimmed content; decimal or "0x" hex); unknown files ignored.
Status SetTapeCounter(TapeCounters& c, std::string_view file, std::string_view value);
Result<TapeCounters> ParseTapeCounters(const std::vector<std::pair<std::string, std::string>>& files);

// Every st<N>, sorted. Missing counter files read as 0. Errors: kNotFound when
// class/scsi_tape or a tape's stats/ directory is missing (kernels before 4.2),
// kIo, kParse naming the file.
Result<std::vector<ScsiTape>> ReadScsiTapes(const Paths& paths);

}  // namespace host_exporter::sysfs
