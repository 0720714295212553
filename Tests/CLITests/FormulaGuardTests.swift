import Foundation
import TestSupport
import Testing

/// SPEC §3: a CSV cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, so that
/// Excel shows a student's name instead of running it as a formula; and `zouban check` must still
/// read such a file back, since staff hand it the very file `solve` wrote.
@Suite struct FormulaGuardTests {
  @Test func formulaLikeCellsAreGuardedAndReadBack() throws {
    try Scratch.with { scratch in
      let school = try Scratch.copySchool("tiny", into: scratch)
      // S09's name becomes a formula; S10's id starts with `+`, so the guard also touches a cell
      // that `check` has to match against students.csv.
      try Scratch.edit(school.appendingPathComponent("students.csv")) {
        $0.replacingOccurrences(of: "S09,赵九,", with: "S09,=1+2,").replacingOccurrences(of: "S10,冯十,", with: "+S10,冯十,")
      }

      let out = scratch.appendingPathComponent("out")
      let solve = try CLI.solve(school.path, out: out)
      #expect(solve.status == Exit.ok, "\(solve)")
      let assignments = try CSVTable(contentsOf: out.appendingPathComponent("assignments.csv")).records
      let s09 = try #require(assignments.first { $0["student"] == "S09" })
      #expect(s09["student_name"] == "'=1+2")
      #expect(assignments.contains { $0["student"] == "'+S10" }, "the id +S10 is guarded too")
      #expect(!assignments.contains { $0["student"] == "+S10" })

      let check = try CLI.run(["check", school.path, out.appendingPathComponent("assignments.csv").path])
      #expect(check.status == Exit.ok, "\(check)")
      #expect(check.stdout.contains("no violations"), "\(check)")
    }
  }
}
