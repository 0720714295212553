import MIPModel
import ZoubanModel

/// A student's attendance of a course in a slot, by index.
struct AttendanceKey: Hashable {
  let student: Int
  let course: Int
  let slot: Slot
}

/// The re-solve that keeps students where they were (`zouban solve --previous`).
///
/// With a previous timetable the model maximises
///
///     scale · (SPEC §2's objective + keep_bonus · Σ_s stay[s])  +  Σ kept previous placements
///
/// where `stay[s]` ∈ {0,1} may be 1 only when student `s` attends every (course, slot) they
/// attended before (`keep[s,c,t]`: `stay[s] ≤ x[s,c,t]`), and `scale` exceeds the number of
/// previous placements, so the last sum only breaks ties: among equally good timetables, the one
/// where the students who do move keep most of their old week. `--max-moves N` adds one row,
/// `moves`: `Σ_s stay[s] ≥ K − N`, with `K` the students whose every old placement is still
/// possible. A student one of whose old placements can no longer exist gets no `stay` column (a
/// forced move, outside the limit).
extension Formulation {
  /// Reads the previous placements of the students still in the school, and sets the scale.
  mutating func prepareStability() {
    guard let stability else { return }
    for (id, list) in stability.placementsByStudent(in: school) {
      guard let s = instance.studentIndex[id] else { continue }
      for p in list {
        if let c = instance.courseIndex[p.course] { previousKeys.insert(AttendanceKey(student: s, course: c, slot: p.slot)) }
      }
    }
    scale = previousKeys.count + 1
  }

  /// `stay[s]`, `keep[s,c,t]` and `moves`. `exact`: this is the whole model (not stage 3), so
  /// its columns say which placements are still possible.
  mutating func addStabilityRows(exact: Bool) {
    guard let stability else { return }
    let byStudent = stability.placementsByStudent(in: school)
    let keepability = Stability.keepability(of: byStudent.values.flatMap { $0 }, instance: exact ? instance : Instance(school))
    var column: [AttendanceKey: MIPModel.VariableID] = [:]
    for a in attendances {
      let offering = instance.offerings[a.offering]
      let key = AttendanceKey(student: a.student, course: offering.course, slot: offering.slot)
      if previousKeys.contains(key) { column[key] = a.variable }
    }
    var keepable = 0
    for (s, student) in school.students.enumerated() {
      guard let list = byStudent[student.id], Stability.canStay(student, list, keepability) else { continue }
      keepable += 1
      let keys = list.map { AttendanceKey(student: s, course: instance.courseIndex[$0.course]!, slot: $0.slot) }
      let xs = keys.compactMap { column[$0] }
      // Stage 3 may lack a column the whole model has: the student cannot stay there.
      guard xs.count == keys.count else { continue }
      let stay = model.addVariable("stay[\(student.id)]", kind: .binary, objective: Double(stability.keepBonus * scale))
      stays.append((s, stay))
      for (p, x) in zip(list, xs) {
        model.addRow("keep[\(student.id),\(p.course),\(p.slot.id)]", [.init(stay, 1), .init(x, -1)], upper: 0)
      }
    }
    if let maxMoves = stability.maxMoves, keepable - maxMoves > 0 {
      model.addRow("moves", stays.map { .init($0.variable, 1) }, lower: Double(keepable - maxMoves))
    }
  }

  /// Sets each `stay[s]` of a timetable's values: 1 when the student kept every old placement.
  func fillStays(_ values: inout [Double]) {
    guard !stays.isEmpty else { return }
    var kept = Set<Int>()
    var lost = Set<Int>()
    for a in attendances {
      let offering = instance.offerings[a.offering]
      guard previousKeys.contains(AttendanceKey(student: a.student, course: offering.course, slot: offering.slot)) else { continue }
      if values[a.variable.index] > 0.5 { kept.insert(a.student) } else { lost.insert(a.student) }
    }
    for stay in stays {
      values[stay.variable.index] = kept.contains(stay.student) && !lost.contains(stay.student) ? 1 : 0
    }
  }

  /// SPEC §2's objective plus the keep bonus of the students who stay: what the re-solve
  /// maximises first (the tie-breaking kept placements left out).
  public func stableValue(of values: [Double]) -> Int {
    let bonus = stability?.keepBonus ?? 0
    return objective(of: values) + bonus * stays.filter { values[$0.variable.index] > 0.5 }.count
  }

  /// The previous timetable, as far as it still holds, as a warm start: its sections whose room
  /// and teacher this model has, with the students still in the school who have a column there;
  /// a section left under its minimum or over its capacity is closed. `nil` when the rest still
  /// breaks a row (a changed `fixed.csv`, a teacher's new weekly limit, `--max-moves`).
  public func previousStart() -> [Double]? {
    guard let previous = stability?.previous else { return nil }
    var names = Set<String>()
    for v in model.variables { names.insert(v.name) }
    let students = Set(school.students.map(\.id))
    var sections: [String: Section] = [:]
    for section in previous.sections {
      let tag = "\(section.course),\(section.slot.id)"
      if names.contains("room[\(tag),\(section.room)]"), names.contains("teach[\(tag),\(section.teacher)]") {
        sections[section.id] = section
      }
    }
    let placements = previous.placements.filter { p in
      guard students.contains(p.student), let section = sections[p.section] else { return false }
      return names.contains("x[\(p.student),\(section.course),\(section.slot.id)]")
    }
    let enrolled = Dictionary(grouping: placements, by: \.section)
    let open = sections.values.filter { section in
      guard let course = school.course(section.course), let room = school.rooms.first(where: { $0.id == section.room }) else {
        return false
      }
      let n = enrolled[section.id]?.count ?? 0
      return n >= course.minSize && n <= min(course.maxSize, room.capacity)
    }
    let ids = Set(open.map(\.id))
    return values(of: Solution(sections: open, placements: placements.filter { ids.contains($0.section) }))
  }
}

extension Stability {
  /// Whether a student can keep every old placement: each is still possible, and they do not
  /// now ask for fewer electives than they had.
  static func canStay(_ student: Student, _ list: [PreviousPlacement], _ keepability: [PreviousPlacement: Keepability]) -> Bool {
    list.count <= student.electives && list.allSatisfy { keepability[$0] == .keepable }
  }
}
