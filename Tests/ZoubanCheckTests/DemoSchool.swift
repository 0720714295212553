import TestSupport
import ZoubanCheck
import ZoubanModel

/// A small hand-made school whose clean timetable every checker test starts from, so that each
/// test breaks exactly one rule and can expect exactly one message.
///
/// Week: Mon-1, Mon-2, Tue-1, Tue-2. Weights: 1st choice 100, 2nd 70, anything else 5,
/// unplaced 200, priority ×2.
enum Demo {
  static let school = School(
    name: "阳光小学", week: Fixtures.week([.mon, .tue], periods: 2),
    objective: ObjectiveWeights(rankUtility: [100, 70], anyUtility: 5, unplacedPenalty: 200, priorityMultiplier: 2),
    courses: [
      Course(
        code: "C01", name: "足球", grades: GradeSet(3...6), maxSize: 3, minSize: 2, maxSections: 2,
        slots: Fixtures.week([.mon, .tue], periods: 2).slots, roomType: "操场", teachers: ["T1"]),
      Course(
        code: "C02", name: "机器人", grades: GradeSet(4...6), maxSize: 3, minSize: 1,
        slots: Fixtures.slots("Tue-1", "Tue-2"), roomType: "机房", teachers: ["T2"]),
      Course(
        code: "C03", name: "书法", grades: GradeSet(3...6), maxSize: 4, minSize: 1,
        slots: Fixtures.week([.mon, .tue], periods: 2).slots, roomType: "教室", teachers: ["T2", "T3"]),
    ],
    rooms: [
      Room(id: "R1", name: "东操场", type: "操场", capacity: 10),
      Room(id: "R2", name: "机房一", type: "机房", capacity: 2, unavailable: [Fixtures.slot("Tue-2")]),
      Room(id: "R3", name: "301教室", type: "教室", capacity: 4),
    ],
    teachers: [
      Teacher(id: "T1", name: "王老师"),
      Teacher(id: "T2", name: "李老师", maxSections: 1, unavailable: [Fixtures.slot("Mon-1")]),
      Teacher(id: "T3", name: "张老师"),
    ],
    students: [
      Student(id: "S1", name: "王小明", grade: 4, electives: 2, choices: ["C01", "C02"]),
      Student(id: "S2", name: "李华", grade: 3, electives: 1, priority: "留守", choices: ["C01"]),
      Student(
        id: "S3", name: "赵六", grade: 5, electives: 2, unavailable: [Fixtures.slot("Mon-2")],
        choices: ["C02", "C03", "C01"]),
      Student(id: "S4", name: "钱七", grade: 6, electives: 1, acceptAny: true, choices: []),
      Student(id: "S5", name: "孙八", grade: 3, electives: 1, choices: ["C03"]),
      Student(id: "S6", name: "陈九", grade: 5, electives: 2, acceptAny: true, choices: ["C03"]),
    ],
    fixed: [FixedPlacement(student: "S3", course: "C02", slot: Fixtures.slot("Tue-1"))])

  /// The clean timetable, lines 2–7 of its file:
  /// C01/Mon-1 in R1 by T1 (S1, S2), C02/Tue-1 in R2 by T2 (S1, S3), C03/Mon-1 in R3 by T3 (S4, S5).
  static let rows: [AssignmentRow] = [
    Fixtures.row(2, "S1", "C01/Mon-1", room: "R1", teacher: "T1"),
    Fixtures.row(3, "S1", "C02/Tue-1", room: "R2", teacher: "T2"),
    Fixtures.row(4, "S2", "C01/Mon-1", room: "R1", teacher: "T1"),
    Fixtures.row(5, "S3", "C02/Tue-1", room: "R2", teacher: "T2"),
    Fixtures.row(6, "S4", "C03/Mon-1", room: "R3", teacher: "T3"),
    Fixtures.row(7, "S5", "C03/Mon-1", room: "R3", teacher: "T3"),
  ]

  /// The clean rows with the row on `line` replaced (or removed, when `with` is nil).
  static func rows(replacing line: Int, with row: AssignmentRow?) -> [AssignmentRow] {
    rows.compactMap { $0.line == line ? row : $0 }
  }

  /// The school with one student changed, for tests that break a student's own data.
  static func school(changing id: String, _ change: (Student) -> Student) -> School {
    var school = school
    school.students = school.students.map { $0.id == id ? change($0) : $0 }
    return school
  }

  /// The messages (with lines) the checker reports for these rows.
  static func violations(_ rows: [AssignmentRow], in school: School = school) -> [Violation] {
    Checker.check(school: school, rows: rows).violations
  }
}

extension Student {
  /// A copy with some fields replaced, for tests that vary one student.
  func with(
    grade: Int? = nil, electives: Int? = nil, unavailable: Set<Slot>? = nil, choices: [String]? = nil
  ) -> Student {
    Student(
      id: id, name: name, grade: grade ?? self.grade, homeClass: homeClass, electives: electives ?? self.electives,
      priority: priority, acceptAny: acceptAny, feeWaiver: feeWaiver, unavailable: unavailable ?? self.unavailable,
      choices: choices ?? self.choices)
  }
}
