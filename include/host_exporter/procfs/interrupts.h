// /proc/interrupts, per Documentation/filesystems/proc.rst ("interrupts"): a
// header of CPU columns, then one line per interrupt with a count per CPU.
// Parsed as node_exporter's interrupts collector parses it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

struct InterruptCount {
  std::string text;             // as written
  std::optional<double> value;  // empty when text is not a number
};

struct Interrupt {
  std::string name;  // "0", "NMI", "LOC" (leading spaces dropped)
  // Numbered interrupts: the first word after the counts ("IR-IO-APIC-edge")
  // and the rest joined by single spaces ("ehci_hcd:usb1, mmc0"). Named ones:
  // everything after the counts ("Non-maskable interrupts") and no devices.
  std::string info;
  std::string devices;
  std::vector<InterruptCount> counts;  // one per header column
};

// The number of header words is the number of CPUs. Each later line is split
// at its first ':' (arm64 writes "IPI0:" with no space); a line without ':' or
// with fewer than CPUs+1 words after it ("ERR:", "MIS:") is skipped. A repeated
// name replaces the earlier line. Sorted by name. Empty input is an error.
Result<std::vector<Interrupt>> ParseInterrupts(std::string_view text);
Result<std::vector<Interrupt>> ReadInterrupts(const Paths& paths);

}  // namespace host_exporter::procfs
