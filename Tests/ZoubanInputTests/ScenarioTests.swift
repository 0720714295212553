import Foundation
import TestSupport
import Testing
import ZoubanModel

@testable import ZoubanInput

/// Scenario files: each kind of change does to 小苗小学 (Catalogs/tiny) what Catalogs/README.md
/// says, and a bad scenario gets `file:line` errors like any input.
@Suite struct ScenarioTests {
  /// Loads Catalogs/tiny with a scenario written to a temporary file.
  func load(_ toml: String) throws -> (school: School?, diagnostics: [Diagnostic], file: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).toml")
    try toml.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let (scenario, scenarioDiagnostics) = ScenarioReader.read(path: file.path)
    let scenarioValue = try #require(scenario)
    let loaded = SchoolLoader.load(directory: Fixtures.catalog("tiny"), scenario: scenarioValue)
    let errorsInScenario = scenarioDiagnostics.contains { $0.severity == .error }
    return (errorsInScenario ? nil : loaded.school, loaded.diagnostics + scenarioDiagnostics, file.path)
  }

  let base = SchoolLoader.load(directory: Fixtures.catalog("tiny")).school!

  @Test func rulesAndObjectiveWeightsReplaceSchoolToml() throws {
    let school = try #require(
      try load(
        "[rules]\nmin_size = 2\nelectives_per_student = 1\nteacher_pay_budget = 500\n[objective]\nrank_utility = [90, 60]\nunplaced_penalty = 300\n"
      ).school)
    #expect(school.rules == Rules(minSize: 2, electivesPerStudent: 1, teacherPayBudget: 500))
    #expect(base.rules.teacherPayBudget == nil, "no cap unless one is set")
    #expect(school.objective.rankUtility == [90, 60] && school.objective.unplacedPenalty == 300)
    #expect(school.objective.anyUtility == base.objective.anyUtility, "weights not named stay")
    // A course without its own min_size takes the new rule; 围棋 keeps its own 4.
    #expect(school.course("ART")?.minSize == 2 && school.course("GO")?.minSize == 4)
    #expect(school.students.first { $0.id == "S06" }?.electives == 2, "a student's own electives cell wins over the rule")
  }

  @Test func roomsAreAddedRemovedAndChanged() throws {
    let school = try #require(
      try load(
        """
        [rooms]
        remove = ["R-101"]

        [[rooms.add]]
        id = "MUS"
        name = "音乐室"
        type = "音乐室"
        capacity = 40
        unavailable = ["Mon-2"]

        [[rooms.change]]
        id = "R-ART"
        capacity = 8
        """
      ).school)
    #expect(school.rooms.map(\.id) == ["R-ART", "FIELD", "MUS"])
    #expect(school.rooms.first { $0.id == "R-ART" }?.capacity == 8)
    let music = try #require(school.rooms.first { $0.id == "MUS" })
    #expect(music.name == "音乐室" && music.type == "音乐室" && music.capacity == 40 && music.unavailable == [Fixtures.slot("Mon-2")])
  }

  @Test func teachersAvailabilityAndLoadChange() throws {
    let school = try #require(
      try load(
        """
        [[teachers.change]]
        id = "T2"
        available = ["Mon-1"]

        [[teachers.change]]
        id = "T1"
        max_sections = 1
        rate = 55

        [[teachers.add]]
        id = "T4"
        name = "新老师"
        """
      ).school)
    let t2 = try #require(school.teachers.first { $0.id == "T2" })
    #expect(t2.unavailable == [Fixtures.slot("Mon-2")], "available lists the slots the coach can come; the rest are unavailable")
    let t1 = try #require(school.teachers.first { $0.id == "T1" })
    #expect(t1.maxSections == 1 && t1.rate == 55)
    #expect(school.teachers.map(\.id) == ["T1", "T2", "T3", "T4"])
  }

  @Test func clubsAreAddedRemovedAndChanged() throws {
    let school = try #require(
      try load(
        """
        [courses]
        remove = ["GO"]

        [[courses.change]]
        code = "ART"
        max_sections = 2
        min_size = 2
        fee = 12.5
        slots = "Mon-1"

        [[courses.add]]
        code = "ROBOT"
        name = "机器人"
        category = "科技"
        grades = "中段"
        max_size = 20
        room_type = "教室"
        teachers = ["T3"]
        """
      ).school)
    #expect(school.courses.map(\.code) == ["ART", "FB", "ROBOT"])
    let art = try #require(school.course("ART"))
    #expect(art.maxSections == 2 && art.minSize == 2 && art.fee == 12.5 && art.slots == [Fixtures.slot("Mon-1")])
    let robot = try #require(school.course("ROBOT"))
    #expect(robot.grades == base.course("GO")?.grades && robot.teachers == ["T3"] && robot.minSize == 3)
    // Students who ranked the removed club keep their other choices, in order.
    #expect(school.students.first { $0.id == "S03" }?.choices == ["ART", "FB"])
  }

  @Test func studentsJoinLeaveAndChangeTheirChoices() throws {
    let school = try #require(
      try load(
        """
        [students]
        remove = ["S10"]

        [[students.add]]
        id = "S11"
        name = "新同学"
        grade = 3
        class = "3-1"
        choices = ["GO", "绘画"]

        [[students.change]]
        id = "S07"
        choices = "FB"
        electives = 2
        """
      ).school)
    #expect(school.students.map(\.id) == ["S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S11"])
    let joined = try #require(school.students.last)
    #expect(joined.name == "新同学" && joined.grade == 3 && joined.homeClass == "3-1" && joined.choices == ["GO", "ART"])
    #expect(school.students.first { $0.id == "S07" }.map { ($0.choices, $0.electives) } ?? ([], 0) == (["FB"], 2))
    // Everyone else's ranked choice columns survived the move to a single choices column.
    for student in school.students where !["S07", "S11"].contains(student.id) {
      #expect(student.choices == base.students.first { $0.id == student.id }?.choices, "\(student.id)")
    }
  }

  @Test func mistakesAreReportedAtTheScenariosLines() throws {
    let (school, diagnostics, file) = try load(
      """
      name = "错误示例"
      [rules]
      min_size = 0

      [[rooms.change]]
      id = "NOPE"
      capacity = 10

      [[courses.add]]
      code = "NEW"
      name = "新课"
      grades = "1-2"
      max_size = "很多"
      room_type = "教室"
      teachers = ["T9"]

      [students]
      remove = ["S99"]
      """)
    #expect(school == nil)
    let errors = diagnostics.filter { $0.severity == .error }.map(\.description).sorted()
    #expect(
      errors == [
        "\(file):9: error: max_size \"很多\" is not a whole number",
        "\(file):9: error: unknown teacher T9 in teachers (hint: did you mean T1, T2 or T3?)",
        "\(file):18: error: students.csv has no row with id S99 to remove",
        "\(file):3: error: min_size 0 must be at least 1",
        "\(file):5: error: cannot change id NOPE: rooms.csv has no row with id NOPE",
      ].sorted(), "\(errors)")
  }

  @Test func brokenTomlIsOneErrorWithItsLine() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).toml")
    try "[rules\nmin_size = 3\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let (scenario, diagnostics) = ScenarioReader.read(path: file.path)
    #expect(scenario == nil)
    #expect(diagnostics.count == 1 && diagnostics[0].line == 1 && diagnostics[0].file == file.path, "\(diagnostics)")
  }
}
