import ZoubanModel

/// One way an assignment breaks the rules of SPEC §2, worded for a school office.
///
/// `line` points at the `assignments.csv` row to fix when exactly one row is at fault (an unknown
/// course, a student who is not eligible, …). It is `nil` when the fault lies between rows or with a
/// whole section (two sections on the same slot, a section under its minimum, a teacher booked
/// twice), because no single row is the one to change.
public struct Violation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let line: Int?
  public let message: String

  public init(line: Int?, message: String) {
    self.line = line
    self.message = message
  }

  /// Violations without a line come first (as line 0 would), then by line, then by message, so
  /// that two runs on the same file print the same list.
  public static func < (a: Violation, b: Violation) -> Bool {
    (a.line ?? 0, a.message) < (b.line ?? 0, b.message)
  }

  /// `line 7: message`, or the bare message when no single row is at fault.
  public var description: String {
    line.map { "line \($0): \(message)" } ?? message
  }
}

/// What `zouban check` prints: every violation and the figures `summary.json` would report for
/// these rows, so that a hand-edited file can be compared with the solver's own answer.
public struct CheckReport: Sendable {
  /// Every violation found, sorted (see `Violation.<`).
  public let violations: [Violation]
  /// SPEC §2's objective computed on the rows as given, whether or not they are valid.
  public let objective: Int
  /// The sum of every student's `electives` as written (not capped).
  public let electivesAsked: Int
  /// Distinct (student, section) placements among the rows that could be read.
  public let electivesPlaced: Int
  /// Students placed in their 1st choice.
  public let firstChoice: Int

  public init(violations: [Violation], objective: Int, electivesAsked: Int, electivesPlaced: Int, firstChoice: Int) {
    self.violations = violations.sorted()
    self.objective = objective
    self.electivesAsked = electivesAsked
    self.electivesPlaced = electivesPlaced
    self.firstChoice = firstChoice
  }

  /// True when the rows obey every rule.
  public var isClean: Bool { violations.isEmpty }
}

/// The independent second opinion on a timetable.
///
/// It reads SPEC §2 on its own terms and shares no code with the solver's formulation, so that a
/// mistake in one is caught by the other. It judges an `assignments.csv` as written (sections
/// are taken from the rows' `section`, `slot`, `room` and `teacher` columns), which is also how
/// `zouban check` judges a file that staff edited by hand.
public enum Checker {
  /// Every violation of SPEC §2 in the rows, and the objective the rows achieve.
  ///
  /// Checking runs in three passes: each row on its own (ids, slot, section id, duplicates, a
  /// section's room and teacher agreeing across rows), then the students (rules 1, 2, 6), then
  /// the sections (rules 3, 4, 5). Rows that fail the first pass are left out of the other two.
  public static func check(school: School, rows: [AssignmentRow]) -> CheckReport {
    let directory = Directory(school)
    let read = ReadRows(rows, in: directory)
    let timetable = Timetable(read.attendances, in: directory)
    let violations =
      read.violations
      + StudentRules.check(timetable, in: directory)
      + SectionRules.check(timetable, in: directory)
    let score = Score(read.attendances, in: school)
    return CheckReport(
      violations: violations, objective: score.objective, electivesAsked: score.electivesAsked,
      electivesPlaced: score.electivesPlaced, firstChoice: score.firstChoice)
  }
}

/// SPEC §2's objective and the summary figures, computed on the rows as given.
///
/// The rows need not be valid: a hand-edited file is scored as it stands, so that staff can see
/// what an edit costs before fixing its violations. Only rows that could be read (known student,
/// course and section; see `ReadRows`) take part.
struct Score {
  let objective: Int
  let electivesAsked: Int
  let electivesPlaced: Int
  let firstChoice: Int

  init(_ attendances: [Attendance], in school: School) {
    let byStudent = Dictionary(grouping: attendances, by: \.student.id)
    let weights = school.objective
    let week = school.week.slots
    var objective = 0
    var firstChoice = 0
    for student in school.students {
      let mine = byStudent[student.id] ?? []
      // A student counts once per distinct course attended, and `n_s` counts distinct sections.
      let courses = Set(mine.map(\.course.code))
      let attended = Set(mine.map(\.section)).count
      let utility = courses.reduce(0) { sum, code in sum + Self.utility(of: code, for: student, weights) }
      // Nobody can be placed in more slots than they can attend, so asking for more is not
      // penalised beyond that number.
      let attendable = week.filter { student.isAvailable(in: $0) }.count
      let asked = min(student.electives, attendable)
      let multiplier = student.isPriority ? weights.priorityMultiplier : 1
      objective += multiplier * (utility - weights.unplacedPenalty * (asked - attended))
      if let first = student.choices.first, courses.contains(first) { firstChoice += 1 }
    }
    self.objective = objective
    self.electivesAsked = school.students.reduce(0) { $0 + $1.electives }
    self.electivesPlaced = attendances.count
    self.firstChoice = firstChoice
  }

  /// `u_s(c)`: the utility of the course's rank if within `rank_utility`, else `any_utility`
  /// (a choice ranked past the list's end, or a course the student did not rank).
  static func utility(of code: String, for student: Student, _ weights: ObjectiveWeights) -> Int {
    if let rank = student.rank(of: code), rank <= weights.rankUtility.count {
      return weights.rankUtility[rank - 1]
    }
    return weights.anyUtility
  }
}
