#include "host_exporter/flags.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <stdexcept>

#include "host_exporter/text.h"

namespace po = boost::program_options;

namespace host_exporter {

FlagSet::Declared FlagSet::Declare(FlagSpec spec) {
  if (Find(spec.name) != nullptr) throw std::logic_error("flag declared twice: " + spec.name);
  spec.section = section_;
  specs_.push_back(std::move(spec));
  return Declared(*this, specs_.size() - 1);
}

FlagSet::Declared& FlagSet::Declared::Hidden() {
  set_.specs_[index_].hidden = true;
  return *this;
}

FlagSet::Declared FlagSet::Bool(std::string name, bool def, std::string help) {
  return Declare({std::move(name), FlagKind::kBool, std::move(help), {def ? "true" : "false"}, {}});
}
FlagSet::Declared FlagSet::String(std::string name, std::string def, std::string help) {
  return Declare({std::move(name), FlagKind::kString, std::move(help), {std::move(def)}, {}});
}
FlagSet::Declared FlagSet::Strings(std::string name, std::vector<std::string> defs, std::string help) {
  return Declare({std::move(name), FlagKind::kStrings, std::move(help), std::move(defs), {}});
}

const FlagSpec* FlagSet::Find(std::string_view name) const {
  for (const auto& s : specs_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Result<FlagValues> FlagSet::Parse(int argc, const char* const* argv) const {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return Parse(args);
}

Result<FlagValues> FlagSet::Parse(const std::vector<std::string>& args) const {
  po::options_description desc;
  for (const auto& s : specs_) {
    if (s.kind == FlagKind::kBool) {
      desc.add_options()(s.name.c_str(), po::value<std::string>()->implicit_value("true"), "");
    } else {
      desc.add_options()(s.name.c_str(), po::value<std::string>(), "");
    }
  }
  // Boost rejects an empty value after '=', which kingpin takes (--flag= clears
  // a default regex): such a token is handed over here with a stand-in value
  // that no argv string can hold.
  const std::string empty_value(1, '\0');
  // kingpin's negated booleans: --no-X means --X=false.
  auto extra = [this, &empty_value](const std::string& tok) -> std::pair<std::string, std::string> {
    if (tok.starts_with("--") && tok.size() > 3 && tok.find('=') == tok.size() - 1) {
      std::string name = tok.substr(2, tok.size() - 3);
      if (Find(name) != nullptr) return {name, empty_value};
    }
    if (tok.rfind("--no-", 0) == 0) {
      std::string name = tok.substr(5);
      if (const FlagSpec* s = Find(name); s != nullptr && s->kind == FlagKind::kBool) {
        return {name, "false"};
      }
    }
    return {};
  };
  auto fail = [](std::string msg) { return Fail(ErrorKind::kInvalidArgument, std::move(msg)); };
  po::parsed_options parsed(&desc);
  try {
    int style = po::command_line_style::allow_long | po::command_line_style::long_allow_adjacent |
                po::command_line_style::long_allow_next;
    parsed = po::command_line_parser(args).options(desc).extra_parser(extra).style(style).run();
  } catch (const po::unknown_option& e) {
    return fail("unknown flag " + e.get_option_name());
  } catch (const po::invalid_command_line_syntax& e) {
    return fail("flag " + e.get_option_name() + ": " + e.what());
  } catch (const po::error& e) {
    return fail(e.what());
  }

  FlagValues out;
  for (const auto& s : specs_) out.values_[s.name] = s.defaults;
  for (const auto& opt : parsed.options) {
    if (opt.position_key >= 0 || opt.string_key.empty()) {
      std::string arg = opt.original_tokens.empty() ? "" : opt.original_tokens.front();
      return fail("unexpected argument \"" + arg + "\"");
    }
    const FlagSpec* s = Find(opt.string_key);
    if (s == nullptr) return fail("unknown flag --" + opt.string_key);
    std::string value = opt.value.empty() ? "" : opt.value.front();
    if (value == empty_value) value.clear();
    if (s->kind == FlagKind::kBool) {
      // Implicit values are not filled in by parsed_options: "--flag" alone means true.
      bool has_eq =
          !opt.original_tokens.empty() && opt.original_tokens.front().find('=') != std::string::npos;
      if (opt.value.empty() && !has_eq) value = "true";
      auto b = ParseBool(value);
      if (!b) return fail("flag --" + s->name + ": invalid boolean \"" + value + "\"");
      value = *b ? "true" : "false";
    }
    auto& vals = out.values_[s->name];
    if (s->kind == FlagKind::kStrings) {
      if (!out.IsSet(s->name)) vals.clear();  // given values replace the defaults
      vals.push_back(std::move(value));
    } else {
      vals = {std::move(value)};  // last one wins, as kingpin
    }
    out.explicit_[s->name] = true;
  }
  return out;
}

namespace {
void Wrap(std::string& out, std::string_view text, std::size_t indent, std::size_t width) {
  std::size_t col = indent;
  out.append(indent, ' ');
  bool first = true;
  for (std::string_view w : SplitFields(text)) {
    if (!first && col + 1 + w.size() > width) {
      out.push_back('\n');
      out.append(indent, ' ');
      col = indent;
    } else if (!first) {
      out.push_back(' ');
      ++col;
    }
    out.append(w);
    col += w.size();
    first = false;
  }
  out.push_back('\n');
}
}  // namespace

std::string FlagSet::Help(std::string_view program) const {
  std::string out = "usage: " + std::string(program) + " [<flags>]\n";
  std::vector<std::string> sections;
  for (const auto& s : specs_) {
    if (s.hidden) continue;
    if (std::find(sections.begin(), sections.end(), s.section) == sections.end()) {
      sections.push_back(s.section);
    }
  }
  for (const auto& sec : sections) {
    out += "\n" + sec + ":\n";
    for (const auto& s : specs_) {
      if (s.section != sec || s.hidden) continue;
      out += "  ";
      if (s.kind == FlagKind::kBool) {
        out += "--[no-]" + s.name;
      } else {
        out += "--" + s.name;
        if (s.defaults.empty() || (s.defaults.size() == 1 && s.defaults[0].empty())) {
          std::string ph = s.name;
          for (char& c : ph) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
          out += "=" + ph;
        } else {
          for (std::size_t i = 0; i < s.defaults.size(); ++i) {
            out += (i == 0 ? "=\"" : " \"") + s.defaults[i] + "\"";
          }
        }
        if (s.kind == FlagKind::kStrings) out += " ...";
      }
      out.push_back('\n');
      std::string help = s.help;
      if (s.kind == FlagKind::kBool) help += s.defaults[0] == "true" ? " (default: enabled)" : "";
      Wrap(out, help, 8, 100);
    }
  }
  return out;
}

const std::vector<std::string>& FlagValues::Values(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("undeclared flag: " + std::string(name));
  return it->second;
}

bool FlagValues::GetBool(std::string_view name) const {
  const auto& v = Values(name);
  return !v.empty() && v.front() == "true";
}

const std::string& FlagValues::GetString(std::string_view name) const {
  static const std::string kEmpty;
  const auto& v = Values(name);
  return v.empty() ? kEmpty : v.back();
}

const std::vector<std::string>& FlagValues::GetStrings(std::string_view name) const { return Values(name); }

bool FlagValues::IsSet(std::string_view name) const {
  auto it = explicit_.find(name);
  return it != explicit_.end() && it->second;
}

void FlagValues::Set(std::string name, std::vector<std::string> values, bool explicitly) {
  explicit_[name] = explicitly;
  values_[std::move(name)] = std::move(values);
}

}  // namespace host_exporter
