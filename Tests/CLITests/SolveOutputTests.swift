import Foundation
import TestSupport
import Testing

/// `zouban solve Catalogs/tiny --out DIR` against SPEC §3, file by file.
///
/// The tiny school is the one whose optimum is worked out by hand in its README, so the objective
/// is checked against that page rather than against another run of the product.
@Suite struct SolveOutputTests {
  /// SPEC §3's CSV columns, in order.
  static let csvHeaders: [String: [String]] = [
    "assignments.csv": [
      "student", "student_name", "grade", "class", "course", "course_name", "section", "slot", "room", "teacher",
      "rank",
    ],
    "sections.csv": [
      "section", "course", "course_name", "slot", "room", "teacher", "enrolled", "capacity", "min_size",
    ],
    "fill.csv": [
      "course", "course_name", "first_choice_demand", "any_rank_demand", "sections", "enrolled", "capacity",
      "fill_rate",
      "status",
    ],
    "unplaced.csv": ["student", "student_name", "grade", "class", "asked", "got", "reason"],
  ]

  static let outputNames = csvHeaders.keys.sorted() + ["summary.json", "report.html"]

  /// The `Optimum: N` line of a catalog's README.
  static func documentedOptimum(_ school: String) throws -> Int {
    let readme = try String(contentsOfFile: Fixtures.catalog(school) + "/README.md", encoding: .utf8)
    let line = readme.split(separator: "\n").first { $0.hasPrefix("Optimum:") }
    return try #require(line.flatMap { Int($0.dropFirst("Optimum:".count).trimmingCharacters(in: .whitespaces)) })
  }

