import ZoubanModel

/// The finance office's week: what families pay, what teachers are paid, and the balance.
///
/// Every figure is per week, the unit the timetable repeats in: a section is one session a week,
/// and a student attends at most one section of a club, so a club's weekly income is its fee times
/// the students who pay. Families with `fee_waiver` pay nothing; what they would have paid is
/// shown as `waived` so the school sees the cost of its waivers.
public struct Money: Sendable, Equatable {
  public struct Club: Sendable, Equatable {
    public let course: Course
    /// Sessions a week: the club's open sections.
    public let sessions: Int
    public let enrolled: Int
    /// Enrolled students whose family pays (no `fee_waiver`).
    public let paying: Int
    /// `fee × paying`.
    public let income: Double
    /// `fee × (enrolled − paying)`: fees not charged to waived families.
    public let waived: Double
    /// Σ over the club's sections of its teacher's `rate`.
    public let teacherPay: Double
    public var balance: Double { income - teacherPay }
  }

  public struct TeacherPay: Sendable, Equatable {
    public let teacher: Teacher
    /// Sections taught a week.
    public let sessions: Int
    /// `rate × sessions`.
    public var pay: Double { teacher.rate * Double(sessions) }
  }

  /// Every club with an open section, in courses.csv order.
  public let clubs: [Club]
  /// Every teacher, in teachers.csv order (a teacher with no section is paid nothing).
  public let teachers: [TeacherPay]

  public var income: Double { clubs.reduce(0) { $0 + $1.income } }
  public var waived: Double { clubs.reduce(0) { $0 + $1.waived } }
  public var teacherPay: Double { teachers.reduce(0) { $0 + $1.pay } }
  public var balance: Double { income - teacherPay }
}

extension Analysis {
  public var money: Money {
    let teacherByID = Dictionary(school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var studentsIn: [String: [Student]] = [:]
    for x in attendances { studentsIn[x.course.code, default: []].append(x.student) }
    let clubs = school.courses.compactMap { course -> Money.Club? in
      let sections = sectionsByCourse[course.code] ?? []
      guard !sections.isEmpty else { return nil }
      let students = studentsIn[course.code] ?? []
      let paying = students.filter { !$0.feeWaiver }.count
      return Money.Club(
        course: course, sessions: sections.count, enrolled: students.count, paying: paying,
        income: course.fee * Double(paying), waived: course.fee * Double(students.count - paying),
        teacherPay: sections.reduce(0) { $0 + (teacherByID[$1.teacher]?.rate ?? 0) })
    }
    let sessions = Dictionary(grouping: solution.sections, by: \.teacher).mapValues(\.count)
    let teachers = school.teachers.map { Money.TeacherPay(teacher: $0, sessions: sessions[$0.id] ?? 0) }
    return Money(clubs: clubs, teachers: teachers)
  }
}
