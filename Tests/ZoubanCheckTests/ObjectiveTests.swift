import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

/// SPEC §2's objective on hand-computed examples, one term at a time.
///
/// Week Mon-1, Mon-2; courses A, B, C open to everyone; 1st choice 60, 2nd 40, anything else 7,
/// unplaced 30 per elective, priority ×3. Timetable: A/Mon-1 in X1 by T1, B/Mon-2 in X1 by T1,
/// C/Mon-2 in X2 by T2.
@Suite struct ObjectiveTests {
  static let week = Fixtures.week([.mon], periods: 2)

  static let students = [
    // Priority, 1st and 2nd choice placed: 3 × (60 + 40) = 300.
    Student(id: "P1", grade: 3, electives: 2, priority: "随迁", choices: ["A", "B"]),
    // Asks for 3 in a 2-slot week, so 2 count; 2nd choice placed: 40 − 30 × (2 − 1) = 10.
    Student(id: "P2", grade: 3, electives: 3, choices: ["B", "A"]),
    // Asks for 2 but can attend only Mon-1, so 1 counts; unplaced: −30.
    Student(id: "P3", grade: 3, electives: 2, unavailable: [Fixtures.slot("Mon-2")], choices: ["A"]),
    // Accept-any, placed in a course not ranked: 7.
    Student(id: "P4", grade: 3, electives: 1, acceptAny: true, choices: []),
    // Placed in the 3rd choice, past the 2-long utility list: 7.
    Student(id: "P5", grade: 3, electives: 1, choices: ["B", "C", "A"]),
  ]

  static let rows = [
    Fixtures.row(2, "P1", "A/Mon-1", room: "X1", teacher: "T1"),
    Fixtures.row(3, "P1", "B/Mon-2", room: "X1", teacher: "T1"),
    Fixtures.row(4, "P2", "A/Mon-1", room: "X1", teacher: "T1"),
    Fixtures.row(5, "P4", "C/Mon-2", room: "X2", teacher: "T2"),
    Fixtures.row(6, "P5", "A/Mon-1", room: "X1", teacher: "T1"),
  ]

  static func school(_ students: [Student]) -> School {
    School(
      week: week,
      objective: ObjectiveWeights(rankUtility: [60, 40], anyUtility: 7, unplacedPenalty: 30, priorityMultiplier: 3),
      courses: ["A", "B", "C"].map { code in
        Course(
          code: code, name: "课程\(code)", grades: GradeSet(1...6), maxSize: 4, minSize: 1, maxSections: 2,
          slots: week.slots, roomType: "教室", teachers: ["T1", "T2"])
      },
      rooms: [Room(id: "X1", type: "教室", capacity: 4), Room(id: "X2", type: "教室", capacity: 4)],
      teachers: [Teacher(id: "T1"), Teacher(id: "T2")], students: students)
  }

  /// The objective of the rows with only the given student in the school (other students' rows
  /// would be unknown, so they are dropped first).
  static func objective(of id: String, rows: [AssignmentRow] = rows) -> Int {
    let school = school(students.filter { $0.id == id })
    return Checker.check(school: school, rows: rows.filter { $0.student == id }).objective
  }

  @Test func priorityMultiplier() { #expect(Self.objective(of: "P1") == 300) }

  @Test func electivesCappedByTheWeek() { #expect(Self.objective(of: "P2") == 10) }

  @Test func electivesCappedByUnavailability() { #expect(Self.objective(of: "P3") == -30) }

  @Test func unrankedPlacementOfAnAcceptAnyStudent() { #expect(Self.objective(of: "P4") == 7) }

  @Test func rankBeyondTheUtilityList() { #expect(Self.objective(of: "P5") == 7) }

  @Test func unplacedPenaltyIsMultipliedForPriorityStudents() {
    let report = Checker.check(school: Self.school([Self.students[0]]), rows: [])
    #expect(report.objective == -3 * 30 * 2)
  }

  @Test func wholeSchool() {
    let report = Checker.check(school: Self.school(Self.students), rows: Self.rows)
    #expect(report.violations == [])
    #expect(report.objective == 300 + 10 - 30 + 7 + 7)
    #expect(report.electivesAsked == 2 + 3 + 2 + 1 + 1)
    #expect(report.electivesPlaced == 5)
    #expect(report.firstChoice == 1)
  }

  /// Rows that break rule 1 are still scored as given: the course counts once, each section
  /// counts as attended.
  @Test func invalidRowsAreScoredAsGiven() {
    let rows = [
      Fixtures.row(2, "P2", "A/Mon-1", room: "X1", teacher: "T1"),
      Fixtures.row(3, "P2", "A/Mon-2", room: "X1", teacher: "T1"),
    ]
    let report = Checker.check(school: Self.school([Self.students[1]]), rows: rows)
    #expect(
      report.violations == [
        Violation(line: nil, message: "student P2 is in two sections of A (课程A): A/Mon-1 and A/Mon-2")
      ])
    #expect(report.objective == 40 - 30 * (2 - 2))
  }
}
