// /proc/spl/kstat/zfs/: the kstats OpenZFS exports through SPL (module/os/linux/spl/
// spl-kstat.c formats), parsed as node_exporter's zfs_linux.go does:
//   <file>          "name type data" tables (arcstats, zil, dmu_tx, ...)
//   <pool>/io       KSTAT_TYPE_IO: a header row of field names and a row of values
//   <pool>/objset-* per-dataset "name type data" tables with a dataset_name row
//   <pool>/state    one word: ONLINE, DEGRADED, ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct ZfsKstat {
  std::string name;  // as in the file: "hits", "l2_evict_l1cached"
  double value = 0;
};

// Pure. Rows after the "name type data" header; types 4 (uint64) and 3 (int64)
// are kept, others (strings, ...) skipped. No header: error.
Result<std::vector<ZfsKstat>> ParseZfsKstats(std::string_view text);

struct ZpoolIoStat {
  std::string field;  // "nread", "wtime", ...
  std::uint64_t value = 0;
};

// Pure. The first row of at least 12 fields starting with "nread" names the
// fields; every later row holds one value per field. No header: nothing.
Result<std::vector<ZpoolIoStat>> ParseZpoolIo(std::string_view text);

struct ZpoolObjsetStat {
  bool after_dataset_name = false;  // a dataset_name row came first (else both labels are empty)
  std::string dataset;              // rest of the dataset_name row from its value: may hold spaces
  std::string name;                 // "writes", "nunlinked", ...
  std::uint64_t value = 0;
};

// Pure. Rows after the "name type data" header; type 4 values kept. No header: error.
Result<std::vector<ZpoolObjsetStat>> ParseZpoolObjset(std::string_view text);

// Pure. The first line, lowercased ("" for an empty file).
std::string ParseZpoolState(std::string_view text);

// Whether <procfs>/spl/kstat/zfs can be opened (the zfs module is loaded).
bool ZfsKstatsAvailable(const Paths& paths);

// <procfs>/spl/kstat/zfs/<file>. kNotFound when it cannot be opened (older
// OpenZFS releases lack some files); kIo, kParse naming the file.
Result<std::vector<ZfsKstat>> ReadZfsKstats(const Paths& paths, std::string_view file);

// <procfs>/spl/kstat/zfs/*/<name> for names accepted by `match`, sorted by pool
// then file (filepath.Glob order). The pool is the directory name.
struct ZpoolFile {
  std::string pool;
  std::string file;  // "io", "objset-0x36", "state"
  std::string path;
};
std::vector<ZpoolFile> ListZpoolFiles(const Paths& paths, bool (*match)(std::string_view file));

// Readers of listed pool files. A file that cannot be read is kIo (node_exporter
// fails then: the pool was listed a moment ago); kParse naming the file.
Result<std::vector<ZpoolIoStat>> ReadZpoolIo(const ZpoolFile& f);
Result<std::vector<ZpoolObjsetStat>> ReadZpoolObjset(const ZpoolFile& f);
Result<std::string> ReadZpoolState(const ZpoolFile& f);

}  // namespace host_exporter::procfs
