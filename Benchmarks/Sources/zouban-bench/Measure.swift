import Foundation
import ZoubanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One row of the benchmark table: one method on one school.
struct Measurement {
  let method: String
  /// Seconds until the first timetable was known; `nil` when the method does not say.
  var firstSolution: Double?
  var finish: Double
  var objective: Int?
  var bound: Int?
  var status: String
  /// Peak resident memory in MiB.
  var peakMiB: Double
  var unplaced: Int?
  /// What the independent checker said of the timetable ("ok", "3 violations", "-" when unchecked).
  var checked: String
  /// The objective and bound as they moved during the run.
  var trajectory: Trajectory

  /// SPEC §3's gap, `(bound − objective) / max(1, |objective|)`.
  var gap: Double? {
    guard let objective, let bound else { return nil }
    return Double(bound - objective) / Double(max(1, abs(objective)))
  }
}

/// Wall-clock seconds since an arbitrary start, monotonic.
func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// `ru_maxrss` (KiB on Linux) in MiB.
func mebibytes(_ usage: rusage) -> Double {
  #if os(Linux)
    Double(usage.ru_maxrss) / 1024
  #else
    Double(usage.ru_maxrss) / 1_048_576
  #endif
}

/// Starts a fresh peak-memory measurement of this process. On Linux, writing 5 to
/// `/proc/self/clear_refs` resets the peak (VmHWM), so each in-process method is measured on its
/// own rather than against the high-water mark of an earlier, bigger one; elsewhere the peak of
/// `ru_maxrss` only grows.
func resetPeak() {
  #if os(Linux)
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  #endif
}

/// The peak resident memory of this process since `resetPeak()` (Linux: VmHWM, the counter
/// `ru_maxrss` reports without a reset), in MiB.
func selfPeakMiB() -> Double {
  #if os(Linux)
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    {
      return kib / 1024
    }
  #endif
  var usage = rusage()
  #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return mebibytes(usage)
}

/// Electives asked and not placed, counting as SPEC §2 does (electives capped by the slots the
/// student can attend).
func unplacedElectives(_ school: School, _ solution: Solution) -> Int {
  var placed: [String: Int] = [:]
  for p in solution.placements { placed[p.student, default: 0] += 1 }
  let slots = school.week.slots
  return school.students.reduce(0) { total, s in
    let asked = min(s.electives, slots.filter(s.isAvailable).count)
    return total + max(0, asked - (placed[s.id] ?? 0))
  }
}
