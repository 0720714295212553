import ZoubanGenerator
import ZoubanModel

/// The baseline a school office could run by hand: random serial dictatorship with minimum-size
/// repair. Zouban must beat it for its optimisation to be worth the wait.
///
/// Fixed rows are placed first; then priority students (优先保障) and then everyone else, each group
/// in a seeded random order, take their highest-ranked choices that still have room in a section in
/// a slot they have free, opening a section on demand where a room and a teacher are free. Then
/// sections under `min_size` are topped up from students who want the course, the smallest that
/// stay short are closed and their students re-placed into open sections, and finally everyone with
/// an elective to spare may join an open section with room (a 服从调剂 student any eligible one).
struct Greedy {
  private struct Open {
    let course: Int
    let slot: Slot
    let room: Int
    let teacher: Int
    var members: [Int] = []
    var fixedMembers = 0
  }
  private struct Use: Hashable {
    let who: Int
    let slot: Slot
  }

  private let school: School
  private var rng: SplitMix64
  private var sections: [Open?] = []
  private var sectionsOfCourse: [[Int]]
  private var roomBusy: Set<Use> = []
  private var teacherBusy: Set<Use> = []
  private var teacherLoad: [Int]
  private var slotsOf: [Set<Slot>]
  private var coursesOf: [Set<Int>]
  private let wanted: [Int]
  private let courseIndex: [String: Int]
  private let teacherIndex: [String: Int]

  init(school: School, seed: UInt64) {
    self.school = school
    rng = SplitMix64(seed: seed)
    sectionsOfCourse = Array(repeating: [], count: school.courses.count)
    teacherLoad = Array(repeating: 0, count: school.teachers.count)
    slotsOf = Array(repeating: [], count: school.students.count)
    coursesOf = Array(repeating: [], count: school.students.count)
    let slots = school.week.slots
    wanted = school.students.map { s in min(s.electives, slots.filter(s.isAvailable).count) }
    courseIndex = Dictionary(uniqueKeysWithValues: school.courses.enumerated().map { ($1.code, $0) })
    teacherIndex = Dictionary(uniqueKeysWithValues: school.teachers.enumerated().map { ($1.id, $0) })
  }

  mutating func solve() -> Solution {
    let studentIndex = Dictionary(uniqueKeysWithValues: school.students.enumerated().map { ($1.id, $0) })
    for f in school.fixed {
      guard let s = studentIndex[f.student], let c = courseIndex[f.course] else { continue }
      if let k = place(s, c, in: f.slot, mayOpen: true) { sections[k]!.fixedMembers += 1 }
    }
    let all = Array(school.students.indices)
    let order = rng.shuffled(all.filter { school.students[$0].isPriority }) + rng.shuffled(all.filter { !school.students[$0].isPriority })
    for s in order {
      for code in school.students[s].choices {
        if let c = courseIndex[code] { _ = place(s, c, in: nil, mayOpen: true) }
      }
    }
    repair()
    for s in order { fill(s) }
    return solution()
  }

  /// Joins the fullest open section of the course that has room and a slot the student has free,
  /// else (when allowed) opens one; returns the section.
  private mutating func place(_ s: Int, _ c: Int, in pinned: Slot?, mayOpen: Bool) -> Int? {
    let course = school.courses[c]
    guard coursesOf[s].count < wanted[s], !coursesOf[s].contains(c), course.grades.contains(school.students[s].grade) else { return nil }
    let student = school.students[s]
    let taken = slotsOf[s]
    let free = { (slot: Slot) in (pinned == nil || pinned == slot) && student.isAvailable(in: slot) && !taken.contains(slot) }
    let joinable = sectionsOfCourse[c].filter { k in
      let open = sections[k]!
      return free(open.slot) && open.members.count < capacity(open)
    }
    if let k = joinable.max(by: { (sections[$0]!.members.count, $1) < (sections[$1]!.members.count, $0) }) {
      join(s, k)
      return k
    }
    guard mayOpen, sectionsOfCourse[c].count < course.maxSections else { return nil }
    for slot in course.slots.filter({ free($0) && school.week.contains($0) }).sorted(by: { freeRooms(c, $0) > freeRooms(c, $1) }) {
      guard let room = room(for: c, in: slot), let teacher = teacher(for: c, in: slot) else { continue }
      sections.append(Open(course: c, slot: slot, room: room, teacher: teacher))
      sectionsOfCourse[c].append(sections.count - 1)
      roomBusy.insert(Use(who: room, slot: slot))
      teacherBusy.insert(Use(who: teacher, slot: slot))
      teacherLoad[teacher] += 1
      join(s, sections.count - 1)
      return sections.count - 1
    }
    return nil
  }

  private mutating func join(_ s: Int, _ k: Int) {
    sections[k]!.members.append(s)
    slotsOf[s].insert(sections[k]!.slot)
    coursesOf[s].insert(sections[k]!.course)
  }

