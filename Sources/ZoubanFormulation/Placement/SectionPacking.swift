import MIPModel
import ZoubanModel

/// The repair step of stage 2: when the greedy could not place every section the course-level
/// plan opens (or not with enough seats), this small integer program packs them exactly.
///
/// The greedy places one section at a time and never takes one back, so a room or teacher it
/// spends early can leave a later section with nowhere to go, even when the plan fits: at 1,500
/// generated students it left one of ten 科技创新社 sections out (30 planned students) although
/// the 18 lab-slots hold all 18 planned lab sections. Sections without students are small
/// enough for GLPK to pack exactly (a few thousand binaries at 10,000 students).
///
/// Columns, for each offering (c, t) of a planned course: `room[c,t,r]`, `teach[c,t,p]` binaries
/// as in the direct model, and `seats[c]` ≤ the students the plan gives `c`. Rows: room and
/// teacher once per slot, teachers' weekly limits, `Σ room = Σ teach` per offering, at most the
/// planned sections per course, pinned (course, slot) pairs of fixed.csv get a section, and
/// `seats[c] ≤ Σ min(max_size, capacity) · room`. Objective: each seat is worth the course's mean
/// planned weight (the proxy's price of a missing seat), and each room or teacher choice the
/// greedy made is worth 1, so among packings with the most seats GLPK keeps the greedy's
/// slots, which already weigh the students' other courses.
struct SectionPacking {
  let model: MIPModel
  private let rooms: [(section: PlacedSlotRoom, variable: MIPModel.VariableID)]
  private let teachers: [(course: Int, slot: Slot, teacher: Int, variable: MIPModel.VariableID)]
  /// The greedy's placement as a starting point for GLPK (feasible: it obeys every row).
  let start: [Double]

