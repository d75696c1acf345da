// Number parsing and quoting with Go's strconv rules, where node_exporter's
// behaviour depends on them (the text-format parser). Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "host_exporter/result.h"

namespace host_exporter::gocompat {

// strconv.ParseFloat(s, 64) for decimal syntax: optional sign, digits with an
// optional '.', optional exponent; "inf"/"infinity" (optionally signed) and
// "nan", any case. Overflow is an error (Go's ErrRange); underflow gives 0.
// Hexadecimal floats and digit separators are not accepted.
Result<double> ParseFloat(std::string_view s);

// Go's uint64(f) conversion on amd64: truncation toward zero; negative values
// wrap; NaN and values beyond the int64/uint64 range give 1<<63.
std::uint64_t FloatToUint64(double f);

// fmt's %q for a string: double-quoted, with Go escapes for ", \ and control bytes.
std::string Quote(std::string_view s);
// fmt's %q for a byte: single-quoted character literal ('x', '\n', '\x00').
std::string QuoteByte(char c);

}  // namespace host_exporter::gocompat
