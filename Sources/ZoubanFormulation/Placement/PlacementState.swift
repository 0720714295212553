import ZoubanModel

/// One section placed by the decomposition's stage 2.
struct PlacedSection: Hashable {
  let course: Int
  let slot: Slot
  let room: Int
  let teacher: Int
}

/// The placement being built: which rooms and teachers are busy when, where each course runs,
/// and the score `SectionPlacer` maximises.
///
/// Slots are bits of a `UInt64` (the decomposition serves weeks of at most 64 slots), so the
/// per-student matching at the heart of the score is a few mask operations.
struct PlacementState {
  let instance: Instance
  private(set) var placed: [PlacedSection] = []
  private var roomBusy = Set<Busy>()
  private var teacherBusy = Set<Busy>()
  private var teacherLoad: [Int]
  private let slotBit: [Slot: Int]
  /// Sections of each course per slot bit.
  private var sectionCount: [[Int]]
  /// Seats of each course per slot bit: Σ `min(max_size, room capacity)` of its sections there.
  private var seats: [[Int]]
  private var courseMask: [UInt64]
  private let availableMask: [UInt64]
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
    let slots = school.week.slots
    precondition(slots.count <= 64, "the placement handles weeks of at most 64 slots")
    slotBit = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
    teacherLoad = Array(repeating: 0, count: school.teachers.count)
    sectionCount = Array(repeating: Array(repeating: 0, count: slots.count), count: school.courses.count)
    seats = sectionCount
    courseMask = Array(repeating: 0, count: school.courses.count)
    availableMask = school.students.map { student in
      slots.enumerated().reduce(UInt64(0)) { $0 | (student.isAvailable(in: $1.1) ? 1 << UInt64($1.0) : 0) }
    }
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

  /// What one missing seat of `course` costs: the mean weight of its planned students.
  func seatPrice(of course: Int) -> Int { averageWeight[course] }

  func sections() -> [Section] {
    let school = instance.school
    return placed.map {
      Section(
        course: school.courses[$0.course].code, slot: $0.slot, room: school.rooms[$0.room].id,
        teacher: school.teachers[$0.teacher].id)
    }
  }

  // MARK: Changing the placement

  mutating func add(_ s: PlacedSection) { insert(s, at: placed.count) }

  mutating func insert(_ s: PlacedSection, at index: Int) {
    placed.insert(s, at: index)
    roomBusy.insert(Busy(resource: s.room, slot: s.slot))
    teacherBusy.insert(Busy(resource: s.teacher, slot: s.slot))
    teacherLoad[s.teacher] += 1
    let b = slotBit[s.slot]!
    sectionCount[s.course][b] += 1
    seats[s.course][b] += seatCount(s)
    courseMask[s.course] |= 1 << UInt64(b)
  }

  mutating func remove(at index: Int) {
    let s = placed.remove(at: index)
    roomBusy.remove(Busy(resource: s.room, slot: s.slot))
    teacherBusy.remove(Busy(resource: s.teacher, slot: s.slot))
    teacherLoad[s.teacher] -= 1
    let b = slotBit[s.slot]!
    sectionCount[s.course][b] -= 1
    seats[s.course][b] -= seatCount(s)
    if sectionCount[s.course][b] == 0 { courseMask[s.course] &= ~(1 << UInt64(b)) }
  }

  private func seatCount(_ s: PlacedSection) -> Int {
    min(instance.school.courses[s.course].maxSize, instance.school.rooms[s.room].capacity)
  }

  // MARK: Where a section may go

  /// Whether `teacher` is qualified, available, free and under their weekly limit in `slot`.
  func canTeach(_ teacher: Int, _ course: Int, _ slot: Slot) -> Bool {
    guard let o = instance.offeringIndex[course][slot], instance.offerings[o].teachers.contains(teacher) else { return false }
    let limit = instance.school.teachers[teacher].maxSections ?? Int.max
    return teacherLoad[teacher] < limit && !teacherBusy.contains(Busy(resource: teacher, slot: slot))
  }

  private func freeRooms(course: Int, slot: Slot) -> [Instance.RoomOption] {
    guard let o = instance.offeringIndex[course][slot] else { return [] }
    return instance.offerings[o].rooms.filter { !roomBusy.contains(Busy(resource: $0.room, slot: slot)) }
  }

  /// The free room for a section: the smallest that seats the plan's average section, else the largest.
  func bestRoom(course: Int, slot: Slot) -> Int? {
    let free = freeRooms(course: course, slot: slot)
    if let fit = free.filter({ $0.capacity >= targetSize[course] }).min(by: { ($0.capacity, $0.room) < ($1.capacity, $1.room) }) {
      return fit.room
    }
    return largestRoom(course: course, slot: slot)
  }

  func largestRoom(course: Int, slot: Slot) -> Int? {
    freeRooms(course: course, slot: slot).max { ($0.capacity, -$0.room) < ($1.capacity, -$1.room) }?.room
  }

