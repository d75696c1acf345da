#include "host_exporter/sysfs/attr.h"

#include <charconv>
#include <type_traits>

#include "host_exporter/file.h"
#include "host_exporter/gocompat/filepath.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

template <class T>
Result<T> ParseDigits(std::string_view s, std::string_view what) {
  int base = 10;
  if (s.starts_with("0x")) {
    base = 16;
    s.remove_prefix(2);
  }
  std::string_view digits = s;
  if constexpr (std::is_signed_v<T>) {
    // Go's ParseInt takes one leading sign; from_chars takes only '-'.
    if (digits.starts_with("+")) {
      digits.remove_prefix(1);
      if (digits.starts_with("-")) digits = {};
    }
  }
  T v{};
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
  if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size()) {
    return ParseFail("invalid " + std::string(what) + " \"" + std::string(s.substr(0, 64)) + "\"");
  }
  return v;
}

}  // namespace

namespace {
Result<std::string> ReadAttr(const Result<File>& f, const std::string& path) {
  if (!f) return std::unexpected(f.error());
  char buf[128];
  auto n = f->ReadOnce(buf, sizeof buf, path);
  if (!n) return std::unexpected(n.error());
  return std::string(Trim(std::string_view(buf, *n)));
}
}  // namespace

Result<std::string> ReadSysAttr(const std::string& path) { return ReadAttr(File::Open(path), path); }

Result<std::string> ReadSysAttrAt(const File& dir, std::string_view name, const std::string& path) {
  return ReadAttr(File::OpenAt(dir, name, path), path);
}

std::vector<std::string> GlobDir(const std::string& dir, const std::function<bool(std::string_view)>& match) {
  std::vector<std::string> out;
  for (const auto& n : GlobNames(dir, match)) out.push_back(gocompat::CleanPath(dir + "/" + n));
  return out;
}

Result<std::int64_t> ParseSysInt64(std::string_view s) { return ParseDigits<std::int64_t>(s, "integer"); }

Result<std::uint64_t> ParseSysUint64(std::string_view s) {
  return ParseDigits<std::uint64_t>(s, "unsigned integer");
}

std::vector<std::string> ListNamesOrEmpty(const std::string& dir) {
  auto names = ListDir(dir);
  if (!names) return {};
  return std::move(*names);
}

bool MatchPrefixDigit(std::string_view name, std::string_view prefix) {
  return name.size() > prefix.size() && name.starts_with(prefix) && name[prefix.size()] >= '0' &&
         name[prefix.size()] <= '9';
}

bool MatchHasDash(std::string_view name) { return name.find('-') != std::string_view::npos; }

}  // namespace host_exporter::sysfs
