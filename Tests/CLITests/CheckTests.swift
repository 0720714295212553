import Foundation
import TestSupport
import Testing

/// `zouban check SCHOOL ASSIGNMENTS.csv` (SPEC §4): clean on the solver's own answer, and on a
/// copy broken by hand (as staff might) exit 3 with a message that names the fault, at the
/// file's line when one row is to blame.
@Suite struct CheckTests {
  @Test func solverOutputChecksClean() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
      let objective = try #require((json as? [String: Any])?["objective"] as? Int)
      let run = try CLI.run(["check", Fixtures.catalog("tiny"), out.appendingPathComponent("assignments.csv").path])
      #expect(run.status == Exit.ok, "\(run)")
      #expect(run.stdout.contains("no violations"), "\(run)")
      #expect(run.stdoutLines.contains("objective \(objective)"), "\(run)")
    }
  }

  /// One hand edit of the tiny school's optimal assignments.csv (README: ART/Mon-1 with S01, S02,
  /// S05, S09, S10 in R-ART; FB/Mon-2 with eight students on FIELD).
  struct Breakage: Sendable, CustomStringConvertible {
    let description: String
    /// Edits the file's lines (line 1 is the header) and returns the line at fault, or nil when
    /// the fault lies between rows or with a whole section.
    let edit: @Sendable (inout [String]) -> Int?
    /// Words the violation's message must hold.
    let fragments: [String]
  }

  static let breakages: [Breakage] = [
    Breakage(
      description: "a student in a second section in the same slot",
      edit: { lines in
        // S03 already has FB/Mon-2; a GO section on Mon-2 puts them in two places at once.
        lines.append("S03,黄三,3,3-1,GO,围棋,GO/Mon-2,Mon-2,R-101,T3,1")
        return nil
      },
      fragments: ["two sections on Mon-2", "FB/Mon-2", "GO/Mon-2"]),
    Breakage(
      description: "a room of the wrong type",
      edit: { lines in
        lines = lines.map { $0.replacingOccurrences(of: ",R-ART,", with: ",R-101,") }
        return nil
      },
      fragments: ["ART/Mon-1", "R-101", "type 教室", "needs type 美术室"]),
    Breakage(
      description: "a duplicated row",
      edit: { lines in
        lines.append(lines[1])
        return lines.count
      },
      fragments: ["duplicate row", "on line 2"]),
    Breakage(
      description: "an unknown student",
      edit: { lines in
        let index = lines.firstIndex { $0.hasPrefix("S04,") }!
        lines[index] = "S99" + lines[index].dropFirst(3)
        return index + 1
      },
      fragments: ["unknown student", "S99"]),
    Breakage(
      description: "a section under its minimum",
      edit: { lines in
        // Three of ART/Mon-1's five students leave; min_size is 3.
        for student in ["S05", "S09", "S10"] {
          lines.removeAll { $0.hasPrefix(student + ",") && $0.contains(",ART/Mon-1,") }
        }
        return nil
      },
      fragments: ["ART/Mon-1", "has 2 students", "fewer than its minimum 3"]),
  ]

  @Test(arguments: breakages)
  func brokenCopyIsCaught(_ breakage: Breakage) throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let edited = scratch.appendingPathComponent("edited.csv")
      var lines = try String(contentsOf: out.appendingPathComponent("assignments.csv"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
      let faultyLine = breakage.edit(&lines)
      try (lines.joined(separator: "\n") + "\n").write(to: edited, atomically: true, encoding: .utf8)

      let run = try CLI.run(["check", Fixtures.catalog("tiny"), edited.path])
      #expect(run.status == Exit.infeasible, "\(run)")
      #expect(!run.stdout.contains("no violations"), "\(run)")
      let prefix = faultyLine.map { "\(edited.path):\($0): " } ?? "\(edited.path): "
      let named = run.stdoutLines.contains { line in
        line.hasPrefix(prefix) && breakage.fragments.allSatisfy { line.contains($0) }
      }
      #expect(named, "expected a line starting \(prefix) holding \(breakage.fragments)\n\(run)")
    }
  }

  /// SPEC §3: a CSV cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, so that
  /// Excel shows a student's name instead of running it as a formula; and `check` must still read
  /// such a file back, since staff hand it the very file `solve` wrote.
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
