import Foundation
import TestSupport
import Testing

/// `zouban solve SCHOOL --previous OLD/assignments.csv` from the outside: one student leaves,
/// one joins, and `moves.csv` names exactly the students whose week changed.
@Suite struct StableResolveCLITests {
  /// Each student's `course@slot` placements in an `assignments.csv`.
  static func weeks(_ file: URL) throws -> [String: Set<String>] {
    let table = try CSVTable(contentsOf: file)
    var result: [String: Set<String>] = [:]
    for r in table.records { result[r["student"]!, default: []].insert("\(r["course"]!)@\(r["slot"]!)") }
    return result
  }

  /// Students in both files who lost a (course, slot) they had in `old`.
  static func moved(from old: [String: Set<String>], to new: [String: Set<String>], students: Set<String>) -> [String] {
    old.keys.filter { students.contains($0) && !old[$0]!.isSubset(of: new[$0] ?? []) }.sorted()
  }

  /// The sample school solved, and a copy of it where 20260110 left and 20269999 joined.
  static func setUp(_ scratch: URL) throws -> (old: URL, school: URL) {
    let old = scratch.appendingPathComponent("old")
    let first = try CLI.solve(Fixtures.catalog("yangguang-primary"), out: old)
    #expect(first.status == Exit.ok, "\(first)")
    let school = try Scratch.copySchool("yangguang-primary", into: scratch)
    try Scratch.edit(school.appendingPathComponent("students.csv")) { text in
      var lines = text.components(separatedBy: "\n").filter { !$0.hasPrefix("20260110,") }
      let end = lines.last == "" ? lines.count - 1 : lines.count
      lines.insert("20269999,新同学,1,1-1,1,,否,,,创意儿童画班,轮滑班,花样体育,,", at: end)
      return lines.joined(separator: "\n")
    }
    return (old, school)
  }

  @Test func movesListsExactlyTheStudentsWhoseWeekChanged() throws {
    try Scratch.with { scratch in
      let (old, school) = try Self.setUp(scratch)
      let new = scratch.appendingPathComponent("new")
      let previous = old.appendingPathComponent("assignments.csv").path
      let run = try CLI.solve(school.path, out: new, "--previous", previous)
      #expect(run.status == Exit.ok, "\(run)")
      #expect(run.stderr.contains("\(previous): warning: 2 rows of 1 student no longer in students.csv (left)"), "\(run)")

      let before = try Self.weeks(old.appendingPathComponent("assignments.csv"))
      let after = try Self.weeks(new.appendingPathComponent("assignments.csv"))
      let current = Set(try CSVTable(contentsOf: school.appendingPathComponent("students.csv")).column("学号"))
      let moved = Self.moved(from: before, to: after, students: current)
      let moves = try CSVTable(contentsOf: new.appendingPathComponent("moves.csv"))
      let bytes = try Data(contentsOf: new.appendingPathComponent("moves.csv"))
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM, as every CSV")
      #expect(moves.header == ["student", "student_name", "class", "before", "after", "reason"])
      #expect(moves.column("student") == moved)
      for r in moves.records {
        let id = r["student"]!
        #expect(Set(r["before"]!.split(separator: ";").map(String.init)) == before[id], "\(id)")
        #expect(Set(r["after"]!.split(separator: ";").map(String.init)) == after[id] ?? [], "\(id)")
        #expect(!r["reason"]!.isEmpty, "\(id)")
      }
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: new.appendingPathComponent("summary.json")))
      let summary = try #require(json as? [String: Any])
      #expect(summary["moved_students"] as? Int == moved.count)
      #expect(summary["kept_students"] as? Int == before.keys.filter(current.contains).count - moved.count)
      #expect(summary["joined"] as? Int == current.subtracting(before.keys).count)
      #expect(summary["left"] as? Int == 1)
      // One leaves, one joins: nobody has to move in the sample school.
      #expect(moved.isEmpty, "\(moved)")
      let kept = summary["kept_students"] as? Int ?? -1
      let joined = summary["joined"] as? Int ?? -1
      #expect(run.stdoutLines.contains("调整      没有学生调整，\(kept) 名不变；新增 \(joined) 名，离开 1 名"), "\(run)")

