// Errors as values. Every fallible function returns Result<T> or Status; the
// message names the path and, for parse errors, the line.
#pragma once

#include <cerrno>
#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace host_exporter {

enum class ErrorKind {
  kNotFound,         // the file or subsystem does not exist: "no data"
  kNoData,           // present but nothing to report (node_exporter's ErrNoData)
  kIo,               // open/read failed for another reason
  kParse,            // malformed content
  kInvalidArgument,  // bad flag or configuration value
  kTimeout,          // did not finish before a deadline
};

struct Error {
  ErrorKind kind = ErrorKind::kIo;
  std::string message;
  // The errno of a failed system call (file.h sets it), 0 otherwise. Decide on
  // this, never on the strerror text in the message.
  int errnum = 0;
  // The failed call was open(2)/opendir(3), not a read: Go's *fs.PathError from
  // os.Open vs the bare Errno a read gives in procfs's util.SysReadFile, which
  // some of procfs's skip rules tell apart.
  bool at_open = false;

  // Missing file or subsystem: logged at debug level, not as a failure.
  bool IsNoData() const { return kind == ErrorKind::kNotFound || kind == ErrorKind::kNoData; }
  // Go's errors.Is(err, fs.ErrPermission).
  bool IsPermission() const { return errnum == EACCES || errnum == EPERM; }
};

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}
inline std::unexpected<Error> ParseFail(std::string message) {
  return Fail(ErrorKind::kParse, std::move(message));
}
inline std::unexpected<Error> NoData(std::string message) {
  return Fail(ErrorKind::kNoData, std::move(message));
}

// Prefixes an error's message with the file it came from ("path: line 3: ...").
inline Error InFile(std::string_view path, Error e) {
  e.message = std::string(path) + ": " + e.message;
  return e;
}

}  // namespace host_exporter
