import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanInput
import ZoubanModel

/// Names that families type into survey forms end up in files staff open in Excel and browsers:
/// nothing in them may run as a formula or a script, and the files must still read back.
@Suite struct HostileNamesTests {
  static let formula = "=HYPERLINK(\"http://example.invalid\",\"点我\")"
  static let script = "<script>alert(1)</script>"
  static let tangled = "王\"小\"明, 二\n行\u{202E}cba"

  private func hostileTiny() throws -> School {
    var school = try #require(SchoolLoader.load(directory: Fixtures.catalog("tiny")).school)
    let names = ["S01": Self.formula, "S03": Self.script, "S06": Self.tangled]
    school.students = school.students.map { s in
      Student(
        id: s.id, name: names[s.id] ?? s.name, grade: s.grade, homeClass: s.homeClass, electives: s.electives,
        priority: s.priority, acceptAny: s.acceptAny, feeWaiver: s.feeWaiver, unavailable: s.unavailable, choices: s.choices)
    }
    return school
  }

  @Test func csvCellsCannotRunAndHTMLCannotScript() throws {
    let school = try hostileTiny()
    let files = try Pipeline.outputs(school: school, outcome: try TimetableSolver.solve(school)).files
    let csv = try #require(files.first { $0.name == "assignments.csv" }).text
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点我\"\")\""))
    #expect(!csv.contains(",=HYPERLINK"))
    let unplaced = try #require(files.first { $0.name == "unplaced.csv" }).text
    #expect(unplaced.contains("\"王\"\"小\"\"明, 二\n行\u{202E}cba\""))
    let html = try #require(files.first { $0.name == "report.html" }).text
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("王&quot;小&quot;明"))
  }

  @Test func theAssignmentsStillReadBackClean() throws {
    let school = try hostileTiny()
    let outcome = try TimetableSolver.solve(school)
    let csv = try Pipeline.outputs(school: school, outcome: outcome).files.first { $0.name == "assignments.csv" }!.text
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-hostile-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try csv.write(to: file, atomically: true, encoding: .utf8)
    let (report, diagnostics) = Pipeline.check(school: school, assignmentsPath: file.path)
    #expect(diagnostics.isEmpty)
    #expect(report?.violations.isEmpty == true)
    #expect(report?.objective == outcome.objective)
  }
}
