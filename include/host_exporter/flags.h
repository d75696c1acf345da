// Command-line flags in node_exporter's (kingpin's) dialect, on top of
// Boost.Program_options: --name=value or --name value; boolean flags as --name,
// --no-name or --name=true|false; --name= gives a string flag the empty value (the
// way to clear a default regex); a repeated scalar flag takes its last value;
// repeatable flags accumulate. A hidden flag (kingpin's Hidden(): deprecated names
// and tuning knobs) is parsed like any other but left out of --help. Each
// collector declares its flags beside its code in a FlagSet section; the parsed
// FlagValues are passed down, never global.
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
  bool hidden = false;  // parsed, but not listed in --help
};

class FlagValues;

class FlagSet {
 public:
  // What a declaration returns, to qualify the flag just declared:
  // flags.String("collector.x.old-name", "", "DEPRECATED: ...").Hidden();
  class Declared {
   public:
    Declared(FlagSet& set, std::size_t index) : set_(set), index_(index) {}
    // Leave the flag out of --help (kingpin's Hidden()).
    Declared& Hidden();

   private:
    FlagSet& set_;
    std::size_t index_;
  };

  // Flags declared after this call are listed under `title` in --help.
  void Section(std::string title) { section_ = std::move(title); }
  Declared Bool(std::string name, bool def, std::string help);
  Declared String(std::string name, std::string def, std::string help);
  Declared Strings(std::string name, std::vector<std::string> defs, std::string help);

  // Parses argv (argv[0] skipped). Unknown flags, missing values and bad booleans
  // are ErrorKind::kInvalidArgument with a message naming the flag.
  Result<FlagValues> Parse(int argc, const char* const* argv) const;
  Result<FlagValues> Parse(const std::vector<std::string>& args) const;
  // --help text, grouped by section; hidden flags are left out.
  std::string Help(std::string_view program) const;
  const std::vector<FlagSpec>& specs() const { return specs_; }
  const FlagSpec* Find(std::string_view name) const;

 private:
  Declared Declare(FlagSpec spec);
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
