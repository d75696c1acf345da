#include "host_exporter/log.h"

#include <spdlog/details/log_msg.h>
#include <spdlog/formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <memory>

namespace host_exporter::log {
namespace {

std::atomic<bool> g_json{false};

bool NeedsQuote(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v) {
    if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

void AppendQuoted(std::string& out, std::string_view v, bool json) {
  out.push_back('"');
  for (char c : v) {
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\t': out.append("\\t"); break;
      case '\r': out.append("\\r"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, json ? "\\u%04x" : "\\x%02x", c);
          out.append(buf);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void AppendField(std::string& out, bool json, std::string_view k, std::string_view v) {
  if (json) {
    out.push_back(',');
    AppendQuoted(out, k, true);
    out.push_back(':');
    AppendQuoted(out, v, true);
  } else {
    out.push_back(' ');
    out.append(k);
    out.push_back('=');
    if (NeedsQuote(v)) {
      AppendQuoted(out, v, false);
    } else {
      out.append(v);
    }
  }
}

const char* LevelName(spdlog::level::level_enum l) {
  switch (l) {
    case spdlog::level::debug: return "DEBUG";
    case spdlog::level::info: return "INFO";
    case spdlog::level::warn: return "WARN";
    case spdlog::level::err: return "ERROR";
    default: return "INFO";
  }
}

// Adds time and level in front of the already formatted fields (the payload).
class SlogFormatter final : public spdlog::formatter {
 public:
  explicit SlogFormatter(bool json) : json_(json) {}
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    auto t = msg.time;
    auto secs = std::chrono::time_point_cast<std::chrono::seconds>(t);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - secs).count();
    std::time_t tt = std::chrono::system_clock::to_time_t(secs);
    std::tm tm;
    gmtime_r(&tt, &tm);
    char ts[64];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string head;
    if (json_) {
      head = std::string("{\"time\":\"") + ts + "\",\"level\":\"" + LevelName(msg.level) + "\"";
    } else {
      head = std::string("time=") + ts + " level=" + LevelName(msg.level);
    }
    dest.append(head.data(), head.data() + head.size());
    dest.append(msg.payload.data(), msg.payload.data() + msg.payload.size());
    if (json_) dest.push_back('}');
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<SlogFormatter>(json_);
  }

 private:
  bool json_;
};

void Log(spdlog::level::level_enum level, std::string_view msg, std::initializer_list<Field> fields) {
  auto logger = spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  std::string payload = FormatFields(g_json.load(std::memory_order_relaxed), msg, fields);
  logger->log(level, spdlog::string_view_t(payload.data(), payload.size()));
}

}  // namespace

std::string FormatFields(bool json, std::string_view msg, std::initializer_list<Field> fields) {
  std::string out;
  AppendField(out, json, "msg", msg);
  for (const Field& f : fields) AppendField(out, json, f.key, f.value);
  return out;
}

Status Setup(std::string_view level, std::string_view format) {
  spdlog::level::level_enum lvl;
  if (level == "debug") lvl = spdlog::level::debug;
  else if (level == "info") lvl = spdlog::level::info;
  else if (level == "warn") lvl = spdlog::level::warn;
  else if (level == "error") lvl = spdlog::level::err;
  else return Fail(ErrorKind::kInvalidArgument, "flag --log.level: unrecognized log level \"" + std::string(level) + "\" (debug, info, warn, error)");
  bool json;
  if (format == "logfmt") json = false;
  else if (format == "json") json = true;
  else return Fail(ErrorKind::kInvalidArgument, "flag --log.format: unrecognized log format \"" + std::string(format) + "\" (logfmt, json)");
  g_json.store(json);
  auto logger = std::make_shared<spdlog::logger>("host_exporter", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_formatter(std::make_unique<SlogFormatter>(json));
  logger->set_level(lvl);
  logger->flush_on(spdlog::level::debug);
  spdlog::set_default_logger(std::move(logger));
  return {};
}

bool DebugEnabled() { return spdlog::default_logger_raw()->should_log(spdlog::level::debug); }
void Debug(std::string_view m, std::initializer_list<Field> f) { Log(spdlog::level::debug, m, f); }
void Info(std::string_view m, std::initializer_list<Field> f) { Log(spdlog::level::info, m, f); }
void Warn(std::string_view m, std::initializer_list<Field> f) { Log(spdlog::level::warn, m, f); }
void Error(std::string_view m, std::initializer_list<Field> f) { Log(spdlog::level::err, m, f); }

}  // namespace host_exporter::log
