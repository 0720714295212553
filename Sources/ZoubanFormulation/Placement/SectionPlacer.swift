import MIPModel
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
  /// fixed.csv's pinned (course, slot) pairs, looked up for every move and swap tried.
  private let pinned: Set<CourseSlot>
  /// When the local search stops improving and returns the placement it has (the greedy and
  /// the spare sections always finish: they are what makes a timetable at all).
  private let deadline: Deadline

  init(instance: Instance, plan: CoursePlan, deadline: Deadline = .none) {
    self.instance = instance
    self.plan = plan
    self.deadline = deadline
    state = PlacementState(instance: instance, plan: plan)
    pinned = Set(instance.pinnedSlots().map { CourseSlot(course: $0.course, slot: $0.slot) })
  }

  /// Two placements, the more promising first, each improved by moving and swapping sections
  /// and topped up with spare sections: the relaxation's own sections (rooms and teachers fit
  /// slot by slot, but students' clashes were not seen), and the greedy's, which weighs each
  /// student's other courses as it goes (repaired by `SectionPacking` when it leaves planned
  /// sections out).
  /// The relaxation's goes first unless the greedy's scores more than 0.1 % of the planned
  /// weight above it: the score ignores minimum sizes and students moving to unplanned choices
  /// (on the 4,000-student generated school a greedy 0.002 % ahead on score ended 0.13 % behind
  /// after stage 3; on the 4-slot 300-student school it is 0.2 % ahead and 0.06 % behind, so
  /// stage 3 assigns both there).
  /// `solve` solves the packing model (GLPK, from the caller: this module does not link it)
  /// from a starting point, or returns nil.
  mutating func place(passes: Int = 4, solve: (_ model: MIPModel, _ start: [Double]) throws -> [Double]?) rethrows -> [SectionLayout] {
    let fresh = state
    for section in plan.placed {
      guard let c = instance.courseIndex[section.course], let r = instance.roomIndex[section.room],
        let p = instance.teacherIndex[section.teacher]
      else { continue }
      state.add(PlacedSection(course: c, slot: section.slot, room: r, teacher: p))
    }
    improve(passes: passes)
    let relaxationScore = state.score
    let relaxation = finished("relaxation's sections")
    state = fresh
    placeGreedily()
    let repaired = try repairIfShort(solve: solve)
    improve(passes: passes)
    let greedyScore = state.score
    let greedy = finished(repaired ? "greedy, repaired by packing" : "greedy")
    return greedyScore > relaxationScore + relaxation.planned / 1000 ? [greedy, relaxation] : [relaxation, greedy]
  }

  /// The greedy's placement alone (repaired, improved, with spare sections): for a plan that
  /// carries no sections of its own (`QuickPlan`).
  mutating func placeByGreedyOnly(solve: (_ model: MIPModel, _ start: [Double]) throws -> [Double]?) rethrows -> SectionLayout {
    placeGreedily()
    let repaired = try repairIfShort(solve: solve)
    // Moves only: swaps would make this rough timetable cost seconds at 4,000 students.
    _ = improveByMoves()
    return finished(repaired ? "greedy, repaired by packing" : "greedy")
  }

  /// The placement as it stands, with spare sections added.
  private mutating func finished(_ start: String) -> SectionLayout {
    let (proxy, planned) = state.proxyTotal
    let realisesPlan = state.score == planned
    addSpareSections()
    return SectionLayout(sections: state.sections(), start: start, proxy: proxy, planned: planned, realisesPlan: realisesPlan)
  }

  /// Moves single sections, then swaps pairs, each until nothing improves or `passes` runs.
  private mutating func improve(passes: Int) {
    for _ in 0..<passes where !deadline.expired && improveByMoves() {}
    for _ in 0..<passes where !deadline.expired && improveBySwaps() {}
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
      guard sections < school.courses[course].maxSections, let spare = state.spareSection(course: course, wanting: ranking[course]),
        withinBudget(adding: spare)
      else {
        open.remove(course)
        continue
      }
      state.add(spare)
    }
  }

  /// Whether the placement's teacher pay stays within `[rules] teacher_pay_budget` with `spare`
  /// added: stage 3 would have to close a spare section over it, and the first timetable, which
  /// opens the sections its students fill, would break the budget and be no start at all.
  private func withinBudget(adding spare: PlacedSection) -> Bool {
    let school = instance.school
    guard let budget = school.rules.teacherPayBudget else { return true }
    let pay = (state.placed + [spare]).reduce(0.0) { $0 + school.teachers[$1.teacher].rate }
    return pay <= Double(budget) + 1e-6
  }

  /// The planned sections of each course (course index → count).
  private var plannedSections: [Int: Int] {
    plan.sections.reduce(into: [:]) { counts, item in
      if let c = instance.courseIndex[item.course] { counts[c, default: 0] += item.count }
    }
  }

  /// When the greedy left a planned section out, or a course short of the seats its planned
  /// students need, packs the sections exactly with GLPK (`SectionPacking`) and starts over from
  /// that packing. Whether it helped is the packing's own objective: never fewer seats.
  /// Returns whether it replaced the greedy's placement.
  private mutating func repairIfShort(solve: (MIPModel, [Double]) throws -> [Double]?) rethrows -> Bool {
    let planned = plannedSections
    let seatsWanted = Dictionary(uniqueKeysWithValues: planned.keys.map { ($0, state.students(of: $0).count) })
    let short = planned.contains { c, count in
      state.placed.filter { $0.course == c }.count < count || state.seats(of: c) < seatsWanted[c]!
    }
    guard short else { return false }
    let packing = SectionPacking(
      instance: instance, sectionsPlanned: planned, seatsWanted: seatsWanted,
      seatPrice: instance.school.courses.indices.map(state.seatPrice), greedy: state.placed)
    guard let values = try solve(packing.model, packing.start),
      packing.model.objectiveValue(values) > packing.model.objectiveValue(packing.start) + 0.5
    else { return false }
    state = PlacementState(instance: instance, plan: plan)
    for section in packing.sections(from: values) { state.add(section) }
    return true
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
    for pin in instance.pinnedSlots() {
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
    for index in state.placed.indices where !deadline.expired {
      let current = state.placed[index]
      state.remove(at: index)
      let others = state.candidates(course: current.course, teacher: current.teacher).filter { $0 != current }
      if let best = state.best(of: others), let stay = state.best(of: [current]), best.gain > stay.gain,
        !isPinnedAway(current, to: best.section.slot)
      {
        state.insert(best.section, at: index)
        moved = true
      } else {
        state.insert(current, at: index)
      }
    }
    return moved
  }

  /// One pass over pairs of sections in different slots, one of them of a course with a
  /// clashing student: swap their slots (each keeps its teacher and takes the best free room)
  /// when that raises the score. A single move cannot do this when each section's room or
  /// teacher is busy in the other's slot, which is how clashes survive `improveByMoves` when
  /// the week is full. Returns whether anything was swapped.
  private mutating func improveBySwaps() -> Bool {
    let clashing = state.coursesOfClashingStudents
    var swapped = false
    for i in state.placed.indices where clashing.contains(state.placed[i].course) && !deadline.expired {
      for j in state.placed.indices where j != i && state.placed[j].slot != state.placed[i].slot && !deadline.expired {
        if trySwap(i, j) { swapped = true }
      }
    }
    return swapped
  }

  /// Swaps the slots of sections `i` and `j` if both can go and the score rises; otherwise
  /// leaves the placement as it was.
  private mutating func trySwap(_ i: Int, _ j: Int) -> Bool {
    let a = state.placed[i]
    let b = state.placed[j]
    guard a.course != b.course else { return false }
    let courses: Set = [a.course, b.course]
    let before = state.score(around: courses)
    let (low, high) = (min(i, j), max(i, j))
    state.remove(at: high)
    state.remove(at: low)
    var moved: [(index: Int, section: PlacedSection)] = []
    for (index, section, slot) in [(i, a, b.slot), (j, b, a.slot)] {
      guard !isPinnedAway(section, to: slot) else { break }
      guard state.canTeach(section.teacher, section.course, slot), let room = state.bestRoom(course: section.course, slot: slot)
      else { break }
      let placed = PlacedSection(course: section.course, slot: slot, room: room, teacher: section.teacher)
      state.add(placed)
      moved.append((index, placed))
    }
    let better = moved.count == 2 && state.score(around: courses) > before
    for _ in moved { state.remove(at: state.placed.count - 1) }
    let result = better ? moved.sorted { $0.index < $1.index } : [(i, a), (j, b)].sorted { $0.index < $1.index }
    for (index, section) in result { state.insert(section, at: index) }
    return better
  }

  /// Whether moving `section` (already taken out of the placement) to `slot` would leave a
  /// pinned (course, slot) of fixed.csv without a section.
  private func isPinnedAway(_ section: PlacedSection, to slot: Slot) -> Bool {
    guard section.slot != slot else { return false }
    return pinned.contains(CourseSlot(course: section.course, slot: section.slot))
      && !state.placed.contains { $0.course == section.course && $0.slot == section.slot }
  }
}
