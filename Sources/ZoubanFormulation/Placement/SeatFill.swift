import ZoubanModel

/// Seats students who still have electives to spare in the free seats of a timetable's open
/// sections, as many as a maximum flow can, without moving anyone already placed: first in
/// courses they ranked, then (服从调剂 students) in any course their grade may take.
///
/// Why: stage 3 offers each student only their ranked courses and the unranked ones the plan
/// handed their group (at 5,000 students × 35 courses, every course for everyone is 175,000
/// columns more), so a 服从调剂 student whose planned courses clash stayed unplaced beside
/// half-empty sections in their free slots (wassign-realistic5000: 7,959 of 30,000 electives).
/// Every placement added is worth `m_s · (u + P) > 0`, and a section only gains students, so the
/// timetable stays valid (its minimum sizes, rooms and teachers are untouched) and only improves.
///
/// The network, per pass: source → student (electives left) → (student, slot) free and
/// attendable (1) → (course, slot) with a free seat (1, for courses the student may take and
/// does not have) → sink (seats left). A student can reach one course through two slots, so
/// each round keeps the first of such repeats and the next round offers the rest again.
enum SeatFill {
  static func fill(_ solution: Solution, instance: Instance) -> Solution {
    var state = FillState(solution: solution, instance: instance)
    for rankedOnly in [true, false] {
      // Each round adds at least one placement or ends; repeats of one course are rare.
      while state.round(rankedOnly: rankedOnly) > 0 {}
    }
    return state.solution
  }
}

/// The timetable being filled: who sits where, and what each student and section has left.
private struct FillState {
  let instance: Instance
  let sections: [Section]
  var placements: [Placement]
  /// Seats left in each section (index into `sections`).
  var seatsLeft: [Int]
  var usedSlots: [Set<Slot>]
  var courses: [Set<Int>]
  /// Open sections of each (course, slot), as indices into `sections`.
  let sectionsAt: [CourseSlot: [Int]]

  init(solution: Solution, instance: Instance) {
    self.instance = instance
    let school = instance.school
    sections = solution.sections
    placements = solution.placements
    let index = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1.id, $0) })
    seatsLeft = sections.map { section in
      guard let c = instance.courseIndex[section.course], let r = instance.roomIndex[section.room] else { return 0 }
      return min(school.courses[c].maxSize, school.rooms[r].capacity)
    }
    usedSlots = Array(repeating: [], count: school.students.count)
    courses = Array(repeating: [], count: school.students.count)
    for placement in placements {
      guard let i = index[placement.section], let s = instance.studentIndex[placement.student] else { continue }
      seatsLeft[i] -= 1
      usedSlots[s].insert(sections[i].slot)
      if let c = instance.courseIndex[sections[i].course] { courses[s].insert(c) }
    }
    var at: [CourseSlot: [Int]] = [:]
    for (i, section) in sections.enumerated() {
      guard let c = instance.courseIndex[section.course] else { continue }
      at[CourseSlot(course: c, slot: section.slot), default: []].append(i)
    }
    sectionsAt = at
  }

  var solution: Solution { Solution(sections: sections, placements: placements) }

  /// One maximum flow over the students with electives left; seats what it sends (a course
  /// reached twice by one student is seated once). Returns how many placements it added.
  mutating func round(rankedOnly: Bool) -> Int {
    let school = instance.school
    let open = sectionsAt.keys.filter { key in sectionsAt[key]!.contains { seatsLeft[$0] > 0 } }
      .sorted { ($0.course, $0.slot) < ($1.course, $1.slot) }
    guard !open.isEmpty else { return 0 }
    let openIndex = Dictionary(uniqueKeysWithValues: open.enumerated().map { ($1, $0) })
    let openBySlot = Dictionary(grouping: open, by: \.slot)
    // Nodes: 0 source, 1 sink, then the open (course, slot)s, then students and their slots.
    var nodes = 2 + open.count
    var arcs: [(arc: Int, student: Int, key: CourseSlot)] = []
    var pending: [(from: Int, to: Int, capacity: Int, student: Int?, key: CourseSlot?)] = []
    for (k, key) in open.enumerated() {
      pending.append((2 + k, 1, sectionsAt[key]!.reduce(0) { $0 + max(0, seatsLeft[$1]) }, nil, nil))
    }
    for (s, student) in school.students.enumerated() {
      let left = instance.countedElectives(student: s) - courses[s].count
      guard left > 0 else { continue }
      let allowed = allowedCourses(of: s, rankedOnly: rankedOnly)
      guard !allowed.isEmpty else { continue }
      let studentNode = nodes
      nodes += 1
      var any = false
      for slot in school.week.slots where student.isAvailable(in: slot) && !usedSlots[s].contains(slot) {
        let targets = (openBySlot[slot] ?? []).filter { allowed.contains($0.course) }
        guard !targets.isEmpty else { continue }
        let slotNode = nodes
        nodes += 1
        pending.append((studentNode, slotNode, 1, nil, nil))
        for key in targets { pending.append((slotNode, 2 + openIndex[key]!, 1, s, key)) }
        any = true
      }
      if any { pending.append((0, studentNode, left, nil, nil)) }
    }
    var graph = MaxFlow(nodes: nodes)
    for item in pending {
      let arc = graph.addArc(from: item.from, to: item.to, capacity: item.capacity)
      if let student = item.student, let key = item.key { arcs.append((arc, student, key)) }
    }
    guard graph.maximise(from: 0, to: 1) > 0 else { return 0 }
    var added = 0
    for item in arcs where graph.flow(on: item.arc) > 0 {
      let (s, key) = (item.student, item.key)
      guard !courses[s].contains(key.course), !usedSlots[s].contains(key.slot),
        let i = sectionsAt[key]!.max(by: { (seatsLeft[$0], $1) < (seatsLeft[$1], $0) }), seatsLeft[i] > 0
      else { continue }
      seatsLeft[i] -= 1
      usedSlots[s].insert(key.slot)
      courses[s].insert(key.course)
      placements.append(Placement(student: school.students[s].id, section: sections[i].id))
      added += 1
    }
    return added
  }

  /// The courses student `s` may still be seated in: acceptable, not fixed elsewhere, not
  /// taken, worth something; with `rankedOnly`, ranked ones only.
  private func allowedCourses(of s: Int, rankedOnly: Bool) -> Set<Int> {
    let student = instance.school.students[s]
    let penalty = instance.school.objective.unplacedPenalty
    var result = Set<Int>()
    for (c, pinned) in instance.acceptableCourses(of: s) where pinned == nil && !courses[s].contains(c) {
      guard !rankedOnly || student.choices.contains(instance.school.courses[c].code) else { continue }
      if instance.utility(student: s, course: c) + penalty > 0 { result.insert(c) }
    }
    return result
  }
}
