import ZoubanModel

/// One section placed by the decomposition's stage 2.
struct PlacedSection: Hashable {
  let course: Int
  let slot: Slot
  let room: Int
  let teacher: Int
}

/// The placement being built: which rooms and teachers are busy when, which slots each course
/// runs in, and the proxy value of each student (see `SectionPlacer`).
struct PlacementState {
  let instance: Instance
  private(set) var placed: [PlacedSection] = []
  private var roomBusy = Set<Busy>()
  private var teacherBusy = Set<Busy>()
  private var teacherLoad: [Int]
  private var courseSlots: [[Slot]]
  /// Seats of each course per slot: Σ `min(max_size, room capacity)` over its placed sections there.
  private var seats: [[Slot: Int]]
  /// Planned courses of each student, with the weight `m_s · (u_s(c) + penalty)` of each.
  private let studentCourses: [[(course: Int, weight: Int)]]
  private let studentsByCourse: [[Int]]
  /// Rooms big enough for the plan's average section of each course.
  private let targetSize: [Int]
  /// Mean weight of a course's planned students: the price of one missing seat.
  private let averageWeight: [Int]

  init(instance: Instance, plan: CoursePlan) {
    self.instance = instance
    let school = instance.school
    teacherLoad = Array(repeating: 0, count: school.teachers.count)
    courseSlots = Array(repeating: [], count: school.courses.count)
    seats = Array(repeating: [:], count: school.courses.count)
    var courses = [[(course: Int, weight: Int)]](repeating: [], count: school.students.count)
    var students = [[Int]](repeating: [], count: school.courses.count)
    for (student, code) in plan.takes {
      guard let s = instance.studentIndex[student], let c = instance.courseIndex[code] else { continue }
      let weight = instance.multiplier(student: s) * (instance.utility(student: s, course: c) + school.objective.unplacedPenalty)
      courses[s].append((c, weight))
      students[c].append(s)
    }
    studentCourses = courses
    studentsByCourse = students
    var weightSum = [Int](repeating: 0, count: school.courses.count)
    for item in courses.joined() { weightSum[item.course] += item.weight }
    averageWeight = weightSum.indices.map { students[$0].isEmpty ? 0 : weightSum[$0] / students[$0].count }
    let counts = Dictionary(plan.sections.map { ($0.course, $0.count) }, uniquingKeysWith: +)
    targetSize = school.courses.enumerated().map { c, course in
      let n = max(1, counts[course.code] ?? 1)
      return (students[c].count + n - 1) / n
    }
  }

  func students(of course: Int) -> [Int] { studentsByCourse[course] }

  func sections() -> [Section] {
    let school = instance.school
    return placed.map {
      Section(course: school.courses[$0.course].code, slot: $0.slot, room: school.rooms[$0.room].id, teacher: school.teachers[$0.teacher].id)
    }
  }

  mutating func add(_ s: PlacedSection) { insert(s, at: placed.count) }

  mutating func insert(_ s: PlacedSection, at index: Int) {
    placed.insert(s, at: index)
    roomBusy.insert(Busy(resource: s.room, slot: s.slot))
    teacherBusy.insert(Busy(resource: s.teacher, slot: s.slot))
    teacherLoad[s.teacher] += 1
    courseSlots[s.course].append(s.slot)
    seats[s.course][s.slot, default: 0] += seatCount(s)
  }

  mutating func remove(at index: Int) {
    let s = placed.remove(at: index)
    roomBusy.remove(Busy(resource: s.room, slot: s.slot))
    teacherBusy.remove(Busy(resource: s.teacher, slot: s.slot))
    teacherLoad[s.teacher] -= 1
    courseSlots[s.course].remove(at: courseSlots[s.course].firstIndex(of: s.slot)!)
    seats[s.course][s.slot]! -= seatCount(s)
  }

  private func seatCount(_ s: PlacedSection) -> Int {
    min(instance.school.courses[s.course].maxSize, instance.school.rooms[s.room].capacity)
  }

  /// Whether `teacher` is qualified, available, free and under their weekly limit in `slot`.
  func canTeach(_ teacher: Int, _ course: Int, _ slot: Slot) -> Bool {
    guard let o = instance.offeringIndex[course][slot], instance.offerings[o].teachers.contains(teacher) else { return false }
    let limit = instance.school.teachers[teacher].maxSections ?? Int.max
    return teacherLoad[teacher] < limit && !teacherBusy.contains(Busy(resource: teacher, slot: slot))
  }

  /// The free room for a section: the smallest that seats the plan's average section, else the largest.
  func bestRoom(course: Int, slot: Slot) -> Int? {
    guard let o = instance.offeringIndex[course][slot] else { return nil }
    let free = instance.offerings[o].rooms.filter { !roomBusy.contains(Busy(resource: $0.room, slot: slot)) }
    let target = targetSize[course]
    if let fit = free.filter({ $0.capacity >= target }).min(by: { ($0.capacity, $0.room) < ($1.capacity, $1.room) }) {
      return fit.room
    }
    return free.max { ($0.capacity, -$0.room) < ($1.capacity, -$1.room) }?.room
  }

