import Foundation
import Testing
import ZoubanGenerator
import ZoubanInput
import ZoubanModel

/// A fresh empty temporary directory for one test.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "zouban-generator-" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Writing a generated school and loading it back must give the very same school: that is what
/// makes the files a faithful record of the benchmark instance.
@Suite struct RoundTripTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let students, clubs, days, periods: Int
    let seed: UInt64
    let fixed: Int
    var testDescription: String { "\(students) students, \(clubs) clubs, \(days)×\(periods), seed \(seed), \(fixed) fixed" }
  }

  static let cases = [
    Case(students: 0, clubs: 1, days: 1, periods: 1, seed: 1, fixed: 0),
    Case(students: 300, clubs: 20, days: 2, periods: 2, seed: 2, fixed: 10),
    Case(students: 600, clubs: 45, days: 5, periods: 2, seed: 3, fixed: 0),
    Case(students: 1500, clubs: 40, days: 5, periods: 2, seed: 4, fixed: 30),
    Case(students: 900, clubs: 90, days: 6, periods: 3, seed: 5, fixed: 60),
  ]

  @Test(arguments: cases)
  func loadsBackEqualWithoutDiagnostics(_ c: Case) throws {
    let school = SchoolGenerator(
      students: c.students, clubs: c.clubs, days: c.days, periods: c.periods, seed: c.seed, fixedRows: c.fixed
    ).generate()
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SchoolWriter.write(school, to: directory)

    let loaded = SchoolLoader.load(directory: directory)
    #expect(loaded.diagnostics.map(\.description) == [])
    let back = try #require(loaded.school)
    #expect(back.courses == school.courses)
    #expect(back.rooms == school.rooms)
    #expect(back.teachers == school.teachers)
    #expect(back.students == school.students)
    #expect(back.fixed == school.fixed)
    #expect(back == school)
  }

  @Test func bothLevelsRoundTrip() throws {
    for level in SchoolLevel.allCases {
      let school = SchoolGenerator(students: 400, clubs: 30, days: 5, periods: 2, seed: 9, fixedRows: 5, level: level).generate()
      let directory = temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: directory) }
      try SchoolWriter.write(school, to: directory)
      let loaded = SchoolLoader.load(directory: directory)
      #expect(loaded.diagnostics.isEmpty)
      #expect(loaded.school == school)
      #expect(school.students.allSatisfy { level.grades.contains($0.grade) })
    }
  }
}
