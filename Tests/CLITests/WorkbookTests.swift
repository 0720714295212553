import Foundation
import TestSupport
import Testing

/// `zouban solve --xlsx`: zouban.xlsx, read back by an independent reader (openpyxl, which
/// scripts/setup.sh installs for the tests).
@Suite struct WorkbookTests {
  static let sheets = [
    "概况", "课表", "教师课表", "点名表", "走班名单", "满额情况", "未录取", "志愿满足", "经费", "教师工作量", "基础托管", "学生课表",
    "录取名单", "教学班",
  ]

  /// The sheets openpyxl reads: name, frozen pane and cells (`["s", text]`, `["n", number]`, nil).
  struct Dump: Decodable {
    struct Sheet: Decodable {
      let name: String
      let freeze: String?
      let rows: [[[String]?]]
    }
    let sheets: [Sheet]

    init(workbook: URL, scratch: URL) throws {
      let json = scratch.appendingPathComponent("dump.json")
      let script = Fixtures.repositoryRoot + "/Tests/ZoubanXLSXTests/openpyxl_dump.py"
      let stderr = try CLI.runTool("/usr/bin/env", ["python3", script, workbook.path, json.path])
      guard let data = FileManager.default.contents(atPath: json.path) else {
        throw Failure("openpyxl could not read \(workbook.path) (run scripts/setup.sh to install it): \(stderr)")
      }
      self = try JSONDecoder().decode(Dump.self, from: data)
    }

    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  /// A cell's text as the CSV writes it: numbers without a needless `.0`.
  static func text(_ cell: [String]?) -> String {
    guard let cell, cell.count == 2 else { return "" }
    if cell[0] == "n", let value = Double(cell[1]) {
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : cell[1]
    }
    return cell[1]
  }

  /// The same cell: equal text, or the same number (`1` and `1.0000`; the CSV's guarded `'-50` and -50).
  static func same(_ sheet: String, _ csv: String) -> Bool {
    if sheet == csv { return true }
    let unguarded = csv.hasPrefix("'") ? String(csv.dropFirst()) : csv
    guard let x = Double(sheet), let y = Double(unguarded) else { return false }
    return x == y
  }

  @Test func everyTableIsASheetWithAFrozenHeaderAndTheCSVsNumbers() throws {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(Fixtures.catalog("tiny"), out: out, "--xlsx")
      #expect(run.status == Exit.ok, "\(run)")
      let dump = try Dump(workbook: out.appendingPathComponent("zouban.xlsx"), scratch: scratch)
      #expect(dump.sheets.map(\.name) == Self.sheets)
      #expect(dump.sheets.allSatisfy { $0.freeze == "A2" })
      // Sheet by sheet, the data rows are the CSV's rows (numbers read back as numbers).
      for (sheet, file) in [("满额情况", "fill.csv"), ("经费", "money.csv"), ("点名表", "rosters.csv"), ("未录取", "unplaced.csv")] {
        let csv = try CSVTable(contentsOf: out.appendingPathComponent(file))
        let rows = try #require(dump.sheet(sheet)).rows.dropFirst().map { $0.map(Self.text) }
        #expect(rows.count == csv.rows.count, "\(sheet) ≠ \(file)")
        for (sheetRow, csvRow) in zip(rows, csv.rows) {
          let width = csv.header.count
          let a = sheetRow + Array(repeating: "", count: max(0, width - sheetRow.count))
          #expect(zip(a.prefix(width), csvRow).allSatisfy(Self.same), "\(sheet) \(a) ≠ \(file) \(csvRow)")
        }
      }
      let fill = try #require(dump.sheet("满额情况"))
      #expect(fill.rows[0].map(Self.text).prefix(3) == ["课程编号", "课程", "第一志愿人数"], "Chinese headers")
      #expect(fill.rows[1][7]?.first == "n", "fill_rate is a number cell")
      let overview = try #require(dump.sheet("概况")).rows.map { $0.map(Self.text) }
      #expect(overview.contains(["目标值", "735"]))
      #expect(overview.contains(["第一志愿满足率", "0.6667"]))
    }
  }

  @Test func hostileNamesNeverBecomeFormulasAndTheBytesRepeat() throws {
    try Scratch.with { scratch in
      let school = try Scratch.copySchool("tiny", into: scratch)
      try Scratch.edit(school.appendingPathComponent("students.csv")) {
        $0.replacingOccurrences(of: "陈一", with: "\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"点我\"\")\"")
          .replacingOccurrences(of: "林二", with: "@SUM(A1)").replacingOccurrences(of: "黄三", with: "+1-2")
      }
      try Scratch.edit(school.appendingPathComponent("school.toml")) {
        $0.replacingOccurrences(of: "name = \"小苗小学（手算示例）\"", with: "name = \"-2+3\"")
      }
      let first = scratch.appendingPathComponent("first"), second = scratch.appendingPathComponent("second")
      #expect(try CLI.solve(school.path, out: first, "--xlsx").status == Exit.ok)
      #expect(try CLI.solve(school.path, out: second, "--xlsx").status == Exit.ok)
      let bytes = try Data(contentsOf: first.appendingPathComponent("zouban.xlsx"))
      #expect(bytes == (try Data(contentsOf: second.appendingPathComponent("zouban.xlsx"))), "same input, same bytes")
      let dump = try Dump(workbook: first.appendingPathComponent("zouban.xlsx"), scratch: scratch)
      let texts = dump.sheets.flatMap { $0.rows.flatMap { $0.compactMap { $0 } } }.filter { $0.first == "s" }.map { $0[1] }
      for start in ["=", "+", "-", "@"] {
        #expect(!texts.contains { $0.hasPrefix(start) }, "a text cell starts with \(start)")
      }
      #expect(texts.contains("'=HYPERLINK(\"http://example.invalid\",\"点我\")"))
      #expect(texts.contains("'@SUM(A1)") && texts.contains("'+1-2") && texts.contains("'-2+3"))
    }
  }

  /// `--redact` reaches the workbook too: no student's name in any sheet, their pseudonyms instead,
  /// and no priority category anywhere (not even in the office's overview, which only counts).
  @Test func redactedWorkbookNamesNoStudent() throws {
    try Scratch.with { scratch in
      let school = Fixtures.catalog("yangguang-primary")
      let out = scratch.appendingPathComponent("out")
      let run = try CLI.solve(school, out: out, "--xlsx", "--redact")
      #expect(run.status == Exit.ok, "\(run)")
      let dump = try Dump(workbook: out.appendingPathComponent("zouban.xlsx"), scratch: scratch)
      let texts = Set(dump.sheets.flatMap { $0.rows.flatMap { $0.compactMap { $0 } } }.filter { $0.first == "s" }.map { $0[1] })
      let students = try CSVTable(contentsOf: URL(fileURLWithPath: school + "/students.csv"))
      let others = ["teachers.csv", "courses.csv", "rooms.csv"].compactMap { try? String(contentsOfFile: school + "/" + $0, encoding: .utf8) }
        .joined()
      let names = students.column("姓名").filter { $0.count >= 2 && !others.contains($0) }
      #expect(names.count > 500)
      let leaked = names.filter { name in texts.contains { $0.contains(name) } }
      #expect(leaked.isEmpty, "\(leaked.prefix(5))")
      #expect(texts.contains { $0.hasPrefix("学生-") }, "pseudonyms instead")
      for category in Set(students.column("优先类别").filter { !$0.isEmpty }) {
        #expect(!texts.contains { $0.contains(category) }, "\(category)")
      }
    }
  }
}