  init(instance: Instance, sectionsPlanned: [Int: Int], seatsWanted: [Int: Int], seatPrice: [Int], greedy: [PlacedSection]) {
    let school = instance.school
    var model = MIPModel(name: "zouban section packing \(school.name)", sense: .maximize)
    var rooms: [(PlacedSlotRoom, MIPModel.VariableID)] = []
    var teachers: [(course: Int, slot: Slot, teacher: Int, variable: MIPModel.VariableID)] = []
    let usedRooms = Set(greedy.map { PlacedSlotRoom(course: $0.course, slot: $0.slot, room: $0.room) })
    let usedTeachers = Set(greedy.map { TeacherSlot(course: $0.course, slot: $0.slot, teacher: $0.teacher) })
    var roomSlot: [ResourceSlot: [MIPModel.Term]] = [:]
    var teacherSlot: [ResourceSlot: [MIPModel.Term]] = [:]
    var teacherWeek: [Int: [MIPModel.Term]] = [:]
    var seatColumns: [(course: Int, variable: MIPModel.VariableID)] = []
    for (c, count) in sectionsPlanned.sorted(by: { $0.key < $1.key }) where count > 0 {
      let code = school.courses[c].code
      var sections: [MIPModel.Term] = []
      var seatTerms: [MIPModel.Term] = []
      for offering in instance.offerings(of: c) {
        var pair: [MIPModel.Term] = []
        for option in offering.rooms {
          let key = PlacedSlotRoom(course: c, slot: offering.slot, room: option.room)
          let v = model.addVariable(
            "room[\(code),\(offering.slot.id),\(school.rooms[option.room].id)]", kind: .binary,
            objective: usedRooms.contains(key) ? 1 : 0)
          rooms.append((key, v))
          pair.append(.init(v, 1))
          sections.append(.init(v, 1))
          seatTerms.append(.init(v, -Double(option.capacity)))
          roomSlot[ResourceSlot(resource: option.room, slot: offering.slot), default: []].append(.init(v, 1))
        }
        for p in offering.teachers {
          let used = usedTeachers.contains(TeacherSlot(course: c, slot: offering.slot, teacher: p))
          let v = model.addVariable(
            "teach[\(code),\(offering.slot.id),\(school.teachers[p].id)]", kind: .binary, objective: used ? 1 : 0)
          teachers.append((c, offering.slot, p, v))
          pair.append(.init(v, -1))
          teacherSlot[ResourceSlot(resource: p, slot: offering.slot), default: []].append(.init(v, 1))
          teacherWeek[p, default: []].append(.init(v, 1))
        }
        model.addRow("pair[\(code),\(offering.slot.id)]", pair, lower: 0, upper: 0)
      }
      model.addRow("planned[\(code)]", sections, upper: Double(count))
      let seats = model.addVariable(
        "seats[\(code)]", kind: .continuous, upper: Double(seatsWanted[c] ?? 0), objective: Double(seatPrice[c]))
      model.addRow("seats[\(code)]", seatTerms + [.init(seats, 1)], upper: 0)
      seatColumns.append((c, seats))
    }
    for (key, terms) in roomSlot.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
      model.addRow("roomslot[\(school.rooms[key.resource].id),\(key.slot.id)]", terms, upper: 1)
    }
    for (key, terms) in teacherSlot.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
      model.addRow("teacherslot[\(school.teachers[key.resource].id),\(key.slot.id)]", terms, upper: 1)
    }
    for (p, terms) in teacherWeek.sorted(by: { $0.key < $1.key }) {
      if let limit = school.teachers[p].maxSections, limit < terms.count {
        model.addRow("teacherweek[\(school.teachers[p].id)]", terms, upper: Double(limit))
      }
    }
    model.addTeacherPayBudget(school, teachers.map { ($0.teacher, $0.variable) })
    for pin in instance.pinnedSlots() {
      let terms = rooms.filter { $0.0.course == pin.course && $0.0.slot == pin.slot }.map { MIPModel.Term($0.1, 1) }
      if !terms.isEmpty { model.addRow("pinned[\(school.courses[pin.course].code),\(pin.slot.id)]", terms, lower: 1) }
    }
    var start = [Double](repeating: 0, count: model.variables.count)
    for (key, v) in rooms where usedRooms.contains(key) { start[v.index] = 1 }
    for (c, slot, p, v) in teachers where usedTeachers.contains(TeacherSlot(course: c, slot: slot, teacher: p)) {
      start[v.index] = 1
    }
    var greedySeats = [Int](repeating: 0, count: school.courses.count)
    for section in greedy {
      greedySeats[section.course] += min(school.courses[section.course].maxSize, school.rooms[section.room].capacity)
    }
    for (c, v) in seatColumns { start[v.index] = min(Double(greedySeats[c]), model.variables[v.index].upper ?? 0) }
    self.model = model
    self.rooms = rooms
    self.teachers = teachers
    self.start = start
  }

  /// The packed sections: each offering's chosen rooms paired with its chosen teachers in order.
  func sections(from values: [Double]) -> [PlacedSection] {
    let on = { (v: MIPModel.VariableID) in values[v.index] > 0.5 }
    var chosenTeachers: [CourseSlot: [Int]] = [:]
    for (c, slot, p, v) in teachers where on(v) { chosenTeachers[CourseSlot(course: c, slot: slot), default: []].append(p) }
    var result: [PlacedSection] = []
    for (key, v) in rooms where on(v) {
      let slotKey = CourseSlot(course: key.course, slot: key.slot)
      guard let teacher = chosenTeachers[slotKey]?.first else { continue }
      chosenTeachers[slotKey]!.removeFirst()
      result.append(PlacedSection(course: key.course, slot: key.slot, room: key.room, teacher: teacher))
    }
    return result
  }
}

struct PlacedSlotRoom: Hashable {
  let course: Int
  let slot: Slot
  let room: Int
}

private struct TeacherSlot: Hashable {
  let course: Int
  let slot: Slot
  let teacher: Int
}
