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
/// - `y[s,c] ≤ n[c]`;
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
  let instance: Instance
  var takes: [Take] = []
  var sections: [Int: MIPModel.VariableID] = [:]
  var quotas: [Quota] = []

  public init(school: School) {
    self.school = school
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

  private mutating func addStudentColumnsAndRows() {
    let penalty = school.objective.unplacedPenalty
    for (s, student) in school.students.enumerated() where student.electives > 0 {
      var terms: [MIPModel.Term] = []
      for (c, pinned) in instance.acceptableCourses(of: s) {
        guard let n = sections[c] else {
          if pinned != nil || instance.isFixed(student: s, course: c) { model.addRow("fixed[\(student.id),\(school.courses[c].code)]", [], lower: 1, upper: 1) }
          continue
        }
        let slots = instance.offerings(of: c).map(\.slot).filter { student.isAvailable(in: $0) && (pinned == nil || pinned == $0) }
        let fixed = instance.isFixed(student: s, course: c)
        guard !slots.isEmpty else {
          if fixed { model.addRow("fixed[\(student.id),\(school.courses[c].code)]", [], lower: 1, upper: 1) }
          continue
        }
        let gain = instance.multiplier(student: s) * (instance.utility(student: s, course: c) + penalty)
        let y = model.addVariable("y[\(student.id),\(school.courses[c].code)]", kind: .binary, objective: Double(gain))
        if fixed { model.fix(y, to: 1) }
        takes.append(Take(student: s, course: c, variable: y))
        terms.append(.init(y, 1))
        model.addRow("open[\(student.id),\(school.courses[c].code)]", [.init(y, 1), .init(n, -1)], upper: 0)
      }
      let attendable = Set(instance.offerings.map(\.slot)).filter(student.isAvailable).count
      let limit = min(student.electives, attendable)
      if terms.count > limit { model.addRow("electives[\(student.id)]", terms, upper: Double(limit)) }
    }
  }

  private mutating func addCourseRows() {
    let takesByCourse = Dictionary(grouping: takes, by: \.course)
    for (c, course) in school.courses.enumerated() {
      guard let n = sections[c] else { continue }
      let students = (takesByCourse[c] ?? []).map { MIPModel.Term($0.variable, 1) }
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
      takes: takes.filter { on($0.variable) }.map { (school.students[$0.student].id, school.courses[$0.course].code) })
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
}
