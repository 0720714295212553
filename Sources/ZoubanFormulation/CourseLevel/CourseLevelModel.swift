import MIPModel
import ZoubanModel

/// The course-level relaxation of SPEC §2: who gets which course, and which sections open in
/// which slot, room and with which teacher, without deciding the students' slots.
///
/// Every timetable maps onto it (a student attends `c` ⇒ `y[s,c] = 1`; its sections are the
/// timetable's), and its objective is the school's, so **its optimum is a valid upper bound** on
/// the timetable's. Students have a few columns each instead of one per course and slot, so
/// GLPK solves it in seconds at school scale; its sections are stage 2's first placement.
///
/// Variables: `y[s,c]` binary for ranked and fixed courses (服从调剂 placements are counted per
/// group, `FlexibleGroup`); `n[c]` integer sections of `c`; `q[c,p]` integer sections of `c`
/// taught by `p`; `room[c,t,r]`, `teach[c,t,p]` binaries per offering. Rows (each valid for
/// every timetable; `docs/formulation.md` says why each is there):
/// - `Σ_c y[s,c] ≤ min(e_s, slots s can attend)`; fixed courses `y[s,c] = 1`;
/// - `min_size_c · n[c] ≤ Σ_s y[s,c] ≤ Σ min(max_size_c, cap_r) · room[c,t,r]`, and the same seats
///   counted only in the slots each pattern of student availability can attend;
/// - `y[s,c] ≤ n[c]` (optional: see `init`);
/// - `n[c] = Σ room = Σ_p q[c,p]`, `q[c,p] = Σ_t teach[c,t,p]`, `Σ room = Σ teach` per offering;
///   each room and teacher once per slot, `Σ_c q[c,p] ≤ min(max_sections_p, slots p is
///   available)`, `n[c] ≤ max_sections`; a section in each (course, slot) fixed.csv pins.
public struct CourseLevelModel: Sendable {
  struct Take: Sendable {
    let student: Int
    let course: Int
    let variable: MIPModel.VariableID
    /// The slot fixed.csv pins this take to, if any.
    let pinned: Slot?
  }

  struct Quota: Sendable {
    let course: Int
    let teacher: Int
    let variable: MIPModel.VariableID
  }

  /// `room[c,t,r]`: a section of course `c` in slot `t` and room `r`.
  struct SlottedRoom: Sendable {
    let course: Int
    let slot: Slot
    let room: Int
    /// `min(max_size, room capacity)`: the most students the section seats.
    let capacity: Int
    let variable: MIPModel.VariableID
  }

  /// `teach[c,t,p]`: teacher `p` teaches a section of course `c` in slot `t`.
  struct SlottedTeacher: Sendable {
    let course: Int
    let slot: Slot
    let teacher: Int
    let variable: MIPModel.VariableID
  }

  public let school: School
  public internal(set) var model: MIPModel
  let linking: Bool
  let instance: Instance
  var takes: [Take] = []
  var sections: [Int: MIPModel.VariableID] = [:]
  var quotas: [Quota] = []
  var slotted: [SlottedRoom] = []
  var slottedTeachers: [SlottedTeacher] = []
  private var roomSlotTerms: [ResourceSlot: [MIPModel.Term]] = [:]
  private var teacherSlotTerms: [ResourceSlot: [MIPModel.Term]] = [:]
  var flexibleGroups: [FlexibleGroup] = []
  var flexible: [FlexibleTake] = []
  /// The columns to branch on first when the model has clash rows (`clashes` in `init`): each
  /// course's sections `n[c]`, then its sections in each slot `o[c,t]` (`ClashRows.swift`).
  public internal(set) var branchOrder: [MIPModel.VariableID] = []

