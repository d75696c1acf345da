// Go's strconv.ParseInt/ParseUint with base 0 and net.ParseMAC, which
// prometheus/procfs applies to sysfs attributes ("0x1003", "-1") and to
// /proc/net/arp. Pure; errors name the text.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// Base 0: "0x"/"0X" hex, "0b" binary, "0o" or a leading "0" octal, else
// decimal; '_' separators where Go allows them; optional sign for the signed
// form. Out of range for `bits` is an error.
Result<std::int64_t> ParseGoInt(std::string_view s, int bits = 64);
Result<std::uint64_t> ParseGoUint(std::string_view s, int bits = 64);

// net.ParseMAC: 6, 8 or 20 bytes as "xx:xx:..", "xx-xx-.." or "xxxx.xxxx.xxxx".
Result<std::vector<std::uint8_t>> ParseGoMAC(std::string_view s);

}  // namespace host_exporter::sysfs