  /// Every place for a section of `course` taught by `teacher` (best-fit and largest room per slot).
  func candidates(course: Int, teacher: Int) -> [PlacedSection] {
    instance.offerings(of: course).filter { canTeach(teacher, course, $0.slot) }.flatMap { offering in
      Set([bestRoom(course: course, slot: offering.slot), largestRoom(course: course, slot: offering.slot)].compactMap { $0 })
        .sorted().map { PlacedSection(course: course, slot: offering.slot, room: $0, teacher: teacher) }
    }
  }

  /// The candidate with the largest gain; ties to the slot with fewest sections (spreading the
  /// week and a course's own sections), then the first.
  func best(of candidates: [PlacedSection]) -> (section: PlacedSection, gain: Int)? {
    guard let course = candidates.first?.course else { return nil }
    let base = Baseline(state: self, course: course)
    var best: (gain: Int, load: Int, section: PlacedSection)?
    for candidate in candidates {
      let gain = base.gain(adding: candidate, to: self)
      let b = slotBit[candidate.slot]!
      let load = placed.filter { $0.slot == candidate.slot }.count + sectionCount[course][b] * 100
      if best == nil || gain > best!.gain || (gain == best!.gain && load < best!.load) { best = (gain, load, candidate) }
    }
    return best.map { ($0.section, $0.gain) }
  }

  /// Seats the course's placed sections offer in the week.
  func seats(of course: Int) -> Int { seats[course].reduce(0, +) }

  /// Where an extra section of `course` would serve most of `students` (who rank it): the slot
  /// where most of them are available and not held there by a planned course that runs only
  /// then; the largest free room and the first free qualified teacher.
  func spareSection(course: Int, wanting students: [Int]) -> PlacedSection? {
    var best: (score: Int, section: PlacedSection)?
    for offering in instance.offerings(of: course) {
      guard let teacher = offering.teachers.first(where: { canTeach($0, course, offering.slot) }),
        let room = largestRoom(course: course, slot: offering.slot)
      else { continue }
      let bit = UInt64(1) << UInt64(slotBit[offering.slot]!)
      let score = students.filter { s in
        availableMask[s] & bit != 0 && !studentCourses[s].contains { courseMask[$0.course] == bit }
      }.count
      if best == nil || score > best!.score {
        best = (score, PlacedSection(course: course, slot: offering.slot, room: room, teacher: teacher))
      }
    }
    return best?.section
  }

  // MARK: The score

  /// The proxy of the whole placement and its most: every planned (student, course) realised.
  var proxyTotal: (value: Int, planned: Int) {
    let value = studentCourses.indices.reduce(0) { $0 + proxy(student: $1) }
    return (value, studentCourses.joined().reduce(0) { $0 + $1.weight })
  }

  /// The proxy less the price of the seats its courses lack: how two placements of the same
  /// plan compare.
  var score: Int {
    proxyTotal.value - instance.school.courses.indices.reduce(0) { total, c in
      total + shortfall(course: c, mask: courseMask[c], seats: seats[c]) * averageWeight[c]
    }
  }

  /// The part of `score` that depends on where `courses` run: the proxies of their planned
  /// students and the price of the seats they lack. Two placements that differ only in those
  /// courses' sections compare by it as by `score`.
  func score(around courses: Set<Int>) -> Int {
    let students = Set(courses.flatMap { studentsByCourse[$0] })
    let proxies = students.reduce(0) { $0 + proxy(student: $1) }
    return proxies - courses.reduce(0) { $0 + shortfall(course: $1, mask: courseMask[$1], seats: seats[$1]) * averageWeight[$1] }
  }

  /// Courses with a planned student the proxy cannot give every planned course: the only
  /// courses whose moves can raise the proxy.
  var coursesOfClashingStudents: Set<Int> {
    var courses = Set<Int>()
    for (s, planned) in studentCourses.enumerated() where proxy(student: s) < planned.reduce(0, { $0 + $1.weight }) {
      courses.formUnion(planned.map(\.course))
    }
    return courses
  }

  /// The score of the course's students before a section of it is added, computed once per section.
  private struct Baseline {
    let proxies: [Int]
    let shortfall: Int

    init(state: PlacementState, course: Int) {
      proxies = state.studentsByCourse[course].map { state.proxy(student: $0) }
      shortfall = state.shortfall(course: course, mask: state.courseMask[course], seats: state.seats[course])
    }

    /// The proxy gained by the course's students, less the weight of the seats still missing.
    func gain(adding section: PlacedSection, to state: PlacementState) -> Int {
      let c = section.course
      let b = state.slotBit[section.slot]!
      let mask = state.courseMask[c] | 1 << UInt64(b)
      var seats = state.seats[c]
      seats[b] += state.seatCount(section)
      var delta = 0
      for (i, s) in state.studentsByCourse[c].enumerated() {
        delta += state.proxy(student: s, override: (c, mask)) - proxies[i]
      }
      return delta + (shortfall - state.shortfall(course: c, mask: mask, seats: seats)) * state.averageWeight[c]
    }
  }

