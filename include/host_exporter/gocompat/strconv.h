// Number parsing and quoting with Go's strconv rules (and net.ParseMAC), where
// node_exporter's or prometheus/procfs's behaviour depends on them: the
// text-format parser, and the procfs and sysfs readers that call
// strconv.ParseInt/ParseUint with base 0. Pure; errors name the text.
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::gocompat {

// strconv.ParseFloat(s, 64) for decimal syntax: optional sign, digits with an
// optional '.', optional exponent; "inf"/"infinity" (optionally signed) and
// "nan", any case. Overflow is an error (Go's ErrRange); underflow gives 0.
// Hexadecimal floats and digit separators are not accepted.
Result<double> ParseFloat(std::string_view s);

// strconv.ParseInt / ParseUint(s, 0, bits): "0x"/"0X" hex, "0b" binary, "0o" or
// a leading "0" octal, else decimal; '_' separators where Go allows them; an
// optional sign for the signed form only. Out of range for `bits` is an error.
Result<std::int64_t> ParseIntBase0(std::string_view s, int bits = 64);
Result<std::uint64_t> ParseUintBase0(std::string_view s, int bits = 64);

// net.ParseMAC: 6, 8 or 20 bytes as "xx:xx:..", "xx-xx-.." or "xxxx.xxxx.xxxx".
Result<std::vector<std::uint8_t>> ParseMAC(std::string_view s);

// Go's uint64(f) conversion on amd64: truncation toward zero; negative values
// wrap; NaN and values beyond the int64/uint64 range give 1<<63.
std::uint64_t FloatToUint64(double f);

// fmt's %q for a string: double-quoted, with Go escapes for ", \ and control bytes.
std::string Quote(std::string_view s);
// fmt's %q for a byte: single-quoted character literal ('x', '\n', '\x00').
std::string QuoteByte(char c);

}  // namespace host_exporter::gocompat
