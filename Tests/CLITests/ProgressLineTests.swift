import Foundation
import TestSupport
import Testing

/// The live progress line of a long solve: on a terminal only, and only after about 2 s.
@Suite struct ProgressLineTests {
  /// A generated school big enough to go to the decomposition and use the whole time limit.
  private func bigSchool(in scratch: URL) throws -> URL {
    let school = scratch.appendingPathComponent("school")
    let run = try CLI.run(["generate", "--students", "1500", "--clubs", "40", "--seed", "2026", "--out", school.path])
    #expect(run.status == Exit.ok, "\(run)")
    return school
  }

  @Test func aLongSolveOnATerminalShowsElapsedTimeAndTheBound() throws {
    try Scratch.with { scratch in
      let school = try bigSchool(in: scratch)
      let out = scratch.appendingPathComponent("out")
      // Long enough for the course-level bound to arrive even when CI runs other tests beside it.
      let command = "\(CLI.executable.path) solve \(school.path) --out \(out.path) --time-limit 8"
      let tty = try CLI.runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
      // Redrawn in place: carriage return, erase line, then the figures; the last piece is the summary.
      let pieces = tty.components(separatedBy: "\r\u{1B}[K").dropFirst()
      let lines = pieces.dropLast()
      let first = try #require(lines.first, "no progress line: \(tty.prefix(400))")
      #expect(first.hasPrefix("求解中 "), "\(first)")
      let seconds = try #require(Double(first.dropFirst(4).prefix { $0 != " " }), "\(first)")
      #expect(seconds >= 2.0, "shown only after about 2 s: \(first)")
      #expect(lines.allSatisfy { $0.hasPrefix("求解中 ") && $0.contains(" · 当前最优 ") }, "\(lines)")
      let last = try #require(lines.last)
      #expect(last.contains(" · 上界 ") && !last.contains("上界 -") && last.contains(" · 差距 "), "the bound is known before the end: \(last)")
      // The line is erased before the summary is printed.
      let summary = try #require(pieces.last)
      #expect(!summary.hasPrefix("求解中") && summary.contains("求解状态"), "\(summary)")
    }
  }

  @Test func nothingExtraWhenStderrIsNotATerminal() throws {
    try Scratch.with { scratch in
      let school = try bigSchool(in: scratch)
      let run = try CLI.solve(school.path, out: scratch.appendingPathComponent("out"), "--time-limit", "3")
      #expect(run.status == Exit.ok, "\(run)")
      #expect(!run.stderr.contains("求解中") && !run.stderr.contains("\r"), "\(run)")
    }
  }
}
