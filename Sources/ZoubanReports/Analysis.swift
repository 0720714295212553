import ZoubanModel

/// Facts about a solved school that every report reads: who attends what, per-course demand and
/// enrolment. Built once from the school and the solution.
public struct Analysis: Sendable {
  public struct CourseFill: Sendable {
    public let course: Course
    public let firstChoiceDemand: Int
    public let anyRankDemand: Int
    public let sections: Int
    public let enrolled: Int
    /// Σ `min(max_size, room capacity)` over the open sections.
    public let capacity: Int
    public let status: String

    /// Enrolled over capacity; 0 when nothing opened.
    public var fillRate: Double { capacity == 0 ? 0 : Double(enrolled) / Double(capacity) }
  }

  public struct Attendance: Sendable {
    public let student: Student
    public let section: Section
    public let course: Course
    /// 1-based rank, `nil` when unranked.
    public let rank: Int?
  }

  public let school: School
  public let solution: Solution
  /// In `assignments.csv` order: by student id, then section id.
  public let attendances: [Attendance]
  public let fill: [CourseFill]
  /// Students placed per section id.
  public let enrolment: [String: Int]
  /// Sections attended per student id.
  public let sectionsOf: [String: [Section]]

  public init(school: School, solution: Solution) {
    self.school = school
    self.solution = solution
    let sectionByID = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0) })
    let studentByID = Dictionary(school.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let courseByCode = Dictionary(school.courses.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    var attendances: [Attendance] = []
    var enrolment: [String: Int] = [:]
    var sectionsOf: [String: [Section]] = [:]
    for p in solution.placements {
      guard let section = sectionByID[p.section], let student = studentByID[p.student],
        let course = courseByCode[section.course]
      else { continue }
      attendances.append(Attendance(student: student, section: section, course: course, rank: student.rank(of: course.code)))
      enrolment[section.id, default: 0] += 1
      sectionsOf[student.id, default: []].append(section)
    }
    self.attendances = attendances
    self.enrolment = enrolment
    self.sectionsOf = sectionsOf
    let roomByID = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    fill = school.courses.map { course in
      let open = solution.sections.filter { $0.course == course.code }
      let enrolled = open.reduce(0) { $0 + (enrolment[$1.id] ?? 0) }
      let capacity = open.reduce(0) { $0 + min(course.maxSize, roomByID[$1.room]?.capacity ?? 0) }
      let first = school.students.filter { $0.choices.first == course.code }.count
      let any = school.students.filter { $0.choices.contains(course.code) }.count
      let status: String
      if !open.isEmpty {
        status = "open"
      } else if school.cannotOpenReason(course) != nil {
        status = "no-room-or-teacher"
      } else if any == 0 {
        status = "no-demand"
      } else {
        status = "cancelled-under-minimum"
      }
      return CourseFill(
        course: course, firstChoiceDemand: first, anyRankDemand: any, sections: open.count, enrolled: enrolled,
        capacity: capacity, status: status)
    }
  }

  /// Electives a student asked for (as written) and got.
  public func counts(of student: Student) -> (asked: Int, got: Int) {
    (student.electives, sectionsOf[student.id]?.count ?? 0)
  }
}
