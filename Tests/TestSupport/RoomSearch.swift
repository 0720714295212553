import ZoubanModel

/// One candidate section of the brute force: a course in a slot and a room (indices).
struct Candidate: Hashable {
  let course: Int
  let slot: Int
  let room: Int
  /// `min(max_size, room capacity)`.
  let capacity: Int
  let minSize: Int
}

/// The best timetable found so far, by index.
struct BestTimetable {
  /// The sum of the placements' weights; the objective is `base + value`.
  let value: Int
  let sections: [Candidate]
  /// `teachers[k]`: the teacher (index) of `sections[k]`.
  let teachers: [Int]
  /// `members[s]`: the sections (indices into `sections`) student s attends.
  let members: [[Int]]

  /// The timetable as a `Solution`, parallel sections numbered in room order.
  func solution(in problem: BruteForceProblem) -> Solution {
    let school = problem.school
    var parallel: [[Int]: Int] = [:]
    let built: [Section] = sections.enumerated().map { k, c in
      let n = (parallel[[c.course, c.slot]] ?? 0) + 1
      parallel[[c.course, c.slot]] = n
      return Section(
        course: school.courses[c.course].code, slot: problem.slots[c.slot], parallelIndex: n,
        room: school.rooms[c.room].id,
        teacher: school.teachers[teachers[k]].id)
    }
    let placements = members.enumerated().flatMap { s, ks in
      ks.map { Placement(student: school.students[s].id, section: built[$0].id) }
    }
    return Solution(sections: built, placements: placements)
  }
}

/// Level one of the brute force: every way to fill each (slot, room) with a course or nothing,
/// then a teacher for every section, then the students (`StudentSearch`).
///
/// A course is put in a room only when the room is of its type and free, the slot is allowed,
/// a qualified teacher is free then, the course has sections left this week, and enough students
/// could ever attend it there to reach its minimum (counting the minimums of the slot's and the
/// week's other sections against the students who could fill them); anything else could never
/// be an open section.
struct RoomSearch {
  private let problem: BruteForceProblem
  /// Every (slot, room) pair, slot by slot.
  private let positions: [(slot: Int, room: Int)]
  /// `attendees[t]`: students who could attend something in slot t (free, asking for ≥ 1).
  private let attendees: [Int]
  /// Most placements all students together can take.
  private let placeable: Int

  private var chosen: [Candidate] = []
  private var perCourse: [Int]
  private var minInSlot: [Int]
  private var tried: Set<[Int]> = []
  private(set) var best: BestTimetable?

  init(_ problem: BruteForceProblem) {
    self.problem = problem
    let school = problem.school
    positions = problem.slots.indices.flatMap { t in school.rooms.indices.map { (t, $0) } }
    attendees = problem.slots.map { slot in
      school.students.filter { $0.electives > 0 && $0.isAvailable(in: slot) }.count
    }
    placeable = school.students.reduce(0) { $0 + BruteForceProblem.asked($1, problem.slots) }
    perCourse = Array(repeating: 0, count: school.courses.count)
    minInSlot = Array(repeating: 0, count: problem.slots.count)
  }

  mutating func run() { place(0) }

  private mutating func place(_ p: Int) {
    guard p < positions.count else { return evaluate() }
    let (t, r) = positions[p]
    for c in problem.school.courses.indices {
      guard let candidate = candidate(course: c, slot: t, room: r) else { continue }
      chosen.append(candidate)
      perCourse[c] += 1
      minInSlot[t] += candidate.minSize
      place(p + 1)
      minInSlot[t] -= candidate.minSize
      perCourse[c] -= 1
      chosen.removeLast()
    }
    place(p + 1)
  }

  /// The section course c would be in room r at slot t, if it could ever open there.
  private func candidate(course c: Int, slot t: Int, room r: Int) -> Candidate? {
    let school = problem.school
    let course = school.courses[c]
    let room = school.rooms[r]
    let slot = problem.slots[t]
    let capacity = min(course.maxSize, room.capacity)
    let demand = school.students.indices.filter { problem.eligible[$0][c][t] }.count
    let totalMin = chosen.reduce(0) { $0 + $1.minSize }
    guard room.type == course.roomType, room.isAvailable(in: slot), course.slots.contains(slot),
      perCourse[c] < course.maxSections, capacity >= course.minSize, demand >= course.minSize,
      minInSlot[t] + course.minSize <= attendees[t], totalMin + course.minSize <= placeable,
      problem.qualified[c].contains(where: { school.teachers[$0].isAvailable(in: slot) })
    else { return nil }
    return Candidate(course: c, slot: t, room: r, capacity: capacity, minSize: course.minSize)
  }

  /// Judges one set of sections. Sets that differ only by rooms of equal capacity are the same
  /// problem for teachers and students, so each is solved once.
  private mutating func evaluate() {
    let key = chosen.map { [$0.course, $0.slot, $0.capacity] }.sorted { $0.lexicographicallyPrecedes($1) }.flatMap {
      $0
    }
    guard tried.insert(key).inserted, let teachers = teachers(for: chosen) else { return }
    var students = StudentSearch(problem, sections: chosen, mustBeat: best?.value)
    students.run()
    if let value = students.bestValue, let members = students.bestMembers {
      best = BestTimetable(value: value, sections: chosen, teachers: teachers, members: members)
    }
  }

  /// A teacher for every section (rule 4), within the teacher-pay budget when the school has
  /// one, or `nil` when none can be found.
  private func teachers(for sections: [Candidate]) -> [Int]? {
    let school = problem.school
    let budget = school.rules.teacherPayBudget.map(Double.init) ?? .infinity
    var assigned: [Int] = []
    var load = Array(repeating: 0, count: school.teachers.count)
    var busy = Set<[Int]>()
    var pay = 0.0
    func assign(_ k: Int) -> Bool {
      guard k < sections.count else { return true }
      let s = sections[k]
      for i in problem.qualified[s.course] {
        let teacher = school.teachers[i]
        guard teacher.isAvailable(in: problem.slots[s.slot]), !busy.contains([i, s.slot]),
          load[i] < (teacher.maxSections ?? Int.max), pay + teacher.rate <= budget + 1e-9
        else { continue }
        assigned.append(i)
        load[i] += 1
        busy.insert([i, s.slot])
        pay += teacher.rate
        if assign(k + 1) { return true }
        pay -= teacher.rate
        busy.remove([i, s.slot])
        load[i] -= 1
        assigned.removeLast()
      }
      return false
    }
    return assign(0) ? assigned : nil
  }
}
