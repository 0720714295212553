import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanInput
import ZoubanReports

@Suite struct RedactionTests {
  @Test func noPriorityCategoryAppearsInAnyOutput() throws {
    let school = try #require(SchoolLoader.load(directory: Fixtures.catalog("yangguang-primary")).school)
    let categories = Set(school.students.map(\.priority).filter { !$0.isEmpty })
    #expect(categories.count >= 3)
    let files = try Pipeline.outputs(school: school, outcome: try TimetableSolver.solve(school)).files
    for file in files {
      for category in categories { #expect(!file.text.contains(category), "\(category) in \(file.name)") }
    }
  }

  @Test func noStudentNameSurvivesInAnyOutput() throws {
    let school = try #require(SchoolLoader.load(directory: Fixtures.catalog("yangguang-primary")).school)
    let outcome = try TimetableSolver.solve(school)
    let files = try Pipeline.outputs(school: Redaction.redacting(school), outcome: outcome).files
    let everything = files.map(\.text).joined()
    // Names of two characters or more that are not also part of a teacher's, course's or room's
    // name, which the outputs show on purpose.
    let others = (school.teachers.map(\.name) + school.courses.map(\.name) + school.rooms.map(\.name)).joined(separator: "|")
    for student in school.students where student.name.count >= 2 && !others.contains(student.name) {
      #expect(!everything.contains(student.name), "\(student.id)'s name is in the output")
    }
    let pseudonyms = Set(school.students.map { Redaction.pseudonym(for: $0.id) })
    #expect(pseudonyms.count == school.students.count)
    // Stable: the same pseudonym in every file and every run.
    #expect(Redaction.pseudonym(for: "20250101") == Redaction.pseudonym(for: "20250101"))
    #expect(everything.contains(Redaction.pseudonym(for: school.students[0].id)))
  }
}
