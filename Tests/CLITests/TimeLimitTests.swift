import Foundation
import TestSupport
import Testing

/// A time limit far too short for a real school: the exit code and summary.json must tell the
/// same story (SPEC §4: 0 with a timetable, 4 with none), and a timetable handed back early must
/// still obey every rule.
@Suite struct TimeLimitTests {
  @Test func tinyTimeLimitExitMatchesSummary() throws {
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
