import Foundation
import TestSupport
import Testing

/// A solve that finds no timetable: the exit code (SPEC §4: 3 for a conflict in `fixed.csv`,
/// 4 for a time limit with no solution) and summary.json's `status` must tell the same story,
/// and a conflict is explained by the rows' `fixed.csv` lines.
@Suite struct SolveOutcomeTests {
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

  /// A time limit far too short for a real school: 0 with a timetable, which must still obey every
  /// rule, or 4 with none.
  @Test func veryShortTimeLimitExitMatchesSummary() throws {
    try Scratch.with { scratch in
      let school = Fixtures.catalog("yangguang-primary")
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school, out: out, "--time-limit", "0.01")
      #expect([Exit.ok, Exit.timeLimitNoSolution].contains(run.status), "\(run)")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
      let status = try #require((json as? [String: Any])?["status"] as? String)
      switch status {
      case "optimal", "feasible":
        #expect(run.status == Exit.ok, "\(run)")
        let check = try CLI.run(["check", school, out.appendingPathComponent("assignments.csv").path])
        #expect(check.status == Exit.ok, "\(check)")
        #expect(check.stdout.contains("no violations"), "\(check)")
      case "time-limit-no-solution":
        #expect(run.status == Exit.timeLimitNoSolution, "\(run)")
      default:
        Issue.record("status \(status) after a time limit on a school without fixed.csv")
      }
    }
  }
}

@Suite struct EmptyTimetableHintTests {
  /// A limit too short to fill any club still gives a valid (empty) timetable, exit 0, and says
  /// plainly that it opens nothing; a timetable that places students does not say so.
  @Test(arguments: ["0.2", "30"]) func saysSoWhenTheTimetableOpensNothing(limit: String) throws {
    try Scratch.with { folder in
      let out = folder.appendingPathComponent("out")
      let run = try CLI.solve("Catalogs/chenguang-middle", out: out, "--time-limit", limit)
      #expect(run.status == Exit.ok, "\(run)")
      let summary = try Data(contentsOf: out.appendingPathComponent("summary.json"))
      let json = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
      let placed = try #require(json["electives_placed"] as? Int)
      #expect(run.stderr.contains("this timetable opens nothing") == (placed == 0), "\(run)")
    }
  }
}
