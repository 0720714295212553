import MIPModel
import ZoubanModel

/// Rows that make the course-level model see students' clashes between courses with one
/// section: a student's two such courses must meet in different slots. Every row holds for
/// every timetable, so the model stays a relaxation and its optimum a bound.
///
/// Why: where slots are few, clashes are what the plain course level misses. On the generated
/// 300-student school with 4 slots its bound is 49,375; with these rows the model's optimum is
/// the school's, 49,020.
///
/// - GLPK branches first on whether and how often each course opens, `n[c]`, the most requested
///   course first, then on `o[c,t] = Σ_r room[c,t,r]`, its sections in slot `t`, courses with
///   the fewest possible slots first (`branchOrder`): once every course is open or closed and
///   has its slot, the rest is nearly decided. Why sections first: the relaxation opens courses
///   by halves (seed 2026 below: 文学社, 数学思维拓展 and 英语阅读拓展 at 0.5), and slots
///   branched on before that are searched again under each way of opening them. Seed 2026's
///   clash model: 30–34 s with the slots alone, 3.2 s with `n[c]` in catalog order, 2.2–3.0 s
///   most requested first.
/// - Slots that nothing tells apart (`School.interchangeableSlots`) would make GLPK search each
///   arrangement once per order of them; one course that could meet in any of them meets in the
///   first, if in any (`breakSymmetry`).
/// - `same[a,b] ≥ o[a,t] + o[b,t] − 1` for each slot both can use; `y[s,a] + y[s,b] + same[a,b] ≤ 2`.
/// - A course in a slot the student cannot attend is not theirs: `y[s,c] ≤ Σ_{t they can attend} o[c,t]`.
/// - `slotsForSeveral`: a course with several sections gets `x[s,c,t]` per slot the student can
///   attend, `y[s,c] = Σ_t x[s,c,t]`, `Σ_s x[s,c,t] ≤` the seats of its sections in `t`, and
///   against a one-section course `x[s,a,t] + y[s,b] + o[b,t] ≤ 2`, against another
///   `x[s,a,t] + x[s,b,t] ≤ 1`. Tighter where such courses matter, but several times slower for
///   GLPK (300 generated students, 4 slots: seed 16, 0.13 s → 2.6 s, bound 51,155 → 51,025, the
///   optimum; seed 13, 7.3 s → 22.7 s for the same bound).
/// - 服从调剂 placements, counted per group (`FlexibleGroup`), get their slots per member
///   (`addFlexibleSlots`): a member's unranked placement never meets with their ranked course or
///   another unranked one.
extension CourseLevelModel {
  /// Keeps only points at least one objective step better than a timetable of value `value`
  /// (`MIPModel.requireBetter`); the step, or `nil` (and no row) when the objective has none.
  public mutating func requireBetter(than value: Int) -> Int? {
    guard let step = model.objectiveStep else { return nil }
    model.requireBetter(than: Double(value), step: step)
    return Int(step)
  }

  /// The rows above, per student and pair of their courses; without `slotsForSeveral`, only
  /// between one-section courses.
  mutating func addClashRows(slotsForSeveral: Bool) {
    // Each course's ranked or fixed takes.
    let requests = Dictionary(grouping: takes, by: \.course).mapValues(\.count)
    branchOrder = sectionsMostRequestedFirst(requests)
    let opening = addOpenings()
    let single = Set(sections.keys.filter { (model.variables[sections[$0]!.index].upper ?? 2) <= 1 })
    breakSymmetry(single: single, opening: opening, requests: requests)
    var same: [[Int]: MIPModel.VariableID] = [:]
    var seats: [CourseSlot: [MIPModel.Term]] = [:]
    /// Each student's takes of one-section courses, and slot columns for each course with several
    /// sections: what their 服从调剂 placements clash with (`addFlexibleSlots`).
    var oneSection: [Int: [Take]] = [:]
    var slotColumns: [Int: [Int: [Slot: MIPModel.VariableID]]] = [:]
    let kept = takes.filter { single.contains($0.course) || slotsForSeveral }
    for (s, mine) in Dictionary(grouping: kept, by: \.student).sorted(by: { $0.key < $1.key }) {
      let student = school.students[s]
      let mine = mine.sorted { $0.course < $1.course }
      var slotOf: [Int: [Slot: MIPModel.VariableID]] = [:]
      for take in mine {
        if single.contains(take.course) {
          addAttendance(student: s, take: take, opening: opening)
          oneSection[s, default: []].append(take)
        } else {
          slotOf[take.course] = addSlots(student: s, take: take, seats: &seats)
        }
      }
      slotColumns[s] = slotOf
      for (i, a) in mine.enumerated() {
        for b in mine[(i + 1)...] {
          let name = "\(student.id),\(school.courses[a.course].code),\(school.courses[b.course].code)"
          switch (slotOf[a.course], slotOf[b.course]) {
          case (nil, nil):
            guard let both = sameSlot(a.course, b.course, opening: opening, same: &same) else { continue }
            model.addRow("clash[\(name)]", [.init(a.variable, 1), .init(b.variable, 1), .init(both, 1)], upper: 2)
          case (let xa?, nil):
            addSlottedClash(name: name, xa, b.variable, course: b.course, opening: opening)
          case (nil, let xb?):
            addSlottedClash(name: name, xb, a.variable, course: a.course, opening: opening)
          case (let xa?, let xb?):
            for (slot, x) in xa.sorted(by: { $0.key < $1.key }) {
              guard let other = xb[slot] else { continue }
              model.addRow("clash[\(name),\(slot.id)]", [.init(x, 1), .init(other, 1)], upper: 1)
            }
          }
        }
      }
    }
    for g in flexibleGroups.indices {
      addFlexibleSlots(group: g, opening: opening, oneSection: oneSection, slotColumns: slotColumns)
    }
    let rooms = Dictionary(grouping: slotted) { CourseSlot(course: $0.course, slot: $0.slot) }
    for (key, terms) in seats.sorted(by: { ($0.key.course, $0.key.slot) < ($1.key.course, $1.key.slot) }) {
      let capacity = rooms[key, default: []].map { MIPModel.Term($0.variable, -Double($0.capacity)) }
      model.addRow("seats[\(school.courses[key.course].code),\(key.slot.id)]", terms + capacity, upper: 0)
    }
  }

