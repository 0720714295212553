import Foundation
import TestSupport
import Testing

/// SPEC §3–4: with `fixed.csv` rows that cannot all hold, `solve` exits 3, explains the conflict
/// by the rows' `fixed.csv` lines, and writes a summary whose status is `infeasible`.
@Suite struct FixedConflictTests {
  /// Each row is fine alone and passes validation (ART may run in either slot, both students
  /// rank it), but 绘画 (ART) has `max_sections` 1, so it cannot run on Mon-1 and on Mon-2.
  static let conflictingRows = """
    student,course,slot
    S01,ART,Mon-1
    S02,ART,Mon-2

    """

  @Test func conflictingFixedRowsAreInfeasible() throws {
    try Scratch.with { scratch in
      let school = try Scratch.copySchool("tiny", into: scratch)
      try Self.conflictingRows.write(to: school.appendingPathComponent("fixed.csv"), atomically: true, encoding: .utf8)
      let validate = try CLI.run(["validate", school.path])
      #expect(validate.status == Exit.ok, "the rows must pass validation: \(validate)")

      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school.path, out: out)
      #expect(run.status == Exit.infeasible, "\(run)")
      let named = run.stderrLines.filter { $0.hasPrefix("fixed.csv:") }
      #expect(named.contains { $0.hasPrefix("fixed.csv:2: ") && $0.contains("S01") && $0.contains("Mon-1") }, "\(run)")
      #expect(named.contains { $0.hasPrefix("fixed.csv:3: ") && $0.contains("S02") && $0.contains("Mon-2") }, "\(run)")

      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
      #expect((json as? [String: Any])?["status"] as? String == "infeasible")
    }
  }

  /// The same school without the second row is solvable: the conflict is the pair, not one row.
  @Test func oneOfTheRowsAloneIsHonoured() throws {
    try Scratch.with { scratch in
      let school = try Scratch.copySchool("tiny", into: scratch)
      let oneRow = Self.conflictingRows.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
      try oneRow.write(to: school.appendingPathComponent("fixed.csv"), atomically: true, encoding: .utf8)
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school.path, out: out)
      #expect(run.status == Exit.ok, "\(run)")
      let assignments = try CSVTable(contentsOf: out.appendingPathComponent("assignments.csv")).records
      #expect(assignments.contains { $0["student"] == "S01" && $0["section"] == "ART/Mon-1" })
    }
  }
}
