import MIPModel
import ZoubanModel

/// The school, indexed for formulating: which (course, slot) pairs can hold a section, which rooms
/// and teachers could serve each, and which (course, slot) pairs each student may attend.
///
/// Everything here is derived from SPEC §2 rules 2–5 before any variable exists, so the model
/// only has variables that can be non-zero in some timetable.
struct Instance {
  /// A room that could host a section of a course in a slot, and the most students it allows there.
  struct RoomOption {
    let room: Int
    /// `min(max_size, room capacity)`.
    let capacity: Int
  }

  /// A (course, slot) pair that can hold at least one section.
  struct Offering {
    let course: Int
    let slot: Slot
    let rooms: [RoomOption]
    let teachers: [Int]
  }

  let school: School
  /// Every offering, by course index then slot.
  let offerings: [Offering]
  /// `offeringIndex[course][slot]` → index into `offerings`.
  let offeringIndex: [[Slot: Int]]
  /// The offerings of each course, by slot (computed once: the placement asks in its inner loops).
  private let offeringsByCourse: [[Offering]]
  let courseIndex: [String: Int]
  let studentIndex: [String: Int]
  let roomIndex: [String: Int]
  let teacherIndex: [String: Int]
  let courseOptions: CourseOptions

  /// Indexes `school`; with `sections`, only those (course, slot, room, teacher) choices exist, so
  /// the model decides who attends which of the placed sections and which of them stay closed.
  /// `courses` narrows which courses each student may be placed in (see `CourseOptions`).
  init(_ school: School, sections: [Section]? = nil, courses: CourseOptions = .all) {
    self.school = school
    self.courseOptions = courses
    let placed = sections.map { list in Set(list.map { PlacedChoice(course: $0.course, slot: $0.slot, resource: $0.room) }) }
    let taught = sections.map { list in Set(list.map { PlacedChoice(course: $0.course, slot: $0.slot, resource: $0.teacher) }) }
    courseIndex = Dictionary(school.courses.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    studentIndex = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.teacherIndex = teacherIndex
    roomIndex = Dictionary(school.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var offerings: [Offering] = []
    var index = [[Slot: Int]](repeating: [:], count: school.courses.count)
    for (c, course) in school.courses.enumerated() {
      for slot in course.slots where school.week.contains(slot) {
        let rooms = school.rooms.enumerated().compactMap { r, room -> RoomOption? in
          let capacity = min(course.maxSize, room.capacity)
          guard room.type == course.roomType, room.isAvailable(in: slot), capacity >= course.minSize,
            placed?.contains(PlacedChoice(course: course.code, slot: slot, resource: room.id)) ?? true
          else { return nil }
          return RoomOption(room: r, capacity: capacity)
        }
        let teachers = course.teachers.compactMap { teacherIndex[$0] }.filter {
          school.teachers[$0].isAvailable(in: slot) && (school.teachers[$0].maxSections ?? 1) > 0
            && taught?.contains(PlacedChoice(course: course.code, slot: slot, resource: school.teachers[$0].id)) ?? true
        }
        guard !rooms.isEmpty, !teachers.isEmpty else { continue }
        index[c][slot] = offerings.count
        offerings.append(Offering(course: c, slot: slot, rooms: rooms, teachers: Array(Set(teachers)).sorted()))
      }
    }
    self.offerings = offerings
    self.offeringIndex = index
    offeringsByCourse = index.map { $0.values.sorted().map { offerings[$0] } }
  }

  /// The courses a student may be placed in (rule 2): ranked choices, every eligible course for
  /// 服从调剂 students, and fixed courses; each with the slot it is pinned to, if any.
  func acceptableCourses(of s: Int) -> [(course: Int, pinned: Slot?)] {
    let student = school.students[s]
    let fixed = school.fixed.filter { $0.student == student.id }
    var result: [(Int, Slot?)] = []
    for (c, course) in school.courses.enumerated() where course.grades.contains(student.grade) {
      let pins = fixed.filter { $0.course == course.code }
      if !pins.isEmpty {
        result.append((c, pins.first!.slot))
      } else if courseOptions.allows(student: student, course: course.code) {
        result.append((c, nil))
      }
    }
    return result
  }

  /// Utility of placing student `s` in course `c` (SPEC §2: by rank, else `any_utility`).
  func utility(student s: Int, course c: Int) -> Int {
    let weights = school.objective
    guard let r = school.students[s].choices.firstIndex(of: school.courses[c].code), r < weights.rankUtility.count
    else { return weights.anyUtility }
    return weights.rankUtility[r]
  }

  /// `m_s`: the priority multiplier for a priority student, else 1.
  func multiplier(student s: Int) -> Int {
    school.students[s].isPriority ? school.objective.priorityMultiplier : 1
  }

  /// The offerings of one course, by slot.
  func offerings(of course: Int) -> [Offering] { offeringsByCourse[course] }

  /// Whether `fixed.csv` requires the student to attend the course.
  func isFixed(student s: Int, course c: Int) -> Bool {
    let (student, code) = (school.students[s].id, school.courses[c].code)
    return school.fixed.contains { $0.student == student && $0.course == code }
  }

  /// Distinct (course, slot) pairs that fixed.csv pins: each needs a section then.
  func pinnedSlots() -> [(course: Int, slot: Slot)] {
    var seen = Set<CourseSlot>()
    return school.fixed.compactMap { row in
      guard let slot = row.slot, let c = courseIndex[row.course], seen.insert(CourseSlot(course: c, slot: slot)).inserted
      else { return nil }
      return (c, slot)
    }
  }

  /// SPEC §2's objective of a timetable whose placements this school allows.
  func objective(of solution: Solution) -> Int {
    let courses = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0.course) })
    return solution.placements.reduce(objectiveConstant()) { total, placement in
      guard let s = studentIndex[placement.student], let code = courses[placement.section], let c = courseIndex[code] else { return total }
      return total + multiplier(student: s) * (utility(student: s, course: c) + school.objective.unplacedPenalty)
    }
  }

  /// `−Σ_s m_s · unplaced_penalty · e_s`: every elective starts out unplaced; each placement's
  /// coefficient gives the penalty back.
  func objectiveConstant() -> Int {
    school.students.indices.reduce(0) { total, s in
      total - multiplier(student: s) * school.objective.unplacedPenalty * countedElectives(student: s)
    }
  }

  /// `e_s` as it counts in the penalty: capped at the slots the student can attend.
  func countedElectives(student s: Int) -> Int {
    let student = school.students[s]
    return min(student.electives, school.week.slots.filter(student.isAvailable).count)
  }
}

