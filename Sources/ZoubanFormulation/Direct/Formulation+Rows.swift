import MIPModel
import ZoubanModel

extension Formulation {
  /// Rules 1, 2 and 6 for each student: one section per slot, one per course, at most
  /// `electives` in all; fixed rows as equalities.
  mutating func addStudentRows() {
    var bySlot: [Int: [Slot: [MIPModel.Term]]] = [:]
    var byCourse: [Int: [Int: [MIPModel.Term]]] = [:]
    var byStudent: [Int: [MIPModel.Term]] = [:]
    for a in attendances {
      let offering = instance.offerings[a.offering]
      let term = MIPModel.Term(a.variable, 1)
      bySlot[a.student, default: [:]][offering.slot, default: []].append(term)
      byCourse[a.student, default: [:]][offering.course, default: []].append(term)
      byStudent[a.student, default: []].append(term)
    }
    for (s, student) in school.students.enumerated() {
      for (slot, terms) in (bySlot[s] ?? [:]).sorted(by: { $0.key < $1.key }) where terms.count > 1 {
        model.addRow("slot[\(student.id),\(slot.id)]", terms, upper: 1)
      }
      let fixedCourses = Set(school.fixed.filter { $0.student == student.id }.compactMap { instance.courseIndex[$0.course] })
      let courses = byCourse[s] ?? [:]
      for c in Set(courses.keys).union(fixedCourses).sorted() {
        let terms = courses[c] ?? []
        let name = "once[\(student.id),\(school.courses[c].code)]"
        if fixedCourses.contains(c) {
          model.addRow(name, terms, lower: 1, upper: 1)
        } else if terms.count > 1 {
          model.addRow(name, terms, upper: 1)
        }
      }
      let all = byStudent[s] ?? []
      let reachable = min(bySlot[s]?.count ?? 0, courses.count)
      if reachable > student.electives {
        model.addRow("electives[\(student.id)]", all, upper: Double(student.electives))
      }
    }
  }

  /// Rule 3 for each offering: sections pair one room with one teacher; the students fit the
  /// rooms used and reach `min_size` per section; with `linking`, each attendance needs an open
  /// section (implied by the others for integers, but a much tighter LP bound).
  mutating func addSectionRows() {
    let roomsByOffering = Dictionary(grouping: roomUses, by: \.offering)
    let teachersByOffering = Dictionary(grouping: teacherUses, by: \.offering)
    for (o, offering) in instance.offerings.enumerated() {
      let tag = "\(school.courses[offering.course].code),\(offering.slot.id)"
      let rooms = roomsByOffering[o] ?? []
      let teachers = teachersByOffering[o] ?? []
      let capacity = Dictionary(uniqueKeysWithValues: offering.rooms.map { ($0.room, $0.capacity) })
      let minSize = Double(school.courses[offering.course].minSize)
      let students = attendancesByOffering[o].map { MIPModel.Term(attendances[$0].variable, 1) }
      model.addRow(
        "pair[\(tag)]", rooms.map { .init($0.variable, 1) } + teachers.map { .init($0.variable, -1) }, lower: 0,
        upper: 0)
      model.addRow(
        "fit[\(tag)]", students + rooms.map { .init($0.variable, -Double(capacity[$0.resource]!)) }, upper: 0)
      model.addRow("minimum[\(tag)]", students + rooms.map { .init($0.variable, -minSize) }, lower: 0)
      for i in attendancesByOffering[o] where linking {
        let a = attendances[i]
        model.addRow(
          "open[\(school.students[a.student].id),\(tag)]", [.init(a.variable, 1)] + rooms.map { .init($0.variable, -1) },
          upper: 0)
      }
    }
  }

  /// Rules 3–5 across offerings: a room and a teacher serve one section per slot; teachers and
  /// courses keep their weekly limits.
  mutating func addResourceRows() {
    let roomIDs = school.rooms.map(\.id), teacherIDs = school.teachers.map(\.id)
    addOnePerSlot(roomUses, prefix: "roomslot", names: roomIDs)
    addOnePerSlot(teacherUses, prefix: "teacherslot", names: teacherIDs)
    model.addTeacherPayBudget(school, teacherUses.map { ($0.resource, $0.variable) })
    for (p, teacher) in school.teachers.enumerated() {
      guard let limit = teacher.maxSections else { continue }
      let terms = teacherUses.filter { $0.resource == p }.map { MIPModel.Term($0.variable, 1) }
      if terms.count > limit { model.addRow("teacherweek[\(teacher.id)]", terms, upper: Double(limit)) }
    }
    for (c, course) in school.courses.enumerated() {
      let terms = roomUses.filter { instance.offerings[$0.offering].course == c }.map { MIPModel.Term($0.variable, 1) }
      if terms.count > course.maxSections {
        model.addRow("sections[\(course.code)]", terms, upper: Double(course.maxSections))
      }
    }
  }

  private mutating func addOnePerSlot(_ uses: [Use], prefix: String, names: [String]) {
    var groups: [Int: [Slot: [MIPModel.Term]]] = [:]
    for use in uses {
      groups[use.resource, default: [:]][instance.offerings[use.offering].slot, default: []].append(.init(use.variable, 1))
    }
    for resource in groups.keys.sorted() {
      for (slot, terms) in groups[resource]!.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
        model.addRow("\(prefix)[\(names[resource]),\(slot.id)]", terms, upper: 1)
      }
    }
  }
}
