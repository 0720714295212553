import Foundation
import TestSupport
import Testing

/// `zouban validate` (SPEC §4): exit 0 with the demand overview on a good school; exit 65 with
/// every problem as `file:line: message` on a bad one.
@Suite struct ValidateTests {
  @Test(arguments: ["tiny", "yangguang-primary", "chenguang-middle"])
  func sampleSchoolIsValidAndShowsDemand(school: String) throws {
    let run = try CLI.run(["validate", Fixtures.catalog(school)])
    #expect(run.status == Exit.ok, "\(run)")
    #expect(run.errorLines.isEmpty, "\(run)")
    let students = try CSVTable(
      contentsOf: URL(fileURLWithPath: Fixtures.catalog(school)).appendingPathComponent("students.csv"))
    #expect(run.stdout.contains("demand overview: \(students.rows.count) students"), "\(run)")
    // Every course of the catalog has its line in the overview.
    let courses = try CSVTable(
      contentsOf: URL(fileURLWithPath: Fixtures.catalog(school)).appendingPathComponent("courses.csv"))
    for code in courses.column("code") {
      #expect(run.stdoutLines.contains { $0.hasPrefix(code + " ") }, "no overview line for \(code)")
    }
  }

  static let invalidRoot = Fixtures.catalog("invalid")

  /// The cases of `Catalogs/invalid`, each a school with one mistake and its `expected.txt`.
  static var invalidCases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: invalidRoot)) ?? [])
      .filter { FileManager.default.fileExists(atPath: "\(invalidRoot)/\($0)/expected.txt") }
      .sorted()
  }

  @Test func thereAreInvalidCases() {
    #expect(Self.invalidCases.count >= 20)
  }

  /// Run from `Catalogs/invalid` with the case name as the argument, the paths the binary prints
  /// are exactly the ones `expected.txt` holds (see Catalogs/README.md).
  @Test(arguments: invalidCases)
  func invalidSchoolListsExpectedErrors(name: String) throws {
    let expected = try String(contentsOfFile: "\(Self.invalidRoot)/\(name)/expected.txt", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let run = try CLI.run(["validate", name], in: Self.invalidRoot)
    #expect(run.status == Exit.badInput, "\(run)")
    #expect(run.errorLines == expected, "\(run)")
    #expect(!run.stdout.contains("demand overview"), "\(run)")
  }
}
