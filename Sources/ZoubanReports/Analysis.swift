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
  /// Each home class's place in natural order (`3-2` before `3-10`): sorting by it costs an
  /// integer comparison, where `naturalOrder` would split both strings every time.
  public let classRank: [String: Int]
  /// Open sections per course code, in solution order.
  public let sectionsByCourse: [String: [Section]]
  /// Courses that could never open (no fitting room or qualified teacher in any slot).
  let neverOpens: Set<String>
  private let roomByID: [String: Room]
  private let teacherByID: [String: Teacher]
  private let courseByCode: [String: Course]

  public init(school: School, solution: Solution) {
    self.school = school
    self.solution = solution
    let sectionByID = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0) })
    let studentByID = Dictionary(school.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let courseByCode = Dictionary(school.courses.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    self.courseByCode = courseByCode
    teacherByID = Dictionary(school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
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
    self.roomByID = roomByID
    let classes = Set(school.students.map(\.homeClass)).sorted(by: naturalOrder)
    classRank = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    // Reports run once per student and choice: everything per course is worked out here, once.
    let sectionsByCourse = Dictionary(grouping: solution.sections, by: \.course)
    self.sectionsByCourse = sectionsByCourse
    let neverOpens = Set(school.courses.filter { school.cannotOpenReason($0) != nil }.map(\.code))
    self.neverOpens = neverOpens
    var firstDemand: [String: Int] = [:], anyDemand: [String: Int] = [:]
    for student in school.students {
      if let first = student.choices.first { firstDemand[first, default: 0] += 1 }
      for code in Set(student.choices) { anyDemand[code, default: 0] += 1 }
    }
    fill = school.courses.map { course in
      let open = sectionsByCourse[course.code] ?? []
      let enrolled = open.reduce(0) { $0 + (enrolment[$1.id] ?? 0) }
      let capacity = open.reduce(0) { $0 + min(course.maxSize, roomByID[$1.room]?.capacity ?? 0) }
      let first = firstDemand[course.code] ?? 0
      let any = anyDemand[course.code] ?? 0
      let status: String
      if !open.isEmpty {
        status = "open"
      } else if neverOpens.contains(course.code) {
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

  /// Seats of an open section: `min(max_size, room capacity)`.
  public func capacity(of section: Section, course: Course) -> Int {
    min(course.maxSize, roomByID[section.room]?.capacity ?? 0)
  }

  /// A room's display name, its id when the file gives none.
  public func roomLabel(_ id: String) -> String { roomByID[id].map { $0.name.isEmpty ? id : $0.name } ?? id }
  /// A teacher's display name, their id when the file gives none.
  public func teacherLabel(_ id: String) -> String { teacherByID[id].map { $0.name.isEmpty ? id : $0.name } ?? id }
  public func courseName(_ code: String) -> String { courseByCode[code]?.name ?? code }
  /// The course with this code (a dictionary lookup; `School.course` searches the list).
  public func course(_ code: String) -> Course? { courseByCode[code] }

  /// `周一第1节`, as a timetable heads its rows.
  public func slotLabel(_ slot: Slot) -> String { "\(slot.day.chineseName)第\(slot.period)节" }
  /// `16:00–16:40`, empty when school.toml gives no times.
  public func timeLabel(_ slot: Slot) -> String { school.week.period(of: slot).map { "\($0.start)–\($0.end)" } ?? "" }

  /// A section and its students, in the order a roll call reads them: by home class, then id.
  public struct Roster: Sendable {
    public let section: Section
    public let students: [Student]
  }

  /// Every open section's roster, in sections.csv order.
  public var rosters: [Roster] {
    var students: [String: [Student]] = [:]
    for x in attendances { students[x.section.id, default: []].append(x.student) }
    return solution.sections.map { section in
      let list = (students[section.id] ?? []).sorted { a, b in
        (classRank[a.homeClass] ?? 0, a.id) < (classRank[b.homeClass] ?? 0, b.id)
      }
      return Roster(section: section, students: list)
    }
  }
}