  /// The slots of a 服从调剂 group's unranked placements, per member: `w[s,t]` ∈ {0,1} when
  /// member `s` has an unranked placement in slot `t`, with `Σ_t w[s,t] = a[s]` (their share);
  /// `z[c,g,t]`, the group's placements in course `c` in slot `t`, with `Σ_t z[c,g,t] = z[c,g]`
  /// and `z[c,g,t] ≤ members · o[c,t]`; per slot, `Σ_{s∈g} w[s,t] = Σ_c z[c,g,t]`. Against each
  /// ranked one-section course `a` of the member, `w[s,t] + y[s,a] + o[a,t] ≤ 2`; against a
  /// ranked course with several sections (`slotsForSeveral`), `w[s,t] + x[s,a,t] ≤ 1`.
  ///
  /// Every timetable satisfies them (`w`: the slots of a member's unranked courses, one course a
  /// slot), so the model stays a relaxation. Why: a group's count alone may hand a member an
  /// unranked club in the slot of their ranked one, or two unranked clubs in one slot; per slot
  /// and member it cannot, with a column per member and slot rather than per member and course.
  /// 300 generated students, 4 slots: seed 2026's clash model proves the optimum, 49,020, in
  /// 34 s. Without them it proved 49,025 in 15 s, and a column per 服从调剂 student and unranked
  /// course instead (clashing with their ranked courses only) needed 46 s more for 49,020.
  private mutating func addFlexibleSlots(
    group g: Int, opening: [CourseSlot: MIPModel.VariableID], oneSection: [Int: [Take]],
    slotColumns: [Int: [Int: [Slot: MIPModel.VariableID]]]
  ) {
    let group = flexibleGroups[g]
    var placed: [Slot: [MIPModel.Term]] = [:]
    for (i, s) in group.students.enumerated() {
      let student = school.students[s]
      let courses = group.membersByCourse.filter { $0.value.contains(s) }.keys
      let slots = school.week.slots.filter { t in
        student.isAvailable(in: t) && courses.contains { opening[CourseSlot(course: $0, slot: t)] != nil }
      }
      var share = [MIPModel.Term(group.shares[i], -1)]
      for t in slots {
        let w = model.addVariable("w[\(student.id),\(t.id)]", kind: .binary)
        share.append(.init(w, 1))
        placed[t, default: []].append(.init(w, 1))
        for take in oneSection[s] ?? [] {
          guard let o = opening[CourseSlot(course: take.course, slot: t)] else { continue }
          model.addRow("wclash[\(student.id),\(school.courses[take.course].code),\(t.id)]", [.init(w, 1), .init(take.variable, 1), .init(o, 1)], upper: 2)
        }
        for (c, x) in (slotColumns[s] ?? [:]).sorted(by: { $0.key < $1.key }) {
          guard let x = x[t] else { continue }
          model.addRow("wclash[\(student.id),\(school.courses[c].code),\(t.id)]", [.init(w, 1), .init(x, 1)], upper: 1)
        }
      }
      model.addRow("wshare[\(student.id)]", share, lower: 0, upper: 0)
    }
    for take in flexible where take.group == g {
      let code = school.courses[take.course].code
      let members = Double(group.membersByCourse[take.course]!.count)
      var sum = [MIPModel.Term(take.variable, -1)]
      for t in school.week.slots {
        guard let o = opening[CourseSlot(course: take.course, slot: t)] else { continue }
        let z = model.addVariable("z[\(code),\(group.name),\(t.id)]", kind: .continuous, upper: members)
        sum.append(.init(z, 1))
        placed[t, default: []].append(.init(z, -1))
        model.addRow("zslot[\(code),\(group.name),\(t.id)]", [.init(z, 1), .init(o, -members)], upper: 0)
      }
      model.addRow("zslots[\(code),\(group.name)]", sum, lower: 0, upper: 0)
    }
    for t in school.week.slots {
      guard let terms = placed[t] else { continue }
      model.addRow("wslot[\(group.name),\(t.id)]", terms, lower: 0, upper: 0)
    }
  }

