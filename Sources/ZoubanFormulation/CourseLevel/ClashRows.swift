import MIPModel
import ZoubanModel

/// Rows that make the course-level model see students' clashes between courses with one
/// section: a student's two such courses must meet in different slots. Every row holds for
/// every timetable, so the model stays a relaxation and its optimum a bound.
///
/// Why: where slots are few, clashes are what the plain course level misses. On the generated
/// 300-student school with 4 slots its bound is 49,375; with these rows the model's optimum is
/// 49,025, against the school's 49,020 (the rest is 服从调剂 placements, counted per group,
/// and courses with several sections, which get no rows).
///
/// - `o[c,t] = Σ_r room[c,t,r]`: sections of `c` in slot `t`. GLPK branches on these first
///   (`openings`), courses with the fewest possible slots first: once every course has its
///   slot, the rest is nearly decided.
/// - Slots that nothing tells apart (`School.interchangeableSlots`) would make GLPK search each
///   arrangement once per order of them; one course that could meet in any of them meets in the
///   first, if in any (`breakSymmetry`).
/// - `same[a,b] ≥ o[a,t] + o[b,t] − 1` for each slot both can use; `y[s,a] + y[s,b] + same[a,b] ≤ 2`.
/// - A course in a slot the student cannot attend is not theirs: `y[s,c] ≤ Σ_{t they can attend} o[c,t]`.
extension CourseLevelModel {
  /// Keeps only points at least one objective step better than a timetable of value `value`
  /// (`MIPModel.requireBetter`); the step, or `nil` (and no row) when the objective has none.
  public mutating func requireBetter(than value: Int) -> Int? {
    guard let step = model.objectiveStep else { return nil }
    model.requireBetter(than: Double(value), step: step)
    return Int(step)
  }

  mutating func addClashRows() {
    let opening = addOpenings()
    let single = Set(sections.keys.filter { (model.variables[sections[$0]!.index].upper ?? 2) <= 1 })
    breakSymmetry(single: single, opening: opening)
    var same: [[Int]: MIPModel.VariableID] = [:]
    let takesByStudent = Dictionary(grouping: takes.filter { single.contains($0.course) }, by: \.student)
    for s in takesByStudent.keys.sorted() {
      let mine = takesByStudent[s]!.sorted { $0.course < $1.course }
      let student = school.students[s]
      for take in mine {
        let slots = instance.offerings(of: take.course).map(\.slot)
        let usable = slots.filter(student.isAvailable)
        guard usable.count < slots.count else { continue }
        let terms = usable.map { MIPModel.Term(opening[CourseSlot(course: take.course, slot: $0)]!, -1) }
        model.addRow("attend[\(student.id),\(school.courses[take.course].code)]", [.init(take.variable, 1)] + terms, upper: 0)
      }
      for (i, a) in mine.enumerated() {
        for b in mine[(i + 1)...] {
          guard let both = sameSlot(a.course, b.course, opening: opening, same: &same) else { continue }
          model.addRow(
            "clash[\(student.id),\(school.courses[a.course].code),\(school.courses[b.course].code)]",
            [.init(a.variable, 1), .init(b.variable, 1), .init(both, 1)], upper: 2)
        }
      }
    }
  }

  /// `o[c,t]` for every offering.
  private mutating func addOpenings() -> [CourseSlot: MIPModel.VariableID] {
    var terms: [CourseSlot: [MIPModel.Term]] = [:]
    for r in slotted { terms[CourseSlot(course: r.course, slot: r.slot), default: []].append(.init(r.variable, 1)) }
    var result: [CourseSlot: MIPModel.VariableID] = [:]
    let instance = self.instance
    let slots = { (c: Int) in instance.offerings(of: c).count }
    for key in terms.keys.sorted(by: { (slots($0.course), $0.course, $0.slot) < (slots($1.course), $1.course, $1.slot) }) {
      let name = "\(school.courses[key.course].code),\(key.slot.id)"
      let o = model.addVariable("o[\(name)]", kind: .integer, upper: Double(terms[key]!.count))
      model.addRow("o[\(name)]", terms[key]! + [.init(o, -1)], lower: 0, upper: 0)
      result[key] = o
      openings.append(o)
    }
    return result
  }

  /// In each class of interchangeable slots, one one-section course that could meet in every
  /// slot of the class may not meet in any but the first: any timetable becomes one that obeys
  /// this by swapping two of the class's slots, with the same value. The course with the fewest
  /// slots outside the class, then the most students, is the one most surely in it.
  private mutating func breakSymmetry(single: Set<Int>, opening: [CourseSlot: MIPModel.VariableID]) {
    let demand = Dictionary(grouping: takes, by: \.course).mapValues(\.count)
    let instance = self.instance
    let key = { (c: Int) in (-instance.offerings(of: c).count, demand[c] ?? 0, -c) }
    for slots in school.interchangeableSlots() {
      let candidates = single.filter { c in slots.allSatisfy { opening[CourseSlot(course: c, slot: $0)] != nil } }
      guard let c = candidates.max(by: { key($0) < key($1) }) else { continue }
      for slot in slots.dropFirst() { model.fix(opening[CourseSlot(course: c, slot: slot)]!, to: 0) }
    }
  }

  /// `same[a,b]`, 1 when the two one-section courses meet in the same slot; `nil` when they
  /// have no slot in common.
  private mutating func sameSlot(
    _ a: Int, _ b: Int, opening: [CourseSlot: MIPModel.VariableID], same: inout [[Int]: MIPModel.VariableID]
  ) -> MIPModel.VariableID? {
    if let known = same[[a, b]] { return known }
    let common = school.week.slots.filter {
      opening[CourseSlot(course: a, slot: $0)] != nil && opening[CourseSlot(course: b, slot: $0)] != nil
    }
    guard !common.isEmpty else { return nil }
    let name = "\(school.courses[a].code),\(school.courses[b].code)"
    let v = model.addVariable("same[\(name)]", kind: .continuous, upper: 1)
    for slot in common {
      let pair = [opening[CourseSlot(course: a, slot: slot)]!, opening[CourseSlot(course: b, slot: slot)]!]
      model.addRow("same[\(name),\(slot.id)]", pair.map { .init($0, 1) } + [.init(v, -1)], upper: 1)
    }
    same[[a, b]] = v
    return v
  }
}

extension School {
  /// Classes of two or more slots that nothing in the school tells apart: every room, teacher and
  /// student is free in all of them or in none, every course may meet in all or none, and no
  /// fixed.csv row names one. Swapping two slots of a class turns a timetable into another of
  /// the same value. Slots in week order, classes by their first slot.
  func interchangeableSlots() -> [[Slot]] {
    let pinned = Set(fixed.compactMap(\.slot))
    var classes: [[Bool]: [Slot]] = [:]
    for slot in week.slots where !pinned.contains(slot) {
      let signature =
        rooms.map { $0.isAvailable(in: slot) } + teachers.map { $0.isAvailable(in: slot) }
        + students.map { $0.isAvailable(in: slot) } + courses.map { $0.slots.contains(slot) }
      classes[signature, default: []].append(slot)
    }
    return classes.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
  }
}