  /// `linking` adds `y[s,c] ≤ n[c]`: implied for integers (with `n[c] = 0` the size rows force
  /// every `y` to 0) but a much tighter LP. One row per column: at 10,000 students GLPK's root LP
  /// did not finish in 45 s with them and took 15 s without, so large schools go without.
  ///
  /// `clashes` adds rows that keep each student's courses in different slots (`ClashRows.swift`):
  /// a much tighter bound where slots are few, for a few more rows per student; with
  /// `slotsForSeveral`, courses with several sections too, at several times the solving time.
  public init(school: School, linking: Bool = true, clashes: Bool = false, slotsForSeveral: Bool = false) {
    self.school = school
    self.linking = linking
    instance = Instance(school)
    model = MIPModel(name: "zouban course level \(school.name)", sense: .maximize)
    addCourseColumns()
    addStudentColumnsAndRows()
    addCourseRows()
    if clashes { addClashRows(slotsForSeveral: slotsForSeveral) }
    model.objectiveConstant = Double(instance.objectiveConstant())
  }

  private mutating func addCourseColumns() {
    for (c, course) in school.courses.enumerated() {
      let offerings = instance.offerings(of: c)
      guard !offerings.isEmpty else { continue }
      let reachable = offerings.reduce(0) { $0 + min($1.rooms.count, $1.teachers.count) }
      let n = model.addVariable("n[\(course.code)]", kind: .integer, upper: Double(min(course.maxSections, reachable)))
      sections[c] = n
      let teachers = Set(offerings.flatMap(\.teachers)).sorted()
      var terms = [MIPModel.Term(n, -1)]
      for p in teachers {
        let slots = offerings.filter { $0.teachers.contains(p) }.count
        let q = model.addVariable(
          "q[\(course.code),\(school.teachers[p].id)]", kind: .integer,
          upper: Double(min(slots, school.teachers[p].maxSections ?? slots)))
        quotas.append(Quota(course: c, teacher: p, variable: q))
        terms.append(.init(q, 1))
      }
      model.addRow("split[\(course.code)]", terms, lower: 0, upper: 0)
      addSlottedSections(course: c, sections: n)
    }
  }

  /// The sections themselves, per slot: `room[c,t,r]` and `teach[c,t,p]` binaries as in the
  /// direct model, with `n[c] = Σ room`, `q[c,p] = Σ_t teach` and each room and teacher once
  /// per slot. Only the students stay at course level, so this is still a relaxation (a student's
  /// courses may share a slot here), but rooms, teachers and their availability must fit slot by
  /// slot, and each section seats what its own room seats. Counting sections per week only,
  /// the 1,500-student generated school got a plan of 18 lab sections for 17 usable lab-slots
  /// (on Friday only two lab teachers are free), and a bound 9.6 % above its timetable.
  private mutating func addSlottedSections(course c: Int, sections n: MIPModel.VariableID) {
    let code = school.courses[c].code
    var all = [MIPModel.Term(n, -1)]
    var byTeacher: [Int: [MIPModel.Term]] = [:]
    for offering in instance.offerings(of: c) {
      var pair: [MIPModel.Term] = []
      for option in offering.rooms {
        let v = model.addVariable("room[\(code),\(offering.slot.id),\(school.rooms[option.room].id)]", kind: .binary)
        slotted.append(SlottedRoom(course: c, slot: offering.slot, room: option.room, capacity: option.capacity, variable: v))
        pair.append(.init(v, 1))
        all.append(.init(v, 1))
        roomSlotTerms[ResourceSlot(resource: option.room, slot: offering.slot), default: []].append(.init(v, 1))
      }
      for p in offering.teachers {
        let v = model.addVariable("teach[\(code),\(offering.slot.id),\(school.teachers[p].id)]", kind: .binary)
        slottedTeachers.append(SlottedTeacher(course: c, slot: offering.slot, teacher: p, variable: v))
        pair.append(.init(v, -1))
        byTeacher[p, default: []].append(.init(v, 1))
        teacherSlotTerms[ResourceSlot(resource: p, slot: offering.slot), default: []].append(.init(v, 1))
      }
      model.addRow("pair[\(code),\(offering.slot.id)]", pair, lower: 0, upper: 0)
    }
    model.addRow("rooms[\(code)]", all, lower: 0, upper: 0)
    for quota in quotas where quota.course == c {
      model.addRow(
        "quota[\(code),\(school.teachers[quota.teacher].id)]", byTeacher[quota.teacher]! + [.init(quota.variable, -1)],
        lower: 0, upper: 0)
    }
  }