      let check = try CLI.run(["check", school.path, new.appendingPathComponent("assignments.csv").path])
      #expect(check.status == Exit.ok, "\(check)")
      #expect(check.stdout.contains("objective \(summary["objective"] as? Int ?? -1)\n"), "\(check)")
      let bound = summary["bound"] as? Int ?? Int.min
      let fresh = scratch.appendingPathComponent("fresh")
      #expect(try CLI.solve(school.path, out: fresh).status == Exit.ok)
      let freshSummary = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: fresh.appendingPathComponent("summary.json"))) as? [String: Any])
      #expect(bound >= freshSummary["objective"] as? Int ?? Int.max, "the re-solve's bound holds for a fresh solve too")
    }
  }

  @Test func maxMovesZeroKeepsEveryoneAndAChangedClassListsTheMove() throws {
    try Scratch.with { scratch in
      let (old, school) = try Self.setUp(scratch)
      // 20260101 can no longer come on their 轮滑班 day: a forced move, outside --max-moves.
      let before = try Self.weeks(old.appendingPathComponent("assignments.csv"))
      let lost = try #require(before["20260101"]?.sorted().first)
      let slot = String(lost.split(separator: "@")[1])
      try Scratch.edit(school.appendingPathComponent("students.csv")) { text in
        text.components(separatedBy: "\n").map { line in
          guard line.hasPrefix("20260101,") else { return line }
          var cells = line.components(separatedBy: ",")
          cells[8] = slot
          return cells.joined(separator: ",")
        }.joined(separator: "\n")
      }
      let new = scratch.appendingPathComponent("new")
      let run = try CLI.solve(
        school.path, out: new, "--previous", old.appendingPathComponent("assignments.csv").path, "--max-moves", "0", "--xlsx")
      #expect(run.status == Exit.ok, "\(run)")
      let moves = try CSVTable(contentsOf: new.appendingPathComponent("moves.csv"))
      #expect(moves.column("student") == ["20260101"])
      let reason = try #require(moves.column("reason").first)
      #expect(reason.contains("该生原时段已不能参加"), "\(moves.rows)")
      let check = try CLI.run(["check", school.path, new.appendingPathComponent("assignments.csv").path])
      #expect(check.status == Exit.ok, "\(check)")

      // The move is in the terminal summary (and again in `zouban report`), the page and the workbook.
      let summary = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: new.appendingPathComponent("summary.json"))) as? [String: Any])
      let kept = try #require(summary["kept_students"] as? Int)
      #expect(run.stdoutLines.contains { $0.hasPrefix("调整") && $0.contains("1 名学生调整（其中 1 名因学校数据变动必须调整），\(kept) 名不变") }, "\(run)")
      let report = try CLI.run(["report", new.path])
      #expect(report.stdoutLines == Array(run.stdoutLines.dropLast()), "\(report)")
      let html = try String(contentsOf: new.appendingPathComponent("report.html"), encoding: .utf8)
      #expect(html.contains("<h2 id=\"moves\">调课名单</h2>") && html.contains("<a href=\"#moves\">"))
      #expect(html.contains("20260101") && html.contains("该生原时段已不能参加"))
      let dump = try WorkbookTests.Dump(workbook: new.appendingPathComponent("zouban.xlsx"), scratch: scratch)
      let sheet = try #require(dump.sheet("调课名单")).rows.map { $0.map(WorkbookTests.text) }
      #expect(sheet.first == ["学号", "姓名", "班级", "原安排", "新安排", "调整原因"])
      #expect(sheet.dropFirst().map(\.first) == ["20260101"] && sheet.last?.last == reason, "\(sheet)")
    }
  }

  /// A fresh solve has no moves: no line, no section, no sheet.
  @Test func aFreshSolveShowsNoMoves() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(Fixtures.catalog("tiny"), out: out)
      #expect(run.status == Exit.ok, "\(run)")
      #expect(!run.stdoutLines.contains { $0.hasPrefix("调整") })
      let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
      #expect(!html.contains("调课名单"))
      #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("moves.csv").path))
    }
  }

  @Test func aBrokenPreviousRowIsBadInputWithItsLine() throws {
    try Scratch.with { scratch in
      let (old, school) = try Self.setUp(scratch)
      let broken = scratch.appendingPathComponent("previous.csv")
      var lines = try String(contentsOf: old.appendingPathComponent("assignments.csv"), encoding: .utf8).components(separatedBy: "\n")
      var cells = lines[4].components(separatedBy: ",")
      cells[7] = "周八-9"
      lines[4] = cells.joined(separator: ",")
      try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school.path, out: out, "--previous", broken.path)
      #expect(run.status == Exit.badInput, "\(run)")
      #expect(run.errorLines == ["\(broken.path):5: error: slot \"周八-9\" is not a slot id (hint: write the slot as in assignments.csv, e.g. Tue-2)"], "\(run)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
      let missing = try CLI.solve(school.path, out: out, "--previous", scratch.appendingPathComponent("nope.csv").path)
      #expect(missing.status == Exit.badInput, "\(missing)")
    }
  }

  @Test func theStabilityOptionsAreCheckedAsUsage() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let tiny = Fixtures.catalog("tiny")
      let previous = scratch.appendingPathComponent("p.csv").path
      let runs = try [
        CLI.solve(tiny, out: out, "--max-moves", "2"), CLI.solve(tiny, out: out, "--keep-bonus", "50"),
        CLI.solve(tiny, out: out, "--previous", previous, "--max-moves=-1"),
        CLI.solve(tiny, out: out, "--previous", previous, "--keep-bonus=-5"),
      ]
      for run in runs { #expect(run.status == Exit.usage, "\(run)") }
    }
  }
}
