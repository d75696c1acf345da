#include "host_exporter/procfs/spl_kstat_zfs.h"

#include <cctype>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

bool IsHeader(const std::vector<std::string_view>& parts) {
  return parts.size() == 3 && parts[0] == "name" && parts[1] == "type" && parts[2] == "data";
}

template <class T>
Result<T> ReadPoolFile(const ZpoolFile& f, Result<T> (*parse)(std::string_view)) {
  auto text = ReadFile(f.path);
  if (!text) {
    Error e = text.error();
    e.kind = ErrorKind::kIo;
    return std::unexpected(e);
  }
  auto parsed = parse(*text);
  if (!parsed) return std::unexpected(InFile(f.path, parsed.error()));
  return parsed;
}

std::unexpected<Error> LineFail(std::size_t lineno, const std::string& msg) {
  return ParseFail("line " + std::to_string(lineno) + ": " + msg);
}

}  // namespace

Result<std::vector<ZfsKstat>> ParseZfsKstats(std::string_view text) {
  std::vector<ZfsKstat> out;
  bool header = false;
  std::size_t lineno = 0;
  for (std::string_view line : ScanLines(text)) {
    ++lineno;
    auto parts = SplitFields(line);
    if (!header && IsHeader(parts)) {
      header = true;
      continue;
    }
    if (!header || parts.size() < 3) continue;
    if (parts[1] == "4") {
      auto v = ParseUint(parts[2]);
      if (!v)
        return LineFail(lineno, "could not parse expected unsigned integer value for \"" +
                                    std::string(parts[0]) + "\": " + v.error().message);
      out.push_back({std::string(parts[0]), static_cast<double>(*v)});
    } else if (parts[1] == "3") {
      auto v = ParseInt(parts[2]);
      if (!v)
        return LineFail(lineno, "could not parse expected signed integer value for \"" +
                                    std::string(parts[0]) + "\": " + v.error().message);
      out.push_back({std::string(parts[0]), static_cast<double>(*v)});
    }
  }
  if (!header) return ParseFail("no \"name type data\" header: did not parse a single metric");
  return out;
}

Result<std::vector<ZpoolIoStat>> ParseZpoolIo(std::string_view text) {
  std::vector<ZpoolIoStat> out;
  std::vector<std::string_view> fields;
  bool header = false;
  std::size_t lineno = 0;
  for (std::string_view line : ScanLines(text)) {
    ++lineno;
    auto parts = SplitFields(line);
    if (!header) {
      if (parts.size() >= 12 && parts[0] == "nread") {
        header = true;
        fields = parts;
      }
      continue;
    }
    // node_exporter indexes the row by the header's columns (and panics on a short row).
    if (parts.size() < fields.size()) {
      return LineFail(lineno, "expected " + std::to_string(fields.size()) + " values, got " +
                                  std::to_string(parts.size()));
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      auto v = ParseUint(parts[i]);
      if (!v)
        return LineFail(lineno, "could not parse expected integer value for \"" + std::string(fields[i]) +
                                    "\": " + v.error().message);
      out.push_back({std::string(fields[i]), *v});
    }
  }
  return out;
}

Result<std::vector<ZpoolObjsetStat>> ParseZpoolObjset(std::string_view text) {
  std::vector<ZpoolObjsetStat> out;
  bool header = false;
  bool named = false;
  std::string dataset;
  std::size_t lineno = 0;
  for (std::string_view line : ScanLines(text)) {
    ++lineno;
    auto parts = SplitFields(line);
    if (!header && IsHeader(parts)) {
      header = true;
      continue;
    }
    if (!header || parts.size() < 3) continue;
    if (parts[0] == "dataset_name") {
      // The rest of the line from the first occurrence of the value, so names with
      // spaces survive (as node_exporter: strings.Index of the value in the line).
      named = true;
      dataset = std::string(line.substr(line.find(parts[2])));
      continue;
    }
    if (parts[1] == "4") {
      auto v = ParseUint(parts[2]);
      if (!v)
        return LineFail(lineno, "could not parse expected integer value for \"" + std::string(parts[0]) +
                                    "\": " + v.error().message);
      out.push_back({named, named ? dataset : std::string(), std::string(parts[0]), *v});
    }
  }
  if (!header) return ParseFail("no \"name type data\" header: did not parse a single metric");
  return out;
}

std::string ParseZpoolState(std::string_view text) {
  auto lines = ScanLines(text);
  std::string out(lines.empty() ? std::string_view() : lines.front());
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ZfsKstatsAvailable(const Paths& paths) { return File::Open(paths.Proc("spl/kstat/zfs")).has_value(); }

Result<std::vector<ZfsKstat>> ReadZfsKstats(const Paths& paths, std::string_view file) {
  std::string path = paths.Proc("spl/kstat/zfs/" + std::string(file));
  auto f = File::Open(path);
  if (!f) {
    Error e = f.error();
    e.kind = ErrorKind::kNotFound;  // node_exporter: any open failure means "not available"
    return std::unexpected(e);
  }
  std::string text;
  if (auto s = f->ReadAll(text, kMaxPseudoFileSize, path); !s) {
    Error e = s.error();
    e.kind = ErrorKind::kIo;
    return std::unexpected(e);
  }
  auto parsed = ParseZfsKstats(text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

std::vector<ZpoolFile> ListZpoolFiles(const Paths& paths, bool (*match)(std::string_view file)) {
  std::vector<ZpoolFile> out;
  for (const std::string& pool_dir :
       sysfs::GlobDir(paths.Proc("spl/kstat/zfs"), [](std::string_view) { return true; })) {
    std::string pool = pool_dir.substr(pool_dir.rfind('/') + 1);
    for (const std::string& path : sysfs::GlobDir(pool_dir, match)) {
      out.push_back({pool, path.substr(path.rfind('/') + 1), path});
    }
  }
  return out;
}

}  // namespace host_exporter::procfs

namespace host_exporter::procfs {

Result<std::vector<ZpoolIoStat>> ReadZpoolIo(const ZpoolFile& f) { return ReadPoolFile(f, &ParseZpoolIo); }

Result<std::vector<ZpoolObjsetStat>> ReadZpoolObjset(const ZpoolFile& f) {
  return ReadPoolFile(f, &ParseZpoolObjset);
}

Result<std::string> ReadZpoolState(const ZpoolFile& f) {
  return ReadPoolFile<std::string>(
      f, [](std::string_view text) -> Result<std::string> { return ParseZpoolState(text); });
}

}  // namespace host_exporter::procfs
