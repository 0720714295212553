import MIPModel
import ZoubanModel

extension Formulation {
  /// Turns column values into a timetable. In each (course, slot), rooms and teachers with value 1
  /// are paired in file order into parallel sections, and the students are split so that every
  /// section gets its `min_size` first and then fills up in order, never past its capacity.
  public func solution(from values: [Double]) -> Solution {
    let on = { (v: MIPModel.VariableID) in values[v.index] > 0.5 }
    let roomsByOffering = Dictionary(grouping: roomUses.filter { on($0.variable) }, by: \.offering)
    let teachersByOffering = Dictionary(grouping: teacherUses.filter { on($0.variable) }, by: \.offering)
    var sections: [Section] = []
    var placements: [Placement] = []
    for (o, offering) in instance.offerings.enumerated() {
      let rooms = (roomsByOffering[o] ?? []).map(\.resource).sorted()
      let teachers = (teachersByOffering[o] ?? []).map(\.resource).sorted()
      guard !rooms.isEmpty else { continue }
      let course = school.courses[offering.course]
      let capacity = Dictionary(uniqueKeysWithValues: offering.rooms.map { ($0.room, $0.capacity) })
      let students = attendancesByOffering[o].filter { on(attendances[$0].variable) }.map { attendances[$0].student }
      let sizes = split(students.count, minimum: course.minSize, capacities: rooms.map { capacity[$0]! })
      var next = 0
      for (k, (room, teacher)) in zip(rooms, teachers).enumerated() {
        let section = Section(
          course: course.code, slot: offering.slot, parallelIndex: k + 1, room: school.rooms[room].id,
          teacher: school.teachers[teacher].id)
        sections.append(section)
        for s in students[next..<next + sizes[k]] {
          placements.append(Placement(student: school.students[s].id, section: section.id))
        }
        next += sizes[k]
      }
    }
    return Solution(sections: sections, placements: placements)
  }

  /// Section sizes for `n` students: each gets `minimum`, the rest fill sections in order.
  /// The model guarantees `minimum · count ≤ n ≤ Σ capacities`.
  private func split(_ n: Int, minimum: Int, capacities: [Int]) -> [Int] {
    var sizes = capacities.map { _ in minimum }
    var rest = n - minimum * capacities.count
    for i in sizes.indices where rest > 0 {
      let add = min(rest, capacities[i] - minimum)
      sizes[i] += add
      rest -= add
    }
    return sizes
  }

  /// The school's objective of a solution, from the model's own coefficients (so a test can
  /// compare it with the independent checker's).
  ///
  /// With `stability` the model's own objective also holds the keep bonus; this is still
  /// SPEC §2's objective alone.
  public func objective(of values: [Double]) -> Int {
    guard stability != nil else { return Int(model.objectiveValue(values).rounded()) }
    return attendances.reduce(instance.objectiveConstant()) { $0 + (values[$1.variable.index] > 0.5 ? $1.gain : 0) }
  }
}

extension Formulation {
  /// Column values of a timetable, to hand GLPK as a warm start; `nil` when the timetable uses a
  /// choice this model has no column for.
  public func values(of solution: Solution) -> [Double]? {
    var values = [Double](repeating: 0, count: model.variables.count)
    var index: [String: Int] = [:]
    for v in model.variables.indices { index[model.variables[v].name] = v }
    let sections = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0) })
    for section in solution.sections {
      let tag = "\(section.course),\(section.slot.id)"
      guard let room = index["room[\(tag),\(section.room)]"], let teach = index["teach[\(tag),\(section.teacher)]"] else { return nil }
      values[room] = 1
      values[teach] = 1
    }
    for placement in solution.placements {
      guard let section = sections[placement.section],
        let x = index["x[\(placement.student),\(section.course),\(section.slot.id)]"]
      else { return nil }
      values[x] = 1
    }
    fillStays(&values)
    return model.violatedRows(values).isEmpty ? values : nil
  }
}
