import Foundation
import Testing
import TestSupport
import ZoubanModel

@testable import ZoubanInput
@testable import ZoubanXLSX

/// `.xlsx` tables in place of `.csv` ones: the school loader and `zouban check`'s reader.
@Suite struct XLSXInputTests {
  static let fixtures = OtherToolsTests.fixtures
  static let tables = ["courses.csv", "rooms.csv", "teachers.csv", "students.csv"]

  /// A fresh copy of `Catalogs/tiny` in a temporary directory.
  final class SchoolCopy {
    let directory: String

    init() throws {
      directory = NSTemporaryDirectory() + "zouban-xlsx-input-" + UUID().uuidString
      try FileManager.default.copyItem(atPath: Fixtures.catalog("tiny"), toPath: directory)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Replaces `name` (a CSV table) by a workbook of the same rows written by `XLSXWriter`,
    /// whole numbers as numeric cells, as Excel would keep them.
    func convert(_ name: String) throws {
      let text = try String(contentsOfFile: path(name), encoding: .utf8)
      let rows = CSVReader.parse(text).records.map { record in
        record.fields.map { field -> XLSXCell in
          if !field.isEmpty, field.allSatisfy(\.isASCII), let number = Int(field) { return .number(Double(number)) }
          return .text(field)
        }
      }
      try XLSXWriter.data([XLSXSheet(name: "表", rows: rows)]).write(to: URL(fileURLWithPath: path(SchoolLoader.workbookName(name))))
      try FileManager.default.removeItem(atPath: path(name))
    }

    func write(_ name: String, _ data: Data) throws { try data.write(to: URL(fileURLWithPath: path(name))) }

    func setSaved(_ name: String, _ date: Date) throws {
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path(name))
    }

    func load() -> LoadResult { SchoolLoader.load(directory: directory) }

