import ZoubanModel

/// A first timetable for stage 3, made from the plan without GLPK: each student, priority
/// students first, takes their planned courses, heaviest first, each in a placed section with a
/// free seat in a slot they can attend and have not used; then every (course, slot) keeps the
/// sections its students can fill to the minimum, and students beyond their seats lose it.
///
/// Stage 3 starts from it instead of from opening nothing. At school scale GLPK spends most of
/// stage 3 in the root LP (26 s at 10,000 generated students), and a stage 3 that runs out of
/// time there returns its start: this one, not an empty timetable. It is also the timetable a
/// user sees first.
struct PlanRealisation {
  private let instance: Instance
  private var offerings: [CourseSlot: Offered] = [:]

  /// The placed sections of one (course, slot), largest seats first, and who sits there.
  private struct Offered {
    var sections: [(section: Section, seats: Int)]
    var students: [Int] = []
    var seatsLeft: Int
  }

  init(instance: Instance, sections: [Section]) {
    self.instance = instance
    let school = instance.school
    for section in sections {
      guard let c = instance.courseIndex[section.course], let r = instance.roomIndex[section.room] else { continue }
      let seats = min(school.courses[c].maxSize, school.rooms[r].capacity)
      offerings[CourseSlot(course: c, slot: section.slot), default: Offered(sections: [], seatsLeft: 0)].sections
        .append((section, seats))
      offerings[CourseSlot(course: c, slot: section.slot)]!.seatsLeft += seats
    }
  }

  /// The timetable realising as much of `plan` as this greedy can. With `anyRanked`, students
  /// with electives to spare then also take their other ranked courses where seats are left
  /// (for a plan without a model behind it: stage 3 may offer only the planned courses).
  mutating func solution(plan: CoursePlan, anyRanked: Bool = false) -> Solution {
    let school = instance.school
    var planned = [[Int]](repeating: [], count: school.students.count)
    for (student, code) in plan.takes {
      guard let s = instance.studentIndex[student], let c = instance.courseIndex[code] else { continue }
      planned[s].append(c)
    }
    let order = school.students.indices.sorted { (-instance.multiplier(student: $0), $0) < (-instance.multiplier(student: $1), $1) }
    var used = [Set<Slot>](repeating: [], count: school.students.count)
    var taken = [Set<Int>](repeating: [], count: school.students.count)
    for s in order where !planned[s].isEmpty {
      let courses = planned[s].sorted { (-instance.utility(student: s, course: $0), $0) < (-instance.utility(student: s, course: $1), $1) }
      for c in courses { seat(s, in: c, used: &used[s], taken: &taken[s]) }
    }
    if anyRanked {
      for s in order {
        let ranked = school.students[s].choices.compactMap { instance.courseIndex[$0] }
          .filter { school.courses[$0].grades.contains(school.students[s].grade) }
        for c in ranked where !taken[s].contains(c) { seat(s, in: c, used: &used[s], taken: &taken[s]) }
      }
    }
    var sections: [Section] = []
    var placements: [Placement] = []
    for key in offerings.keys.sorted(by: { ($0.course, $0.slot) < ($1.course, $1.slot) }) {
      let (open, seated) = split(offerings[key]!, minSize: school.courses[key.course].minSize)
      sections += open
      placements += seated
    }
    return Solution(sections: sections, placements: placements)
  }

  /// Seats student `s` in course `c` in the slot with most seats left that the student can
  /// attend and has not used, while they have electives to spare.
  private mutating func seat(_ s: Int, in c: Int, used: inout Set<Slot>, taken: inout Set<Int>) {
    let student = instance.school.students[s]
    guard taken.count < instance.countedElectives(student: s) else { return }
    let free = offerings.keys.filter {
      $0.course == c && !used.contains($0.slot) && student.isAvailable(in: $0.slot) && offerings[$0]!.seatsLeft > 0
    }
    guard let key = free.max(by: { (offerings[$0]!.seatsLeft, $1.slot) < (offerings[$1]!.seatsLeft, $0.slot) }) else { return }
    offerings[key]!.students.append(s)
    offerings[key]!.seatsLeft -= 1
    used.insert(key.slot)
    taken.insert(c)
  }

  /// Opens the most sections the students can fill to the minimum, largest first, and seats
  /// them: each section its minimum, then the rest in order up to each one's seats.
  private func split(_ offered: Offered, minSize: Int) -> (open: [Section], seated: [Placement]) {
    let ranked = offered.sections.sorted { ($0.seats, $1.section.room) > ($1.seats, $0.section.room) }
    let count = min(ranked.count, offered.students.count / max(1, minSize))
    guard count > 0 else { return ([], []) }
    let open = ranked.prefix(count).enumerated().map { i, item in
      (
        section: Section(course: item.section.course, slot: item.section.slot, parallelIndex: i + 1, room: item.section.room, teacher: item.section.teacher),
        seats: item.seats
      )
    }
    var load = [Int](repeating: 0, count: count)
    var seated: [Placement] = []
    for (k, s) in offered.students.enumerated() {
      // The first count · min students go round the sections; the rest fill them in order.
      let target = k < count * minSize ? k % count : load.indices.first { load[$0] < open[$0].seats }
      guard let i = target else { break }
      load[i] += 1
      seated.append(Placement(student: instance.school.students[s].id, section: open[i].section.id))
    }
    return (open.map(\.section), seated)
  }
}
