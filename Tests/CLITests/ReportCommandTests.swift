import Foundation
import TestSupport
import Testing

/// `zouban report DIR`: shows a solve's summary again from its directory alone.
@Suite struct ReportCommandTests {
  @Test func showsExactlyWhatSolvePrinted() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let solve = try CLI.solve(Fixtures.catalog("yangguang-primary"), out: out)
      #expect(solve.status == Exit.ok, "\(solve)")
      let report = try CLI.run(["report", out.path])
      #expect(report.status == Exit.ok, "\(report)")
      // Solve adds one last line naming the directory it wrote.
      #expect(report.stdoutLines == Array(solve.stdoutLines.dropLast()))
      #expect(solve.stdoutLines.last == "已写入   \(out.path)/")
      #expect(report.stdout.contains("求解状态  最优（已证明）"))
      #expect(!report.stdout.contains("\u{1B}["), "no colour into a pipe")
    }
  }

  @Test func speaksEnglishOnRequestAndRejectsUnknownLanguages() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let en = try CLI.run(["report", out.path, "--lang", "en"])
      #expect(en.status == Exit.ok, "\(en)")
      #expect(en.stdoutLines.contains("status     optimal (proven)"))
      #expect(en.stdout.contains("electives placed 13 / 15 (86.7%)"))
      let bad = try CLI.run(["report", out.path, "--lang", "fr"])
      #expect(bad.status == Exit.usage, "\(bad)")
    }
  }

  @Test func aMissingOrBrokenDirectoryIsBadInputWithFileAndLine() throws {
    try Scratch.with { scratch in
      let missing = try CLI.run(["report", scratch.path])
      #expect(missing.status == Exit.badInput, "\(missing)")
      #expect(missing.errorLines.contains { $0.hasPrefix("\(scratch.path)/summary.json: error: file not found") })
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      try Scratch.edit(out.appendingPathComponent("fill.csv")) { $0.replacingOccurrences(of: ",0.6667,", with: ",lots,") }
      let broken = try CLI.run(["report", out.path])
      #expect(broken.status == Exit.badInput, "\(broken)")
      #expect(broken.errorLines == ["\(out.path)/fill.csv:3: error: enrolled, capacity and fill_rate must be numbers"])
      #expect(broken.stdout.isEmpty)
    }
  }

  /// Under a real terminal (a pseudo-terminal made by `script`), the status is coloured; with
  /// NO_COLOR it is not.
  @Test func coloursOnlyOnATerminal() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let command = "\(CLI.executable.path) report \(out.path)"
      let coloured = try CLI.runTool("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": ""])
      #expect(coloured.contains("\u{1B}[32m最优（已证明）\u{1B}[0m"), "\(coloured)")
      let plain = try CLI.runTool("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"])
      #expect(plain.contains("最优（已证明）") && !plain.contains("\u{1B}[32m"), "\(plain)")
    }
  }
}