  /// `y[s,c] ≤ Σ_{t the student can attend} o[c,t]`, when there is a slot they cannot.
  private mutating func addAttendance(student s: Int, take: Take, opening: [CourseSlot: MIPModel.VariableID]) {
    let student = school.students[s]
    let slots = instance.offerings(of: take.course).map(\.slot)
    let usable = slots.filter(student.isAvailable)
    guard usable.count < slots.count else { return }
    let terms = usable.map { MIPModel.Term(opening[CourseSlot(course: take.course, slot: $0)]!, -1) }
    model.addRow("attend[\(student.id),\(school.courses[take.course].code)]", [.init(take.variable, 1)] + terms, upper: 0)
  }

  /// `x[s,c,t]` for each slot of a course with several sections that the student can attend
  /// (only the pinned one, if any), with `y[s,c] = Σ_t x[s,c,t]`; `seats` collects each slot's takes.
  private mutating func addSlots(student s: Int, take: Take, seats: inout [CourseSlot: [MIPModel.Term]]) -> [Slot: MIPModel.VariableID] {
    let student = school.students[s]
    let code = school.courses[take.course].code
    var result: [Slot: MIPModel.VariableID] = [:]
    var link = [MIPModel.Term(take.variable, -1)]
    for offering in instance.offerings(of: take.course)
    where student.isAvailable(in: offering.slot) && (take.pinned ?? offering.slot) == offering.slot {
      let x = model.addVariable("x[\(student.id),\(code),\(offering.slot.id)]", kind: .binary)
      result[offering.slot] = x
      link.append(.init(x, 1))
      seats[CourseSlot(course: take.course, slot: offering.slot), default: []].append(.init(x, 1))
    }
    model.addRow("slot[\(student.id),\(code)]", link, lower: 0, upper: 0)
    return result
  }

  /// `x[s,a,t] + y[s,b] + o[b,t] ≤ 2`: taking `a` in the slot of one-section `b` leaves no room for `b`.
  private mutating func addSlottedClash(
    name: String, _ x: [Slot: MIPModel.VariableID], _ y: MIPModel.VariableID, course b: Int, opening: [CourseSlot: MIPModel.VariableID]
  ) {
    for (slot, xa) in x.sorted(by: { $0.key < $1.key }) {
      guard let o = opening[CourseSlot(course: b, slot: slot)] else { continue }
      model.addRow("clash[\(name),\(slot.id)]", [.init(xa, 1), .init(y, 1), .init(o, 1)], upper: 2)
    }
  }

  /// `n[c]` of every course, the most requested (ranked or fixed takes) first, then in catalog
  /// order: the courses whose opening moves the most students are decided first.
  private func sectionsMostRequestedFirst(_ requests: [Int: Int]) -> [MIPModel.VariableID] {
    sections.keys.sorted { (-(requests[$0] ?? 0), $0) < (-(requests[$1] ?? 0), $1) }.map { sections[$0]! }
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
      branchOrder.append(o)
    }
    return result
  }

  /// In each class of interchangeable slots, one one-section course that could meet in every
  /// slot of the class may not meet in any but the first: any timetable becomes one that obeys
  /// this by swapping two of the class's slots, with the same value. The course with the fewest
  /// slots outside the class, then the most students, is the one most surely in it.
  private mutating func breakSymmetry(single: Set<Int>, opening: [CourseSlot: MIPModel.VariableID], requests: [Int: Int]) {
    let instance = self.instance
    let key = { (c: Int) in (-instance.offerings(of: c).count, requests[c] ?? 0, -c) }
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