  private func capacity(_ open: Open) -> Int { min(school.courses[open.course].maxSize, school.rooms[open.room].capacity) }

  private func usableRooms(_ c: Int, _ slot: Slot) -> [Int] {
    let course = school.courses[c]
    return school.rooms.indices.filter { r in
      let room = school.rooms[r]
      return room.type == course.roomType && room.isAvailable(in: slot) && min(course.maxSize, room.capacity) >= course.minSize
        && !roomBusy.contains(Use(who: r, slot: slot))
    }
  }

  private func freeRooms(_ c: Int, _ slot: Slot) -> Int { usableRooms(c, slot).count }

  /// The smallest free room that holds `max_size`, else the largest free one.
  private func room(for c: Int, in slot: Slot) -> Int? {
    let rooms = usableRooms(c, slot)
    let maxSize = school.courses[c].maxSize
    let holding = rooms.filter { school.rooms[$0].capacity >= maxSize }
    if let best = holding.min(by: { (school.rooms[$0].capacity, $0) < (school.rooms[$1].capacity, $1) }) { return best }
    return rooms.max { (school.rooms[$0].capacity, $1) < (school.rooms[$1].capacity, $0) }
  }

  /// The qualified, available, free teacher with the fewest sections so far.
  private func teacher(for c: Int, in slot: Slot) -> Int? {
    school.courses[c].teachers.compactMap { teacherIndex[$0] }
      .filter { t in
        let teacher = school.teachers[t]
        return teacher.isAvailable(in: slot) && !teacherBusy.contains(Use(who: t, slot: slot))
          && teacherLoad[t] < (teacher.maxSections ?? Int.max)
      }
      .min { (teacherLoad[$0], $0) < (teacherLoad[$1], $1) }
  }
}

extension Greedy {
  /// Tops up sections under `min_size`, then closes the smallest that stay short (never one holding
  /// a fixed row) and re-places its students, until every open section is big enough.
  fileprivate mutating func repair() {
    while true {
      let short = sections.indices.filter { k in
        guard let open = sections[k] else { return false }
        return open.members.count < school.courses[open.course].minSize
      }
      for k in short { topUp(k) }
      let closable = short.filter { sections[$0]!.members.count < school.courses[sections[$0]!.course].minSize && sections[$0]!.fixedMembers == 0 }
      guard let k = closable.min(by: { (sections[$0]!.members.count, $0) < (sections[$1]!.members.count, $1) }) else { return }
      let open = sections[k]!
      sections[k] = nil
      sectionsOfCourse[open.course].removeAll { $0 == k }
      roomBusy.remove(Use(who: open.room, slot: open.slot))
      teacherBusy.remove(Use(who: open.teacher, slot: open.slot))
      teacherLoad[open.teacher] -= 1
      for s in open.members {
        slotsOf[s].remove(open.slot)
        coursesOf[s].remove(open.course)
      }
      for s in open.members { fill(s) }
    }
  }

  /// Adds students who ranked the course (best rank first), then 服从调剂 students, while short.
  private mutating func topUp(_ k: Int) {
    let open = sections[k]!
    let course = school.courses[open.course]
    let candidates = school.students.indices.filter { s in
      let st = school.students[s]
      return coursesOf[s].count < wanted[s] && !coursesOf[s].contains(open.course) && !slotsOf[s].contains(open.slot)
        && st.isAvailable(in: open.slot) && course.grades.contains(st.grade) && (st.acceptAny || st.choices.contains(course.code))
    }
    let ranked = candidates.sorted { (school.students[$0].rank(of: course.code) ?? 99, $0) < (school.students[$1].rank(of: course.code) ?? 99, $1) }
    for s in ranked where sections[k]!.members.count < min(course.minSize, capacity(open)) { join(s, k) }
  }

  /// Joins open sections with room: the student's choices in rank order, then (服从调剂) any course.
  fileprivate mutating func fill(_ s: Int) {
    for code in school.students[s].choices {
      if let c = courseIndex[code] { _ = place(s, c, in: nil, mayOpen: false) }
    }
    guard school.students[s].acceptAny else { return }
    for c in school.courses.indices where coursesOf[s].count < wanted[s] { _ = place(s, c, in: nil, mayOpen: false) }
  }

  fileprivate func solution() -> Solution {
    var parallel: [String: Int] = [:]
    var built: [Section] = []
    var placements: [Placement] = []
    for open in sections.compactMap({ $0 }) {
      let course = school.courses[open.course]
      let key = "\(course.code)/\(open.slot.id)"
      parallel[key, default: 0] += 1
      let section = Section(
        course: course.code, slot: open.slot, parallelIndex: parallel[key]!, room: school.rooms[open.room].id,
        teacher: school.teachers[open.teacher].id)
      built.append(section)
      placements += open.members.map { Placement(student: school.students[$0].id, section: section.id) }
    }
    return Solution(sections: built, placements: placements)
  }
}
