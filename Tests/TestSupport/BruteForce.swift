import ZoubanModel

/// The true optimum of a tiny school, found by trying every timetable.
///
/// It is written straight from SPEC §2, independently of the checker and of any formulation, so
/// that a solver, the checker and this enumeration can only agree by all being right.
///
/// The search has two levels. `RoomSearch` tries every way of putting a course (or nothing) in
/// each room in each slot, keeping only the rooms' and courses' rules; a teacher is then sought
/// for every section. For each such set of sections, `StudentSearch` tries every way of placing
/// the students. Both levels prune only what cannot matter: sections that can never reach their
/// minimum, and branches whose best possible objective cannot beat the best one found.
public enum BruteForce {
  /// The optimal objective and one timetable achieving it; `nil` when no timetable obeys every
  /// rule (which only `fixed.csv` rows can cause, since opening nothing is otherwise allowed).
  public static func optimum(_ school: School) -> (objective: Int, solution: Solution)? {
    let problem = BruteForceProblem(school)
    var search = RoomSearch(problem)
    search.run()
    guard let best = search.best else { return nil }
    let solution = best.solution(in: problem)
    let objective = problem.objective(of: solution)
    assert(objective == problem.base + best.value, "the search's value disagrees with SPEC §2's formula")
    return (objective, solution)
  }

  /// `u_s(c)` as the brute force reads SPEC §2, for tests that judge a timetable themselves.
  public static func utility(_ student: Student, _ course: String, _ w: ObjectiveWeights) -> Int {
    BruteForceProblem.utility(student, course, w)
  }

  /// `e_s` capped at the slots the student can attend, as the brute force counts it.
  public static func asked(_ student: Student, _ slots: [Slot]) -> Int { BruteForceProblem.asked(student, slots) }
}

/// A school by index, with what every level of the search asks again and again.
struct BruteForceProblem {
  let school: School
  let slots: [Slot]
  /// `eligible[s][c][t]`: rule 2, plus the student asking for at least one elective.
  let eligible: [[[Bool]]]
  /// `weight[s][c]`: what placing student s in course c adds to the objective, `m_s * (u_s(c) +
  /// unplaced_penalty)`, since each placement both earns `u_s(c)` and removes one unplaced penalty.
  let weight: [[Int]]
  /// The objective when nobody is placed: `-Σ m_s * unplaced_penalty * e_s`.
  let base: Int
  /// `fixed[s]`: the courses (and slots, when pinned) that student s must attend, by index.
  let fixed: [[(course: Int, slot: Int?)]]
  /// `qualified[c]`: the teachers, by index, listed for course c.
  let qualified: [[Int]]

  init(_ school: School) {
    self.school = school
    let slots = school.week.slots
    self.slots = slots
    let courses = school.courses
    let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let courseIndex = Dictionary(courses.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    let studentIndex = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

    var fixed = [[(course: Int, slot: Int?)]](repeating: [], count: school.students.count)
    for row in school.fixed {
      guard let s = studentIndex[row.student], let c = courseIndex[row.course] else {
        preconditionFailure("fixed row names an unknown student or course: \(row)")
      }
      fixed[s].append((c, row.slot.flatMap { slots.firstIndex(of: $0) }))
    }
    self.fixed = fixed
    qualified = courses.map { $0.teachers.compactMap { teacherIndex[$0] } }

    eligible = school.students.enumerated().map { s, student in
      courses.enumerated().map { c, course in
        let wanted = student.rank(of: course.code) != nil || student.acceptAny || fixed[s].contains { $0.course == c }
        return slots.map { slot in
          student.electives > 0 && wanted && course.grades.contains(student.grade) && student.isAvailable(in: slot)
        }
      }
    }
    let w = school.objective
    weight = school.students.map { student in
      courses.map { course in Self.multiplier(student, w) * (Self.utility(student, course.code, w) + w.unplacedPenalty)
      }
    }
    base = school.students.reduce(0) { sum, student in
      sum - Self.multiplier(student, w) * w.unplacedPenalty * Self.asked(student, slots)
    }
  }

  /// SPEC §2's objective, term by term, for a finished timetable.
  func objective(of solution: Solution) -> Int {
    let courseOf = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0.course) })
    let w = school.objective
    return school.students.reduce(0) { sum, student in
      let attended = solution.placements.filter { $0.student == student.id }.map { courseOf[$0.section]! }
      let utility = attended.reduce(0) { $0 + Self.utility(student, $1, w) }
      let unplaced = Self.asked(student, slots) - attended.count
      return sum + Self.multiplier(student, w) * (utility - w.unplacedPenalty * unplaced)
    }
  }

  /// `u_s(c)`: the rank's utility when the rank is within the list, otherwise `any_utility`.
  static func utility(_ student: Student, _ course: String, _ w: ObjectiveWeights) -> Int {
    guard let rank = student.rank(of: course), rank <= w.rankUtility.count else { return w.anyUtility }
    return w.rankUtility[rank - 1]
  }

  static func multiplier(_ student: Student, _ w: ObjectiveWeights) -> Int {
    student.isPriority ? w.priorityMultiplier : 1
  }

  /// `e_s`, capped at the number of the week's slots the student can attend.
  static func asked(_ student: Student, _ slots: [Slot]) -> Int {
    min(student.electives, slots.filter { student.isAvailable(in: $0) }.count)
  }
}