  @Test func writesEveryFileWithSpecHeaders() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(Fixtures.catalog("tiny"), out: out)
      #expect(run.status == Exit.ok, "\(run)")
      for name in Self.outputNames {
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
      }
      for (name, header) in Self.csvHeaders {
        let bytes = try Data(contentsOf: out.appendingPathComponent(name))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has no UTF-8 BOM")
        #expect(try CSVTable(contentsOf: out.appendingPathComponent(name)).header == header, "\(name) header")
      }
    }
  }

  @Test func summaryHasEveryKeyAndTheDocumentedOptimum() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(Fixtures.catalog("tiny"), out: out)
      #expect(run.status == Exit.ok, "\(run)")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
      let summary = try #require(json as? [String: Any])
      #expect(summary["status"] as? String == "optimal")
      for key in ["objective", "bound", "students", "electives_asked", "electives_placed", "first_choice"] {
        #expect(Self.integer(summary[key]) != nil, "\(key) is not a whole number: \(String(describing: summary[key]))")
      }
      for key in ["gap", "solve_seconds"] {
        #expect(summary[key] is NSNumber, "\(key) is not a number: \(String(describing: summary[key]))")
      }
      let optimum = try Self.documentedOptimum("tiny")
      #expect(Self.integer(summary["objective"]) == optimum)
      #expect(Self.integer(summary["bound"]) == optimum, "an optimal run's bound is its objective")
      #expect((summary["gap"] as? NSNumber)?.doubleValue == 0)
      // The counts agree with the files they summarise.
      let students = try CSVTable(contentsOf: URL(fileURLWithPath: Fixtures.catalog("tiny") + "/students.csv"))
      let assignments = try CSVTable(contentsOf: out.appendingPathComponent("assignments.csv"))
      #expect(Self.integer(summary["students"]) == students.rows.count)
      #expect(
        Self.integer(summary["electives_asked"]) == students.column("electives").compactMap { Int($0) }.reduce(0, +))
      #expect(Self.integer(summary["electives_placed"]) == assignments.rows.count)
      #expect(run.stdout.contains(String(optimum)), "the printed summary names the objective: \(run)")
    }
  }

  /// SPEC §3: `<course>/<slot>`, then `/<n>` for the n-th parallel section (n ≥ 2).
  @Test func sectionIdsFollowTheRule() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      try Self.expectSectionIdsFollowTheRule(out)
    }
  }

  /// The tiny school opens no two sections of a course in one slot, so this copy makes 足球 need
  /// two: at most 4 per section for its 8 takers, a second field and coach, and both coaches away
  /// on Mon-1, which leaves Mon-2 for both sections.
  @Test func parallelSectionsAreNumbered() throws {
    try Scratch.with { scratch in
      let school = try Scratch.copySchool("tiny", into: scratch)
      try Scratch.edit(school.appendingPathComponent("courses.csv")) {
        $0.replacingOccurrences(of: "FB,足球,体育,低段;中段,12,,1,,操场,T2,", with: "FB,足球,体育,低段;中段,4,,2,,操场,T2;T4,")
      }
      try Scratch.edit(school.appendingPathComponent("rooms.csv")) { $0 + "FIELD2,篮球场,操场,60,\n" }
      try Scratch.edit(school.appendingPathComponent("teachers.csv")) { $0 + "T4,赵教练,,Mon-1,80\n" }
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school.path, out: out)
      #expect(run.status == Exit.ok, "\(run)")
      let ids = try CSVTable(contentsOf: out.appendingPathComponent("sections.csv")).column("section")
      #expect(ids.contains("FB/Mon-2") && ids.contains("FB/Mon-2/2"), "\(ids)")
      try Self.expectSectionIdsFollowTheRule(out)
      let check = try CLI.run(["check", school.path, out.appendingPathComponent("assignments.csv").path])
      #expect(check.status == Exit.ok, "\(check)")
    }
  }

  /// The sections of one course in one slot are `<course>/<slot>`, `…/2`, `…/3`, … without gaps,
  /// and every assignment names one of them with its own course, slot, room and teacher.
  static func expectSectionIdsFollowTheRule(_ out: URL) throws {
    let sections = try CSVTable(contentsOf: out.appendingPathComponent("sections.csv")).records
    #expect(!sections.isEmpty)
    let byCourseSlot = Dictionary(grouping: sections) { "\($0["course"]!)/\($0["slot"]!)" }
    for (base, group) in byCourseSlot {
      let expected = [base] + (1..<group.count).map { "\(base)/\($0 + 1)" }
      #expect(group.map { $0["section"]! }.sorted() == expected.sorted())
    }
    let byId = Dictionary(uniqueKeysWithValues: sections.map { ($0["section"]!, $0) })
    for row in try CSVTable(contentsOf: out.appendingPathComponent("assignments.csv")).records {
      let section = try #require(byId[row["section"]!], "assignment names unknown section \(row["section"]!)")
      #expect(section["course"] == row["course"] && section["slot"] == row["slot"], "\(row) does not match \(section)")
      #expect(
        section["room"] == row["room"] && section["teacher"] == row["teacher"], "\(row) does not match \(section)")
    }
  }

  /// "No network needed to view it": nothing fetched from elsewhere.
  @Test func reportIsSelfContained() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8).lowercased()
      #expect(html.contains("<html"))
      #expect(!html.contains("http://"))
      #expect(!html.contains("https://"))
      #expect(!html.contains("<script src"))
    }
  }

  /// A JSON whole number: not a string, not a boolean (objCType `c`), not a fraction.
  static func integer(_ value: Any?) -> Int? {
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
    let double = number.doubleValue
    return double == double.rounded() ? number.intValue : nil
  }

  // Determinism: two solves of the same school give the same files, byte for byte, except the
  // one line SPEC lets vary (`solve_seconds` in summary.json): a school office re-running a
  // timetable must not get a different one.

  @Test func tinySolvesTwiceToTheSameBytes() throws {
    try Scratch.with { scratch in
      let first = scratch.appendingPathComponent("first")
      let second = scratch.appendingPathComponent("second")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: first).status == Exit.ok)
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: second).status == Exit.ok)
      try Self.expectSameOutputs(first, second)
    }
  }

  /// A school big enough for the decomposition. Under a time limit a search cut short may
  /// legitimately stop elsewhere, so the bytes are compared only when both runs reached the same
  /// status well inside the limit (the first stage alone may use half of it).
  @Test func yangguangSolvesTwiceToTheSameBytes() throws {
    let limit = 20.0
    try Scratch.with { scratch in
      let outs = [scratch.appendingPathComponent("first"), scratch.appendingPathComponent("second")]
      var summaries: [[String: Any]] = []
      for out in outs {
        let run = try CLI.solve(Fixtures.catalog("yangguang-primary"), out: out, "--time-limit", String(limit))
        #expect([Exit.ok, Exit.timeLimitNoSolution].contains(run.status), "\(run)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
        summaries.append(try #require(json as? [String: Any]))
      }
      let statuses = summaries.map { $0["status"] as? String }
      let seconds = summaries.map { ($0["solve_seconds"] as? NSNumber)?.doubleValue ?? limit }
      guard statuses[0] == statuses[1], seconds.allSatisfy({ $0 < limit / 2 }) else {
        try Test.cancel("a search was cut by the time limit (\(statuses), \(seconds) s); bytes not compared")
      }
      try Self.expectSameOutputs(outs[0], outs[1])
    }
  }

  /// Every file equal, and summary.json equal once its `solve_seconds` line is left out.
  static func expectSameOutputs(_ a: URL, _ b: URL) throws {
    let left = try Scratch.snapshot(a)
    let right = try Scratch.snapshot(b)
    #expect(left.keys.sorted() == right.keys.sorted())
    for name in left.keys.sorted() where name != "summary.json" {
      #expect(left[name] == right[name], "\(name) differs between two runs")
    }
    func withoutSeconds(_ data: Data?) -> [Substring] {
      String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter {
        !$0.contains("\"solve_seconds\"")
      }
    }
    #expect(withoutSeconds(left["summary.json"]) == withoutSeconds(right["summary.json"]))
  }
}
