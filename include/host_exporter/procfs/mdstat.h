// /proc/mdstat (drivers/md/md.c, md_seq_show), parsed as prometheus/procfs's MDStat.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct MDStatComponent {
  std::string name;              // "sda1"
  std::int32_t descriptor_index = 0;  // the [n] after the name
  bool faulty = false;           // (F)
  bool spare = false;            // (S)
};

struct MDStat {
  std::string name;            // md0
  std::string type;            // raid1, or "unknown" when not among the Personalities
  // active, inactive, or recovering/reshaping/checking/resyncing while a sync runs.
  std::string activity_state;
  std::int64_t disks_active = 0;
  std::int64_t disks_total = 0;
  std::int64_t disks_failed = 0;
  std::int64_t disks_down = 0;  // '_' in [UU_]
  std::int64_t disks_spare = 0;
  std::int64_t blocks_total = 0;
  std::int64_t blocks_synced = 0;       // == blocks_total unless a sync runs
  std::int64_t blocks_to_be_synced = 0;
  double blocks_synced_pct = 0;
  double blocks_synced_finish_time = 0;  // minutes
  double blocks_synced_speed = 0;        // KiB/s
  std::vector<MDStatComponent> devices;
};

// Every md device of the file. A device needs its status line and two more lines.
Result<std::vector<MDStat>> ParseMDStat(std::string_view text);
Result<std::vector<MDStat>> ReadMDStat(const Paths& paths);

}  // namespace host_exporter::procfs
