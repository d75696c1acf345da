// Command-line flags in node_exporter's (kingpin's) dialect, on top of
// Boost.Program_options: --name=value or --name value; boolean flags as --name,
// --no-name or --name=true|false; a repeated scalar flag takes its last value;
// repeatable flags accumulate. Each collector declares its flags beside its code
// in a FlagSet section; the parsed FlagValues are passed down, never global.
// Thread safety: FlagSet and FlagValues are immutable after construction/parsing
// and may be read from any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter {

enum class FlagKind { kBool, kString, kStrings };

struct FlagSpec {
  std::string name;  // without leading "--"
  FlagKind kind = FlagKind::kString;
  std::string help;
  std::vector<std::string> defaults;  // one value, or several for kStrings
  std::string section;
};

class FlagValues;

class FlagSet {
 public:
  // Flags declared after this call are listed under `title` in --help.
  void Section(std::string title) { section_ = std::move(title); }
  void Bool(std::string name, bool def, std::string help);
  void String(std::string name, std::string def, std::string help);
  void Strings(std::string name, std::vector<std::string> defs, std::string help);

  // Parses argv (argv[0] skipped). Unknown flags, missing values and bad booleans
  // are ErrorKind::kInvalidArgument with a message naming the flag.
  Result<FlagValues> Parse(int argc, const char* const* argv) const;
  Result<FlagValues> Parse(const std::vector<std::string>& args) const;
  // --help text, grouped by section.
  std::string Help(std::string_view program) const;
  const std::vector<FlagSpec>& specs() const { return specs_; }
  const FlagSpec* Find(std::string_view name) const;

 private:
  void Declare(FlagSpec spec);
  std::vector<FlagSpec> specs_;
  std::string section_ = "Flags";
};

class FlagValues {
 public:
  // Values of declared flags (defaults where not given). Asking for an
  // undeclared flag is a programming error and throws std::logic_error.
  bool GetBool(std::string_view name) const;
  const std::string& GetString(std::string_view name) const;
  const std::vector<std::string>& GetStrings(std::string_view name) const;
  // True when the flag appeared on the command line.
  bool IsSet(std::string_view name) const;

  // For tests and programmatic construction.
  void Set(std::string name, std::vector<std::string> values, bool explicitly = true);

 private:
  friend class FlagSet;
  const std::vector<std::string>& Values(std::string_view name) const;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
  std::map<std::string, bool, std::less<>> explicit_;
};

}  // namespace host_exporter