    /// Every diagnostic as printed, with the directory shown as `x`.
    func lines() -> [String] { load().diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "x/") } }
  }

  static let tiny: School = {
    let result = SchoolLoader.load(directory: Fixtures.catalog("tiny"))
    precondition(result.diagnostics.isEmpty, "Catalogs/tiny loads clean")
    return result.school!
  }()

  @Test func studentsFromOurWorkbookLoadTheSameSchool() throws {
    let school = try SchoolCopy()
    try school.convert("students.csv")
    let result = school.load()
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.school == Self.tiny)
  }

  @Test func everyTableFromOurWorkbooksLoadsTheSameSchool() throws {
    let school = try SchoolCopy()
    for table in Self.tables { try school.convert(table) }
    #expect(!FileManager.default.fileExists(atPath: school.path("courses.csv")))
    let result = school.load()
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.school == Self.tiny)
  }

  @Test(arguments: ["tiny-students.xlsx", "tiny-students-shared.xlsx"])
  func studentsFromOtherWritersLoadTheSameSchool(fixture: String) throws {
    let school = try SchoolCopy()
    try FileManager.default.removeItem(atPath: school.path("students.csv"))
    try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(fixture).path, toPath: school.path("students.xlsx"))
    let result = school.load()
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.school == Self.tiny)
  }

  @Test func csvAndWorkbookTogetherIsAnErrorNamingTheOneToRemove() throws {
    let school = try SchoolCopy()
    try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("tiny-students.xlsx").path, toPath: school.path("students.xlsx"))
    let earlier = Date(timeIntervalSince1970: 1_780_000_000)
    let later = earlier.addingTimeInterval(3600)

    try school.setSaved("students.csv", earlier)
    try school.setSaved("students.xlsx", later)
    #expect(
      school.lines() == [
        "x/students.csv: error: both students.csv and students.xlsx are here; remove students.csv (hint: students.xlsx was saved later; Zouban reads one file per table, never both)"
      ])
    #expect(school.load().school == nil)

    try school.setSaved("students.csv", later.addingTimeInterval(60))
    #expect(
      school.lines() == [
        "x/students.csv: error: both students.csv and students.xlsx are here; remove students.xlsx (hint: students.csv was saved later; Zouban reads one file per table, never both)"
      ])

    try school.setSaved("students.xlsx", later.addingTimeInterval(61))
    #expect(
      school.lines() == [
        "x/students.csv: error: both students.csv and students.xlsx are here; remove the one that is out of date (hint: Zouban reads one file per table, never both)"
      ])
  }

  @Test func brokenWorkbooksAreErrorsOnThatFile() throws {
    let hint = "(hint: open it in Excel or WPS and save it again as .xlsx (without a password), or as \"CSV UTF-8\")"
    var generator = SeededGenerator(seed: 7)
    let cases: [(Data, String)] = [
      (Data((0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }), "not an .xlsx file (not a ZIP archive)"),
      (Data(), "not an .xlsx file (not a ZIP archive)"),
      (try XLSXWriter.zip([("readme.txt", "这不是工作簿")]), "not an .xlsx file (the ZIP archive holds no workbook)"),
      (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)), "not an .xlsx file (an old .xls workbook, or one protected by a password)"),
    ]
    for (bytes, message) in cases {
      let school = try SchoolCopy()
      try FileManager.default.removeItem(atPath: school.path("students.csv"))
      try school.write("students.xlsx", bytes)
      let result = school.load()
      #expect(result.school == nil)
      #expect(school.lines() == ["x/students.xlsx: error: \(message) \(hint)"])
    }

    let empty = try SchoolCopy()
    try FileManager.default.removeItem(atPath: empty.path("rooms.csv"))
    try empty.write("rooms.xlsx", try XLSXWriter.data([XLSXSheet(name: "空", rows: [])]))
    #expect(empty.lines().first == "x/rooms.xlsx: error: the first sheet is empty (hint: the first row of the first sheet must be the header)")
    #expect(empty.load().school == nil)
  }

  @Test func diagnosticsNameTheWorkbookAndItsSpreadsheetRows() throws {
    let school = try SchoolCopy()
    let header: [XLSXCell] = ["id", "name", "grade", "class", "electives", "choice1", "choice2"].map { .text($0) }
    try FileManager.default.removeItem(atPath: school.path("students.csv"))
    try school.write(
      "students.xlsx",
      try XLSXWriter.data([
        XLSXSheet(
          name: "学生",
          rows: [
            header,
            [.text("S01"), .text("陈一"), .number(2), .text("2-1"), .number(1), .text("ART")],
            [],
            [],
            [.text("S02"), .text("林二"), .number(9), .text("2-1"), .number(1), .text("象棋")],
          ]),
        XLSXSheet(name: "其他", rows: [[.text("ignored")]]),
      ]))
    let rooms = try String(contentsOfFile: school.path("rooms.csv"), encoding: .utf8)
    try school.write("rooms.csv", Data(rooms.replacingOccurrences(of: "R-ART,美术室（小）,美术室,5", with: "R-ART,美术室（小）,美术室,-5").utf8))
    // rooms.csv comes before students.xlsx, as before students.csv (SPEC file order); the
    // students' problems are on spreadsheet row 5, after two blank rows.
    #expect(
      school.lines() == [
        "x/rooms.csv:2: error: capacity -5 must be at least 1",
        "x/students.xlsx:5: error: unknown course 象棋 in choice1 (hint: did you mean 围棋?)",
      ])
  }

  @Test func renamedWorkbookIsStillRead() throws {
    let school = try SchoolCopy()
    try school.convert("students.csv")
    try FileManager.default.moveItem(atPath: school.path("students.xlsx"), toPath: school.path("students.csv"))
    let result = school.load()
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.school == Self.tiny)
  }

  @Test func assignmentsWorkbookIsReadForCheck() throws {
    let school = try SchoolCopy()
    let header: [XLSXCell] = ["student", "student_name", "course", "section", "slot", "room", "teacher", "rank"].map { .text($0) }
    let workbook = try XLSXWriter.data([
      XLSXSheet(
        name: "课表",
        rows: [
          header,
          [.text("S01"), .text("陈一"), .text("ART"), .text("ART/Mon-1"), .text("Mon-1"), .text("R-ART"), .text("T1"), .number(1)],
          [],
          [.text("-S02"), .text("林二"), .text("=FB"), .text("FB/Mon-2"), .text("Mon-2"), .text("R-PE"), .text("T2"), .number(2)],
        ])
    ])
    try school.write("assignments.xlsx", workbook)
    let expected = [
      AssignmentRow(line: 2, student: "S01", course: "ART", section: "ART/Mon-1", slot: "Mon-1", room: "R-ART", teacher: "T1"),
      AssignmentRow(line: 4, student: "-S02", course: "=FB", section: "FB/Mon-2", slot: "Mon-2", room: "R-PE", teacher: "T2"),
    ]
    let direct = AssignmentsReader.read(path: school.path("assignments.xlsx"))
    #expect(direct.diagnostics.isEmpty && direct.rows == expected)

    // Named as the .csv that is not there, the workbook of the same base name is read, and named.
    let viaCSV = AssignmentsReader.read(path: school.path("assignments.csv"))
    #expect(viaCSV.rows == expected)

    try school.write("assignments.xlsx", Data("not a workbook".utf8))
    let broken = AssignmentsReader.read(path: school.path("assignments.csv"))
    #expect(broken.rows.isEmpty)
    #expect(
      broken.diagnostics.map(\.description) == [
        "\(school.path("assignments.xlsx")): error: not an .xlsx file (not a ZIP archive) (hint: open it in Excel or WPS and save it again as .xlsx (without a password), or as \"CSV UTF-8\")"
      ])
  }
}
