import Foundation
import TestSupport
import Testing

/// Bad usage is exit 64 (SPEC §4, EX_USAGE), and a run that fails — bad usage or bad input —
/// leaves the output directory as it was (SPEC §3: never half-written).
@Suite struct UsageTests {
  /// Arguments after `zouban`; `OUT` stands for a fresh output directory.
  static let badUsages: [[String]] = [
    ["solve", "TINY", "--out", "OUT", "--no-such-option"],
    ["frobnicate", "TINY"],
    ["solve", "TINY"],
    ["check", "TINY"],
    ["validate"],
    ["solve", "TINY", "--out", "OUT", "--time-limit", "-1"],
    ["solve", "TINY", "--out", "OUT", "--time-limit=-1"],
    ["solve", "TINY", "--out", "OUT", "--time-limit", "0"],
    ["solve", "TINY", "--out", "OUT", "--time-limit", "soon"],
    ["solve", "TINY", "--out", "OUT", "--gap", "-0.5"],
    ["solve", "TINY", "--out", "OUT", "--gap=-0.5"],
  ]

  @Test(arguments: badUsages)
  func badUsageExits64AndWritesNothing(arguments: [String]) throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let resolved = arguments.map { $0 == "TINY" ? Fixtures.catalog("tiny") : $0 == "OUT" ? out.path : $0 }
      let run = try CLI.run(resolved)
      #expect(run.status == Exit.usage, "\(run)")
      #expect(!run.stderr.isEmpty, "a usage error says what is wrong")
      #expect(!FileManager.default.fileExists(atPath: out.path), "bad usage created --out")
    }
  }

  /// A folder with files Zouban did not write is not Zouban's to replace.
  @Test func outDirectoryWithOtherFilesIsRefused() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      try "班主任的备忘\n".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
      let before = try Scratch.snapshot(out)
      let run = try CLI.solve(Fixtures.catalog("tiny"), out: out)
      #expect(run.status == Exit.usage, "\(run)")
      #expect(run.stderr.contains("notes.txt"), "\(run)")
      #expect(try Scratch.snapshot(out) == before)
      #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"], "no temporary left behind")
    }
  }

  @Test func invalidSchoolCreatesNoOutDirectory() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve("unknown-teacher", out: out, in: Fixtures.catalog("invalid"))
      #expect(run.status == Exit.badInput, "\(run)")
      #expect(run.errorLines.first?.hasPrefix("unknown-teacher/courses.csv:2: error:") == true, "\(run)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
      #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
  }

  /// The outputs of an earlier good run stay byte for byte when a later run fails on bad input.
  @Test func invalidSchoolLeavesEarlierOutputsUntouched() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let before = try Scratch.snapshot(out)
      #expect(before.count == 15, "SPEC §3's six files and the office's nine tables")
      let run = try CLI.solve("unknown-teacher", out: out, in: Fixtures.catalog("invalid"))
      #expect(run.status == Exit.badInput, "\(run)")
      #expect(try Scratch.snapshot(out) == before)
    }
  }
}
