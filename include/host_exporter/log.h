// Structured logging in node_exporter's (slog's) shapes: logfmt
//   time=2026-11-21T09:09:30.123Z level=ERROR msg="collector failed" name=cpu err="..."
// or JSON lines. Backed by spdlog; configured once at start-up.
// Thread safety: all functions may be called from any thread.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "host_exporter/result.h"

namespace host_exporter::log {

struct Field {
  std::string_view key;
  std::string_view value;
};

// level: debug|info|warn|error; format: logfmt|json. Errors name the bad value.
Status Setup(std::string_view level, std::string_view format);

bool DebugEnabled();
void Debug(std::string_view msg, std::initializer_list<Field> fields = {});
void Info(std::string_view msg, std::initializer_list<Field> fields = {});
void Warn(std::string_view msg, std::initializer_list<Field> fields = {});
void Error(std::string_view msg, std::initializer_list<Field> fields = {});

// The line a message would be written as (without time and level); for tests.
std::string FormatFields(bool json, std::string_view msg, std::initializer_list<Field> fields);

}  // namespace host_exporter::log