  /// `y[s,c]` for ranked and fixed courses; 服从调剂 students' unranked placements go through
  /// their group (see `FlexibleGroup`), with `a[s]` counting each student's share.
  private mutating func addStudentColumnsAndRows() {
    let penalty = school.objective.unplacedPenalty
    var groups: [FlexibleGroup.Key: FlexibleGroup] = [:]
    let offeredSlots = Set(instance.offerings.map(\.slot))
    for (s, student) in school.students.enumerated() where student.electives > 0 {
      var terms: [MIPModel.Term] = []
      var unranked: [Int] = []
      for (c, pinned) in instance.acceptableCourses(of: s) {
        let fixed = instance.isFixed(student: s, course: c)
        let slots = sections[c] == nil ? [] : instance.offerings(of: c).map(\.slot).filter {
          student.isAvailable(in: $0) && (pinned == nil || pinned == $0)
        }
        guard let n = sections[c], !slots.isEmpty else {
          // A fixed course the student can never attend: no timetable exists.
          if fixed { model.addRow("fixed[\(student.id),\(school.courses[c].code)]", [], lower: 1, upper: 1) }
          continue
        }
        guard fixed || student.choices.contains(school.courses[c].code) else {
          unranked.append(c)
          continue
        }
        let gain = instance.multiplier(student: s) * (instance.utility(student: s, course: c) + penalty)
        let y = model.addVariable("y[\(student.id),\(school.courses[c].code)]", kind: .binary, objective: Double(gain))
        if fixed { model.fix(y, to: 1) }
        takes.append(Take(student: s, course: c, variable: y, pinned: pinned))
        terms.append(.init(y, 1))
        if linking { model.addRow("open[\(student.id),\(school.courses[c].code)]", [.init(y, 1), .init(n, -1)], upper: 0) }
      }
      let attendable = offeredSlots.filter(student.isAvailable).count
      let limit = min(student.electives, attendable)
      // The most the terms can add up to: 1 per `y`, and `a`'s upper bound.
      var most = terms.count
      if !unranked.isEmpty {
        let share = min(limit, unranked.count)
        let a = model.addVariable("a[\(student.id)]", kind: .integer, upper: Double(share))
        terms.append(.init(a, 1))
        most += share
        let key = FlexibleGroup.Key(grade: student.grade, multiplier: instance.multiplier(student: s), unavailable: student.unavailable.sorted())
        groups[key, default: FlexibleGroup(key: key)].add(student: s, share: a, courses: unranked)
      }
      // Counting `a` as one term left this row out for a student with five ranked courses and
      // six electives, so the plan gave them up to eleven courses (wassign-realistic5000: bound
      // 5,126,275, more than every student's top utilities together, 1,425,000).
      if most > limit { model.addRow("electives[\(student.id)]", terms, upper: Double(limit)) }
    }
    for group in groups.values.sorted(by: { $0.key < $1.key }) { addGroup(group) }
  }

