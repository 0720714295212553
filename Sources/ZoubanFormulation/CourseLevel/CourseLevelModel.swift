import MIPModel
import ZoubanModel

/// The course-level relaxation of SPEC §2: who gets which course and how many sections each
/// course opens in the week, without deciding slots.
///
/// Every timetable maps onto it (a student attends `c` ⇒ `y[s,c] = 1`; `n[c]` counts the
/// sections; `q[c,p]` the ones teacher `p` teaches), and its objective is the school's, so **its
/// optimum is a valid upper bound** on the timetable's. It has a few columns per student instead
/// of one per student, course and slot, so GLPK solves it in seconds at school scale.
///
/// Variables: `y[s,c]` binary; `n[c]` integer sections of `c`; `q[c,p]` integer sections of `c`
/// taught by `p`. Rows (each valid for every timetable):
/// - `Σ_c y[s,c] ≤ min(e_s, slots s can attend)`; fixed courses `y[s,c] = 1`;
/// - `min_size_c · n[c] ≤ Σ_s y[s,c] ≤ cap_c · n[c]` with `cap_c` the largest section `c` can have;
/// - `y[s,c] ≤ n[c]` (optional: see `init`);
/// - `n[c] = Σ_p q[c,p]`, `q[c,p] ≤` slots where `p` can teach `c`,
///   `Σ_c q[c,p] ≤ min(max_sections_p, slots p is available)`;
/// - per room type, `Σ n[c] ≤` room-slots of that type available; per course, `n[c] ≤` the
///   (room, teacher) slots it could use and `max_sections`.
public struct CourseLevelModel: Sendable {
  struct Take: Sendable {
    let student: Int
    let course: Int
    let variable: MIPModel.VariableID
  }

  struct Quota: Sendable {
    let course: Int
    let teacher: Int
    let variable: MIPModel.VariableID
  }

  public let school: School
  public private(set) var model: MIPModel
  let linking: Bool
  let instance: Instance
  var takes: [Take] = []
  var sections: [Int: MIPModel.VariableID] = [:]
  var quotas: [Quota] = []
  var flexibleGroups: [FlexibleGroup] = []
  var flexible: [FlexibleTake] = []

  /// `linking` adds `y[s,c] ≤ n[c]`: implied for integers (with `n[c] = 0` the size rows force
  /// every `y` to 0) but a much tighter LP. One row per column: at 10,000 students GLPK's root LP
  /// did not finish in 45 s with them and took 15 s without, so large schools go without.
  public init(school: School, linking: Bool = true) {
    self.school = school
    self.linking = linking
    instance = Instance(school)
    model = MIPModel(name: "zouban course level \(school.name)", sense: .maximize)
    addCourseColumns()
    addStudentColumnsAndRows()
    addCourseRows()
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
        takes.append(Take(student: s, course: c, variable: y))
        terms.append(.init(y, 1))
        if linking { model.addRow("open[\(student.id),\(school.courses[c].code)]", [.init(y, 1), .init(n, -1)], upper: 0) }
      }
      let attendable = offeredSlots.filter(student.isAvailable).count
      let limit = min(student.electives, attendable)
      if !unranked.isEmpty {
        let a = model.addVariable("a[\(student.id)]", kind: .integer, upper: Double(min(limit, unranked.count)))
        terms.append(.init(a, 1))
        let key = FlexibleGroup.Key(grade: student.grade, multiplier: instance.multiplier(student: s), unavailable: student.unavailable.sorted())
        groups[key, default: FlexibleGroup(key: key)].add(student: s, share: a, courses: unranked)
      }
      if terms.count > limit { model.addRow("electives[\(student.id)]", terms, upper: Double(limit)) }
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
    for (c, course) in school.courses.enumerated() {
      guard let n = sections[c] else { continue }
      let students = ((takesByCourse[c] ?? []).map(\.variable) + (flexibleByCourse[c] ?? []).map(\.variable)).map { MIPModel.Term($0, 1) }
      let capacity = instance.offerings(of: c).flatMap(\.rooms).map(\.capacity).max() ?? 0
      model.addRow("fit[\(course.code)]", students + [.init(n, -Double(capacity))], upper: 0)
      model.addRow("minimum[\(course.code)]", students + [.init(n, -Double(course.minSize))], lower: 0)
    }
    for (p, teacher) in school.teachers.enumerated() {
      let terms = quotas.filter { $0.teacher == p }.map { MIPModel.Term($0.variable, 1) }
      let slots = Set(instance.offerings.filter { $0.teachers.contains(p) }.map(\.slot)).count
      let limit = min(teacher.maxSections ?? slots, slots)
      if !terms.isEmpty { model.addRow("teacher[\(teacher.id)]", terms, upper: Double(limit)) }
    }
    let types = Set(school.courses.map(\.roomType)).sorted()
    for type in types {
      let terms = sections.keys.sorted().filter { school.courses[$0].roomType == type }.map { MIPModel.Term(sections[$0]!, 1) }
      let roomSlots = Set(instance.offerings.flatMap { o in o.rooms.map { RoomSlot(room: $0.room, slot: o.slot) } }
        .filter { school.rooms[$0.room].type == type }).count
      if terms.count > 1 { model.addRow("roomtype[\(type)]", terms, upper: Double(roomSlots)) }
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
      unranked: unrankedOptions(values))
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

  /// Hands each group's unranked placements to its members, for the placement's proxy: courses
  /// in catalog order, members in file order, each up to their share `a[s]` and once per course.
  private func flexibleTakes(_ values: [Double]) -> [(student: String, course: String)] {
    var result: [(String, String)] = []
    for (g, group) in flexibleGroups.enumerated() {
      var left = group.shares.map { Int(values[$0.index].rounded()) }
      for take in flexible where take.group == g {
        var count = Int(values[take.variable.index].rounded())
        for (i, s) in group.students.enumerated() where count > 0 && left[i] > 0 && group.membersByCourse[take.course]!.contains(s) {
          result.append((school.students[s].id, school.courses[take.course].code))
          left[i] -= 1
          count -= 1
        }
      }
    }
    return result
  }
}

private struct RoomSlot: Hashable {
  let room: Int
  let slot: Slot
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

  /// Student id → the courses the plan gives them.
  public var planned: [String: Set<String>] {
    takes.reduce(into: [:]) { $0[$1.student, default: []].insert($1.course) }
  }
}