/// A (course, slot) pair by index.
struct CourseSlot: Hashable {
  let course: Int
  let slot: Slot
}

/// A room or teacher (by index) in a slot: the key of the "once per slot" rows.
struct ResourceSlot: Hashable, Comparable {
  let resource: Int
  let slot: Slot

  static func < (a: ResourceSlot, b: ResourceSlot) -> Bool { (a.resource, a.slot) < (b.resource, b.slot) }
}

/// A (course, slot, room or teacher) choice of a placed section.
private struct PlacedChoice: Hashable {
  let course: String
  let slot: Slot
  let resource: String
}

/// Which courses a student may be placed in, beyond fixed ones (always allowed).
public enum CourseOptions: Sendable {
  /// SPEC §2 rule 2: ranked courses, and every eligible course for 服从调剂 students.
  case all
  /// Ranked courses, and for 服从调剂 students only the unranked courses listed for them.
  case rankedAnd(unranked: [String: Set<String>])
  /// Only the courses listed for each student (the decomposition's plan, at large scale).
  case only([String: Set<String>])

  /// Whether these are SPEC §2's options unrestricted.
  var isAll: Bool {
    if case .all = self { return true }
    return false
  }

  func allows(student: Student, course: String) -> Bool {
    switch self {
    case .all: return student.choices.contains(course) || student.acceptAny
    case .rankedAnd(let unranked):
      return student.choices.contains(course) || (student.acceptAny && unranked[student.id, default: []].contains(course))
    case .only(let listed):
      return (student.choices.contains(course) || student.acceptAny) && listed[student.id, default: []].contains(course)
    }
  }
}

extension MIPModel {
  /// `budget`: `Σ rate_p · column ≤ teacher_pay_budget` over columns that each open one section
  /// taught by `p` (the school's weekly teacher-pay cap, `Rules.teacherPayBudget`); nothing
  /// without a cap. Every model that opens sections carries it, so every timetable keeps it.
  mutating func addTeacherPayBudget(_ school: School, _ teaching: [(teacher: Int, variable: VariableID)]) {
    guard let budget = school.rules.teacherPayBudget else { return }
    let terms = teaching.filter { school.teachers[$0.teacher].rate > 0 }.map { Term($0.variable, school.teachers[$0.teacher].rate) }
    if !terms.isEmpty { addRow("budget", terms, upper: Double(budget)) }
  }
}