  /// `z[c,g]`: unranked placements of group `g`'s students in course `c`, each worth
  /// `m_g · (any_utility + penalty)`; `Σ_c z[c,g] = Σ_{s∈g} a[s]`; `z[c,g] ≤` members who may take `c`.
  private mutating func addGroup(_ group: FlexibleGroup) {
    let gain = group.key.multiplier * (school.objective.anyUtility + school.objective.unplacedPenalty)
    var terms = group.shares.map { MIPModel.Term($0, -1) }
    for (c, members) in group.membersByCourse.sorted(by: { $0.key < $1.key }) {
      let z = model.addVariable(
        "z[\(school.courses[c].code),\(group.name)]", kind: .integer, upper: Double(members.count), objective: Double(gain))
      flexible.append(FlexibleTake(group: flexibleGroups.count, course: c, variable: z))
      terms.append(.init(z, 1))
      model.addRow("zopen[\(school.courses[c].code),\(group.name)]", [.init(z, 1), .init(sections[c]!, -Double(members.count))], upper: 0)
    }
    model.addRow("group[\(group.name)]", terms, lower: 0, upper: 0)
    flexibleGroups.append(group)
  }

  private mutating func addCourseRows() {
    let takesByCourse = Dictionary(grouping: takes, by: \.course)
    let flexibleByCourse = Dictionary(grouping: flexible, by: \.course)
    let seatsByCourse = Dictionary(grouping: slotted, by: \.course)
    for (c, course) in school.courses.enumerated() {
      guard let n = sections[c] else { continue }
      let students = ((takesByCourse[c] ?? []).map(\.variable) + (flexibleByCourse[c] ?? []).map(\.variable)).map { MIPModel.Term($0, 1) }
      let seats = (seatsByCourse[c] ?? []).map { MIPModel.Term($0.variable, -Double($0.capacity)) }
      model.addRow("fit[\(course.code)]", students + seats, upper: 0)
      addAvailabilityRows(course: c, takes: takesByCourse[c] ?? [], flexible: flexibleByCourse[c] ?? [], seats: seatsByCourse[c] ?? [])
      model.addRow("minimum[\(course.code)]", students + [.init(n, -Double(course.minSize))], lower: 0)
    }
    for (p, teacher) in school.teachers.enumerated() {
      let terms = quotas.filter { $0.teacher == p }.map { MIPModel.Term($0.variable, 1) }
      let slots = Set(instance.offerings.filter { $0.teachers.contains(p) }.map(\.slot)).count
      let limit = min(teacher.maxSections ?? slots, slots)
      if !terms.isEmpty { model.addRow("teacher[\(teacher.id)]", terms, upper: Double(limit)) }
    }
    model.addTeacherPayBudget(school, quotas.map { ($0.teacher, $0.variable) })
    // A fixed.csv row with a slot needs a section of its course then.
    for pin in instance.pinnedSlots() {
      let terms = slotted.filter { $0.course == pin.course && $0.slot == pin.slot }.map { MIPModel.Term($0.variable, 1) }
      model.addRow("pinned[\(school.courses[pin.course].code),\(pin.slot.id)]", terms, lower: 1)
    }
    for (key, terms) in roomSlotTerms.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
      model.addRow("roomslot[\(school.rooms[key.resource].id),\(key.slot.id)]", terms, upper: 1)
    }
    for (key, terms) in teacherSlotTerms.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
      model.addRow("teacherslot[\(school.teachers[key.resource].id),\(key.slot.id)]", terms, upper: 1)
    }
  }

  /// Students who cannot come in some of a course's slots sit only in its sections in the
  /// others: per course and pattern of unavailable slots, their takes ≤ the seats of sections
  /// in slots they can attend. (Friday-unavailable students cannot fill a Friday section.)
  private mutating func addAvailabilityRows(course c: Int, takes: [Take], flexible: [FlexibleTake], seats: [SlottedRoom]) {
    var terms: [[Slot]: [MIPModel.Term]] = [:]
    for take in takes {
      let unavailable = school.students[take.student].unavailable.sorted()
      terms[unavailable, default: []].append(.init(take.variable, 1))
    }
    for take in flexible { terms[flexibleGroups[take.group].key.unavailable, default: []].append(.init(take.variable, 1)) }
    for (unavailable, students) in terms.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let blocked = Set(unavailable)
      guard seats.contains(where: { blocked.contains($0.slot) }) else { continue }
      let usable = seats.filter { !blocked.contains($0.slot) }.map { MIPModel.Term($0.variable, -Double($0.capacity)) }
      model.addRow("available[\(school.courses[c].code),\(unavailable.map(\.id).joined(separator: ";"))]", students + usable, upper: 0)
    }
  }

  /// Reads the relaxation's answer: sections per course, each teacher's share, who takes what.
  public func plan(from values: [Double]) -> CoursePlan {
    let on = { (v: MIPModel.VariableID) in values[v.index] > 0.5 }
    let count = { (v: MIPModel.VariableID) in Int(values[v.index].rounded()) }
    return CoursePlan(
      sections: sections.keys.sorted().map { (school.courses[$0].code, count(sections[$0]!)) }.filter { $0.1 > 0 },
      quotas: quotas.filter { count($0.variable) > 0 }.map {
        (school.courses[$0.course].code, school.teachers[$0.teacher].id, count($0.variable))
      },
      takes: takes.filter { on($0.variable) }.map { (school.students[$0.student].id, school.courses[$0.course].code) }
        + flexibleTakes(values),
      unranked: unrankedOptions(values),
      placed: placedSections(values))
  }

  /// The relaxation's sections: each (course, slot)'s chosen rooms paired with its chosen
  /// teachers in order (`pair` keeps their numbers equal).
  private func placedSections(_ values: [Double]) -> [Section] {
    var teachers: [CourseSlot: [Int]] = [:]
    for t in slottedTeachers where values[t.variable.index] > 0.5 {
      teachers[CourseSlot(course: t.course, slot: t.slot), default: []].append(t.teacher)
    }
    var result: [Section] = []
    for r in slotted where values[r.variable.index] > 0.5 {
      let key = CourseSlot(course: r.course, slot: r.slot)
      guard let p = teachers[key]?.first else { continue }
      teachers[key]!.removeFirst()
      result.append(
        Section(course: school.courses[r.course].code, slot: r.slot, room: school.rooms[r.room].id, teacher: school.teachers[p].id))
    }
    return result
  }

  /// For each 服从调剂 student, the courses where the plan puts unranked placements of their group.
  private func unrankedOptions(_ values: [Double]) -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for take in flexible where values[take.variable.index] > 0.5 {
      let group = flexibleGroups[take.group]
      for s in group.membersByCourse[take.course]! {
        result[school.students[s].id, default: []].insert(school.courses[take.course].code)
      }
    }
    return result
  }

  /// Hands each group's unranked placements to its members, for the placement's proxy and
  /// stage 3: each member up to their share `a[s]` and once per course (`FlexibleGroup.handOut`).
  private func flexibleTakes(_ values: [Double]) -> [(student: String, course: String)] {
    var result: [(String, String)] = []
    for (g, group) in flexibleGroups.enumerated() {
      let demand = flexible.filter { $0.group == g }.map { ($0.course, Int(values[$0.variable.index].rounded())) }
      let handed = group.handOut(demand: demand, shares: group.shares.map { Int(values[$0.index].rounded()) })
      for (s, c) in handed { result.append((school.students[s].id, school.courses[c].code)) }
    }
    return result
  }
}

/// The course-level answer that guides placing sections: how many sections each course opens,
/// how many each teacher teaches, and which student takes which course.
public struct CoursePlan: Sendable {
  /// (course code, sections), in catalog order.
  public let sections: [(course: String, count: Int)]
  /// (course code, teacher id, sections).
  public let quotas: [(course: String, teacher: String, count: Int)]
  /// (student id, course code).
  public let takes: [(student: String, course: String)]
  /// Student id → the courses they may get without ranking them (服从调剂).
  public let unranked: [String: Set<String>]
  /// The sections the relaxation placed (slot, room, teacher), in model order.
  public let placed: [Section]

  /// Student id → the courses the plan gives them.
  public var planned: [String: Set<String>] {
    takes.reduce(into: [:]) { $0[$1.student, default: []].insert($1.course) }
  }
}