  /// The largest free room for a section of `course` in `slot`.
  func largestRoom(course: Int, slot: Slot) -> Int? {
    guard let o = instance.offeringIndex[course][slot] else { return nil }
    return instance.offerings[o].rooms.filter { !roomBusy.contains(Busy(resource: $0.room, slot: slot)) }
      .max { ($0.capacity, -$0.room) < ($1.capacity, -$1.room) }?.room
  }

  /// The best place for a section of `course` taught by `teacher`: the slot with the largest
  /// proxy gain, ties to the slot with fewest sections so far (spreading the week), then the earliest.
  func bestSlot(course: Int, teacher: Int) -> PlacedSection? {
    var best: (gain: Int, load: Int, section: PlacedSection)?
    for offering in instance.offerings(of: course) where canTeach(teacher, course, offering.slot) {
      let rooms = [bestRoom(course: course, slot: offering.slot), largestRoom(course: course, slot: offering.slot)]
      for room in Array(Set(rooms.compactMap { $0 })).sorted() {
        let candidate = PlacedSection(course: course, slot: offering.slot, room: room, teacher: teacher)
        let gain = proxyGain(adding: candidate)
        let load = placed.filter { $0.slot == offering.slot }.count + courseSlots[course].filter { $0 == offering.slot }.count * 100
        if best == nil || gain > best!.gain || (gain == best!.gain && load < best!.load) {
          best = (gain, load, candidate)
        }
      }
    }
    return best?.section
  }

  /// The proxy of the whole placement and its most: every planned (student, course) realised.
  var proxyTotal: (value: Int, planned: Int) {
    let value = studentCourses.indices.reduce(0) { $0 + proxy(student: $1, courseSlots: courseSlots) }
    return (value, studentCourses.joined().reduce(0) { $0 + $1.weight })
  }

  /// How much the score grows when `section` is added: the students' proxy, less the weight of
  /// the course's planned students who would find no seat (see `shortfall`).
  func proxyGain(adding section: PlacedSection) -> Int {
    let c = section.course
    var with = courseSlots
    with[c].append(section.slot)
    var withSeats = seats[c]
    withSeats[section.slot, default: 0] += seatCount(section)
    let proxyDelta = studentsByCourse[c].reduce(0) { total, s in
      total + proxy(student: s, courseSlots: with) - proxy(student: s, courseSlots: courseSlots)
    }
    let seatDelta = shortfall(course: c, courseSlots: courseSlots, seats: seats[c]) - shortfall(course: c, courseSlots: with, seats: withSeats)
    return proxyDelta + seatDelta * averageWeight[c]
  }

  /// Planned students of `course` that the proxy places in it but that its seats cannot hold:
  /// each student may sit only in slots where their best matching can put the course, and a
  /// small max-flow fills the seats (parallel sections in different slots split unevenly).
  private func shortfall(course c: Int, courseSlots: [[Slot]], seats: [Slot: Int]) -> Int {
    let slots = seats.keys.sorted()
    var flexible: [[Int]] = []
    for s in studentsByCourse[c] {
      let best = proxy(student: s, courseSlots: courseSlots)
      let options = slots.indices.filter { proxy(student: s, courseSlots: courseSlots, forcing: (c, slots[$0])) == best }
      if !options.isEmpty { flexible.append(options) }
    }
    var capacity = slots.map { seats[$0] ?? 0 }
    var holder = [Int](repeating: -1, count: flexible.count)
    var holders = [[Int]](repeating: [], count: slots.count)
    func seat(_ u: Int, _ visited: inout [Bool]) -> Bool {
      for t in flexible[u] where !visited[t] {
        visited[t] = true
        if capacity[t] > 0 {
          capacity[t] -= 1
          holders[t].append(u)
          holder[u] = t
          return true
        }
        for (k, v) in holders[t].enumerated() {
          if seat(v, &visited) {
            holders[t][k] = u
            holder[u] = t
            return true
          }
        }
      }
      return false
    }
    var unseated = 0
    for u in flexible.indices {
      var visited = [Bool](repeating: false, count: slots.count)
      if !seat(u, &visited) { unseated += 1 }
    }
    return unseated
  }

  /// The best total weight of the student's planned courses that fit into distinct slots the
  /// student can attend, given the slots each course runs in (exhaustive: a student plans few courses).
  /// With `forcing`, that course must sit in that slot (0 when it cannot).
  private func proxy(student s: Int, courseSlots: [[Slot]], forcing: (course: Int, slot: Slot)? = nil) -> Int {
    let student = instance.school.students[s]
    let options = studentCourses[s].map { item -> (Int, [Slot]) in
      let slots = Array(Set(courseSlots[item.course].filter(student.isAvailable))).sorted()
      guard let forcing, forcing.course == item.course else { return (item.weight, slots) }
      return (item.weight, slots.contains(forcing.slot) ? [forcing.slot] : [])
    }
    if let forcing, !options.contains(where: { $0.1 == [forcing.slot] }) { return 0 }
    func best(_ i: Int, _ used: Set<Slot>) -> Int {
      guard i < options.count else { return 0 }
      var result = best(i + 1, used)
      for slot in options[i].1 where !used.contains(slot) {
        result = max(result, options[i].0 + best(i + 1, used.union([slot])))
      }
      return result
    }
    return best(0, [])
  }
}

private struct Busy: Hashable {
  let resource: Int
  let slot: Slot
}
