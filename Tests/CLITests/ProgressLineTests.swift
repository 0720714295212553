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
      let command = "\(CLI.executable.path) solve \(school.path) --out \(out.path) --time-limit 4"
      let tty = try CLI.runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
      // Redrawn in place: carriage return, erase line, then the figures.
      #expect(tty.contains("\r\u{1B}[K求解中 2."), "\(tty.prefix(400))")
      let line = try #require(tty.components(separatedBy: "\r\u{1B}[K").dropFirst().first)
      #expect(line.contains(" · 上界 "), "the course-level bound is known within 2 s: \(line)")
      // The line is erased before the summary is printed.
      let afterLastErase = try #require(tty.components(separatedBy: "\r\u{1B}[K").last)
      #expect(!afterLastErase.hasPrefix("求解中") && afterLastErase.contains("求解状态"), "\(afterLastErase)")
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
