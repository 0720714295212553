import ZoubanModel

/// A re-solve that keeps students where they were (`zouban solve --previous`): the previous
/// timetable, what keeping a student is worth, and how many may move at most.
///
/// A student **stays** when every (course, slot) they attended before is theirs again (another
/// room, teacher or parallel section of it does not count as a move); otherwise they **moved**.
/// Students only in the new school (joined) and ones no longer in it (left) are neither.
/// `docs/formulation.md` ("Re-solving without moving everyone") gives the rows and the bonus.
public struct Stability: Sendable {
  /// The previous timetable as read from its `assignments.csv`: it may name students, courses,
  /// rooms, teachers and slots the school no longer has.
  public let previous: Solution
  /// Objective points a student who stays is worth (`--keep-bonus`): a move is made only when
  /// it gains the school's objective more than this.
  public var keepBonus: Int
  /// Most students who may move although every placement they had is still possible
  /// (`--max-moves`); `nil`: no limit. Students whose old placement cannot exist any more
  /// (a course removed, a slot the course can no longer use, …) do not count.
  public var maxMoves: Int?

  public init(previous: Solution, keepBonus: Int, maxMoves: Int? = nil) {
    self.previous = previous
    self.keepBonus = keepBonus
    self.maxMoves = maxMoves
  }

  /// The default `--keep-bonus`: the school's utility of a first choice (100 with SPEC's
  /// defaults), so a student is moved only for more than one first choice's worth.
  public static func defaultKeepBonus(_ school: School) -> Int {
    max(1, school.objective.rankUtility.first ?? 100)
  }

  /// Every previous (student, course, slot), each once, in order.
  public var placements: [PreviousPlacement] {
    let sections = Dictionary(previous.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let all = previous.placements.compactMap { p in
      sections[p.section].map { PreviousPlacement(student: p.student, course: $0.course, slot: $0.slot) }
    }
    return Array(Set(all)).sorted()
  }

  /// The previous placements of the students in `school`, by student id.
  func placementsByStudent(in school: School) -> [String: [PreviousPlacement]] {
    let ids = Set(school.students.map(\.id))
    return Dictionary(grouping: placements.filter { ids.contains($0.student) }, by: \.student)
  }

  /// Whether each previous placement of a student still in `school` can exist in some timetable
  /// of it (the exact model has its column), and if not, why.
  public func keepability(in school: School) -> [PreviousPlacement: Keepability] {
    Self.keepability(of: placementsByStudent(in: school).values.flatMap { $0 }, instance: Instance(school))
  }

  static func keepability(of placements: [PreviousPlacement], instance: Instance) -> [PreviousPlacement: Keepability] {
    let school = instance.school
    var acceptable: [Int: [Int: Slot?]] = [:]
    var result: [PreviousPlacement: Keepability] = [:]
    for p in placements {
      guard let s = instance.studentIndex[p.student] else { continue }
      let student = school.students[s]
      guard let c = instance.courseIndex[p.course] else {
        result[p] = .courseRemoved
        continue
      }
      if acceptable[s] == nil {
        acceptable[s] = Dictionary(instance.acceptableCourses(of: s).map { ($0.course, $0.pinned) }, uniquingKeysWith: { a, _ in a })
      }
      if !school.week.contains(p.slot) {
        result[p] = .slotRemoved
      } else if student.electives == 0 {
        result[p] = .noElectives
      } else if acceptable[s]![c] == nil {
        result[p] = .notEligible
      } else if !student.isAvailable(in: p.slot) {
        result[p] = .studentUnavailable
      } else if let pinned = acceptable[s]![c]!, pinned != p.slot {
        result[p] = .pinnedElsewhere
      } else if instance.offeringIndex[c][p.slot] == nil {
        result[p] = .notOffered
      } else {
        result[p] = .keepable
      }
    }
    return result
  }

  /// Sections that make every previous (course, slot) that can still hold a section available
  /// with all its rooms and teachers: added to the decomposition's placement so that stage 3 can
  /// keep anyone who can be kept.
  public func sectionsToOffer(in school: School) -> [Section] {
    let instance = Instance(school)
    var pairs = Set<PairKey>()
    for p in placements {
      guard let c = instance.courseIndex[p.course], instance.offeringIndex[c][p.slot] != nil else { continue }
      pairs.insert(PairKey(course: c, slot: p.slot))
    }
    var sections: [Section] = []
    for pair in pairs.sorted(by: { ($0.course, $0.slot) < ($1.course, $1.slot) }) {
      let offering = instance.offerings[instance.offeringIndex[pair.course][pair.slot]!]
      let code = school.courses[pair.course].code
      let room = school.rooms[offering.rooms[0].room].id
      let teacher = school.teachers[offering.teachers[0]].id
      for option in offering.rooms {
        sections.append(Section(course: code, slot: pair.slot, room: school.rooms[option.room].id, teacher: teacher))
      }
      for p in offering.teachers {
        sections.append(Section(course: code, slot: pair.slot, room: room, teacher: school.teachers[p].id))
      }
    }
    return sections
  }

  /// Each student's previous courses, to be offered to them in stage 3 even when the plan does
  /// not list them (`CourseOptions`).
  public func previousCourses(in school: School) -> [String: Set<String>] {
    placementsByStudent(in: school).mapValues { Set($0.map(\.course)) }
  }
}

private struct PairKey: Hashable {
  let course: Int
  let slot: Slot
}

/// One (student, course, slot) of the previous timetable.
public struct PreviousPlacement: Hashable, Sendable, Comparable {
  public let student: String
  public let course: String
  public let slot: Slot

  public init(student: String, course: String, slot: Slot) {
    self.student = student
    self.course = course
    self.slot = slot
  }

  public static func < (a: PreviousPlacement, b: PreviousPlacement) -> Bool {
    (a.student, a.slot, a.course) < (b.student, b.slot, b.course)
  }
}

/// Whether a previous placement can be kept in the new school, and if not, why.
public enum Keepability: Sendable, Equatable {
  /// Some timetable of the new school has it.
  case keepable
  /// The course is no longer in `courses.csv`.
  case courseRemoved
  /// The slot is no longer in the week.
  case slotRemoved
  /// The student now asks for no electives.
  case noElectives
  /// The student may no longer take the course (grade, choices and 服从调剂 changed).
  case notEligible
  /// The student is now unavailable in the slot.
  case studentUnavailable
  /// `fixed.csv` now pins the course to another slot for the student.
  case pinnedElsewhere
  /// The course can no longer run in the slot (slot not allowed, no room or teacher then).
  case notOffered
}
