import ZoubanModel

/// Decomposition stage 2: puts the sections the course-level plan opens into slots, rooms and
/// teachers, so that as many planned (student, course) pairs as possible can be realised.
///
/// GLPK's branch-and-bound does not find good placements by itself at school scale, so this is
/// our own search: a greedy that follows the plan's per-teacher quotas, then local search that
/// moves single sections to better slots. Both judge a placement by a proxy: for every student,
/// the best weight of their planned courses that can go into distinct slots they can attend
/// (a small matching per student; section capacities are left to stage 3's exact model).
struct SectionPlacer {
  let instance: Instance
  let plan: CoursePlan
  private var state: PlacementState

  init(instance: Instance, plan: CoursePlan) {
    self.instance = instance
    self.plan = plan
    state = PlacementState(instance: instance, plan: plan)
  }

  /// The proxy reached and its most, for `--verbose`.
  var proxy: (value: Int, planned: Int) { state.proxyTotal }

  /// The placed sections, ready for stage 3.
  mutating func place(passes: Int = 4) -> [Section] {
    placeGreedily()
    for _ in 0..<passes where improveByMoves() {}
    addSpareSections()
    return state.sections()
  }

  /// Opens extra sections with the rooms and teachers left over, for courses more students rank
  /// than they seat: stage 3 may fill them with students the plan could not place, or close
  /// them, so they never cost anything. Most wanted course first, one section at a time.
  private mutating func addSpareSections() {
    let school = instance.school
    let ranking = school.courses.map { course in school.students.indices.filter { school.students[$0].choices.contains(course.code) } }
    var open = Set(school.courses.indices)
    while true {
      let wanted = open.map { c in (c, ranking[c].count - state.seats(of: c)) }.filter { $0.1 > 0 }
      guard let (course, _) = wanted.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }) else { return }
      let sections = state.placed.filter { $0.course == course }.count
      guard sections < school.courses[course].maxSections, let spare = state.spareSection(course: course, wanting: ranking[course])
      else {
        open.remove(course)
        continue
      }
      state.add(spare)
    }
  }

  /// Places each planned section in the slot that adds most to the proxy, hardest courses first:
  /// pinned slots from `fixed.csv` first, then courses with the fewest usable slots.
  private mutating func placeGreedily() {
    let school = instance.school
    var work: [(course: Int, teacher: Int)] = []
    for (code, teacher, count) in plan.quotas {
      guard let c = instance.courseIndex[code], let p = school.teachers.firstIndex(where: { $0.id == teacher }) else { continue }
      work += Array(repeating: (c, p), count: count)
    }
    let slotCount = school.courses.indices.map { instance.offerings(of: $0).count }
    work.sort { a, b in
      (slotCount[a.course], -state.students(of: a.course).count, a.course, a.teacher)
        < (slotCount[b.course], -state.students(of: b.course).count, b.course, b.teacher)
    }
    for pin in pinnedSlots() {
      guard let i = work.firstIndex(where: { $0.course == pin.course && state.canTeach($0.teacher, pin.course, pin.slot) })
      else { continue }
      let item = work.remove(at: i)
      if let room = state.bestRoom(course: item.course, slot: pin.slot) {
        state.add(PlacedSection(course: item.course, slot: pin.slot, room: room, teacher: item.teacher))
      }
    }
    for item in work {
      let teachers = [item.teacher] + instance.offerings(of: item.course).flatMap(\.teachers).filter { $0 != item.teacher }
      var placed = false
      for teacher in Array(Set(teachers)).sorted(by: { ($0 == item.teacher ? 0 : 1, $0) < ($1 == item.teacher ? 0 : 1, $1) }) where !placed {
        if let best = state.best(of: state.candidates(course: item.course, teacher: teacher)) {
          state.add(best.section)
          placed = true
        }
      }
    }
  }

  /// One pass over every section: move it to the (slot, room) with the best proxy if that is
  /// strictly better. Returns whether anything moved.
  private mutating func improveByMoves() -> Bool {
    var moved = false
    for index in state.placed.indices {
      let current = state.placed[index]
      state.remove(at: index)
      let others = state.candidates(course: current.course, teacher: current.teacher).filter { $0 != current }
      if let best = state.best(of: others), let stay = state.best(of: [current]), best.gain > stay.gain,
        !isPinnedAway(current, to: best.section)
      {
        state.insert(best.section, at: index)
        moved = true
      } else {
        state.insert(current, at: index)
      }
    }
    return moved
  }

  /// Whether moving `section` would leave a pinned (course, slot) of fixed.csv without a section.
  private func isPinnedAway(_ section: PlacedSection, to new: PlacedSection) -> Bool {
    guard section.slot != new.slot else { return false }
    let pinned = pinnedSlots().contains { $0.course == section.course && $0.slot == section.slot }
    return pinned && !state.placed.contains { $0.course == section.course && $0.slot == section.slot }
  }

  /// Distinct (course, slot) pairs that fixed.csv pins.
  private func pinnedSlots() -> [(course: Int, slot: Slot)] {
    var seen = Set<PinKey>()
    return instance.school.fixed.compactMap { row in
      guard let slot = row.slot, let c = instance.courseIndex[row.course],
        seen.insert(PinKey(course: c, slot: slot)).inserted
      else { return nil }
      return (c, slot)
    }
  }
}

private struct PinKey: Hashable {
  let course: Int
  let slot: Slot
}
