import ZoubanModel

/// A plan made without GLPK, for a timetable before stage 1 ends: priority students first, each
/// student takes their ranked courses in order while the course has seats left (its largest
/// section times the sections it can run), up to their electives; a course with fewer takers than
/// its minimum is dropped; each course opens as many sections as its takers fill, split over its
/// teachers in turn.
///
/// Stage 1's root LP dominates the time to a first timetable (12 s at 4,000 generated students,
/// 21–23 s at 10,000), and at 100,000 students it does not finish in minutes. Placed by the
/// greedy and realised like stage 1's plan, this plan gives a rough timetable in under a second
/// up to 10,000 students (218,285 against a bound of 291,420 at 4,000), which the solve returns
/// if nothing better comes.
enum QuickPlan {
  static func plan(_ instance: Instance) -> CoursePlan {
    let school = instance.school
    var seatsLeft = school.courses.indices.map { c -> Int in
      let offerings = instance.offerings(of: c)
      let reachable = offerings.reduce(0) { $0 + min($1.rooms.count, $1.teachers.count) }
      let largest = offerings.flatMap(\.rooms).map(\.capacity).max() ?? 0
      return min(school.courses[c].maxSections, reachable) * largest
    }
    var takers = [[Int]](repeating: [], count: school.courses.count)
    let order = school.students.indices.sorted { (-instance.multiplier(student: $0), $0) < (-instance.multiplier(student: $1), $1) }
    for s in order {
      let student = school.students[s]
      var taken = 0
      for code in student.choices where taken < instance.countedElectives(student: s) {
        guard let c = instance.courseIndex[code], seatsLeft[c] > 0, school.courses[c].grades.contains(student.grade),
          instance.offerings(of: c).contains(where: { student.isAvailable(in: $0.slot) })
        else { continue }
        takers[c].append(s)
        seatsLeft[c] -= 1
        taken += 1
      }
    }
    var sections: [(String, Int)] = []
    var quotas: [(String, String, Int)] = []
    var takes: [(String, String)] = []
    for (c, course) in school.courses.enumerated() where takers[c].count >= max(1, course.minSize) {
      let largest = instance.offerings(of: c).flatMap(\.rooms).map(\.capacity).max()!
      let count = (takers[c].count + largest - 1) / largest
      sections.append((course.code, count))
      let teachers = Set(instance.offerings(of: c).flatMap(\.teachers)).sorted()
      for (i, p) in teachers.enumerated() {
        let share = count / teachers.count + (i < count % teachers.count ? 1 : 0)
        if share > 0 { quotas.append((course.code, school.teachers[p].id, share)) }
      }
      takes += takers[c].map { (school.students[$0].id, course.code) }
    }
    return CoursePlan(sections: sections, quotas: quotas, takes: takes, unranked: [:], placed: [])
  }
}