  /// The best total weight of the student's planned courses that fit into distinct slots the
  /// student can attend (exhaustive: a student plans few courses). `override` replaces one
  /// course's slot mask.
  func proxy(student s: Int, override: (course: Int, mask: UInt64)? = nil) -> Int {
    let courses = studentCourses[s]
    let available = availableMask[s]
    return withUnsafeTemporaryAllocation(of: (Int, UInt64).self, capacity: courses.count) { options in
      for (i, item) in courses.enumerated() {
        let mask = override?.course == item.course ? override!.mask : courseMask[item.course]
        options[i] = (item.weight, mask & available)
      }
      return SlotMatching.best(options, used: 0)
    }
  }

  /// The proxy when course `c` must sit in the slot `bit`: its weight plus the best matching of
  /// the student's other courses into the other slots.
  private func proxy(student s: Int, placing c: Int, in bit: UInt64) -> Int {
    let courses = studentCourses[s]
    let available = availableMask[s]
    return withUnsafeTemporaryAllocation(of: (Int, UInt64).self, capacity: courses.count) { options in
      var weight = 0
      for (i, item) in courses.enumerated() {
        if item.course == c { weight = item.weight }
        options[i] = item.course == c ? (0, 0) : (item.weight, courseMask[item.course] & available)
      }
      return weight + SlotMatching.best(options, used: bit)
    }
  }

  /// Planned students of `course` that the proxy places in it but that its seats cannot hold:
  /// each may sit only in slots where their best matching can put the course, and a small
  /// max-flow fills the seats (parallel sections in different slots split unevenly).
  private func shortfall(course c: Int, mask: UInt64, seats: [Int]) -> Int {
    var flexible: [UInt64] = []
    for s in studentsByCourse[c] {
      let best = proxy(student: s, override: (c, mask))
      var options: UInt64 = 0
      var bits = mask & availableMask[s]
      while bits != 0 {
        let bit = bits & (~bits &+ 1)
        if proxy(student: s, placing: c, in: bit) == best { options |= bit }
        bits &= bits - 1
      }
      if options != 0 { flexible.append(options) }
    }
    var flow = SeatFlow(seats: seats, wants: flexible)
    return flow.unseated()
  }
}

private struct Busy: Hashable {
  let resource: Int
  let slot: Slot
}

/// A student's planned courses placed into distinct slots, for the placement's proxy.
enum SlotMatching {
  /// The best total weight of `options` (weight, slots it may use) placed into distinct slots,
  /// none of them in `used`: a branch and bound over the options, heaviest first, that stops
  /// a branch as soon as all it could still add cannot beat the best found. Most students can
  /// take every planned course, so the first, greedy descent already reaches the sum of all
  /// weights and ends the search; plain enumeration (up to 7⁶ leaves a student at 6 slots)
  /// was 93 % of a 340-s stage 2 at 5,000 students.
  static func best(_ options: UnsafeMutableBufferPointer<(Int, UInt64)>, used: UInt64) -> Int {
    // Heaviest first, so the bound below bites early (insertion sort: a student plans few courses).
    for a in options.indices.dropFirst() {
      var b = a
      while b > 0 && options[b - 1].0 < options[b].0 {
        options.swapAt(b - 1, b)
        b -= 1
      }
    }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: options.count + 1) { suffix in
      var search = Search(options: options, suffix: suffix)
      search.descend(from: 0, used: used, value: 0)
      return search.best
    }
  }

  /// The state of one `best` search: the options, what each suffix of them could add at
  /// most, and the best total found.
  private struct Search {
    let options: UnsafeMutableBufferPointer<(Int, UInt64)>
    /// `suffix[i]`: the most options `i...` could add (their positive weights that have a slot).
    let suffix: UnsafeMutableBufferPointer<Int>
    var best = 0

    init(options: UnsafeMutableBufferPointer<(Int, UInt64)>, suffix: UnsafeMutableBufferPointer<Int>) {
      self.options = options
      self.suffix = suffix
      suffix[options.count] = 0
      for i in options.indices.reversed() { suffix[i] = suffix[i + 1] + (options[i].1 == 0 ? 0 : max(0, options[i].0)) }
    }

    mutating func descend(from i: Int, used: UInt64, value: Int) {
      guard value + suffix[i] > best else { return }
      guard i < options.count else {
        best = value
        return
      }
      var free = options[i].1 & ~used
      while free != 0 {
        let bit = free & (~free &+ 1)
        descend(from: i + 1, used: used | bit, value: value + options[i].0)
        if best == value + suffix[i] { return }
        free &= free - 1
      }
      descend(from: i + 1, used: used, value: value)
    }
  }
}
