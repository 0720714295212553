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
      "student", "student_name", "grade", "class", "course", "course_name", "section", "slot", "room", "teacher", "rank",
    ],
    "sections.csv": ["section", "course", "course_name", "slot", "room", "teacher", "enrolled", "capacity", "min_size"],
    "fill.csv": [
      "course", "course_name", "first_choice_demand", "any_rank_demand", "sections", "enrolled", "capacity", "fill_rate",
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
      #expect(Self.integer(summary["electives_asked"]) == students.column("electives").compactMap { Int($0) }.reduce(0, +))
      #expect(Self.integer(summary["electives_placed"]) == assignments.rows.count)
      #expect(run.stdout.contains(String(optimum)), "the printed summary names the objective: \(run)")
    }
  }

  /// SPEC §3: `<course>/<slot>`, then `/<n>` for the n-th parallel section (n ≥ 2), so the
  /// sections of one course in one slot are numbered 1 (no suffix), 2, 3, … without gaps.
  @Test func sectionIdsFollowTheRule() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: out).status == Exit.ok)
      let sections = try CSVTable(contentsOf: out.appendingPathComponent("sections.csv")).records
      #expect(!sections.isEmpty)
      let byCourseSlot = Dictionary(grouping: sections) { "\($0["course"]!)/\($0["slot"]!)" }
      for (base, group) in byCourseSlot {
        let expected = [base] + (1..<group.count).map { "\(base)/\($0 + 1)" }
        #expect(group.map { $0["section"]! }.sorted() == expected.sorted())
      }
      let ids = Set(sections.map { $0["section"]! })
      for row in try CSVTable(contentsOf: out.appendingPathComponent("assignments.csv")).records {
        let section = row["section"]!
        #expect(ids.contains(section), "assignment names unknown section \(section)")
        #expect(section.hasPrefix("\(row["course"]!)/\(row["slot"]!)"), "\(section) does not match its row")
      }
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
}
