import MIPModel
import ZoubanModel

extension CourseLevelModel {
  /// `solution` as a point of this model, or `nil` when it is not one (a row or a column bound
  /// it breaks, or a section or placement this model has no column for).
  ///
  /// Every timetable maps onto the course level (see the type), so GLPK can start stage 1 from
  /// the quick timetable: it then always ends with a plan at least that good. Starting from
  /// opening nothing, a demand-sized school of 3,000 students found no plan in stage 1's 30 s
  /// (185 nodes, the root LP's bound 14 % above the quick timetable), and the solve had nothing
  /// to place.
  public func values(of solution: Solution) -> [Double]? {
    var x = [Double](repeating: 0, count: model.variables.count)
    guard addSections(of: solution, to: &x), addPlacements(of: solution, to: &x) else { return nil }
    let withinBounds = model.variables.indices.allSatisfy { j in
      let v = model.variables[j]
      return x[j] >= v.lower - 1e-9 && x[j] <= (v.upper ?? .infinity) + 1e-9
    }
    return withinBounds && model.violatedRows(x).isEmpty ? x : nil
  }

  /// `n[c]`, `q[c,p]`, `room[c,t,r]` and `teach[c,t,p]` of the timetable's sections.
  private func addSections(of solution: Solution, to x: inout [Double]) -> Bool {
    let rooms = Dictionary(slotted.map { (Placed(course: $0.course, slot: $0.slot, resource: $0.room), $0.variable) }, uniquingKeysWith: { a, _ in a })
    let teachers = Dictionary(
      slottedTeachers.map { (Placed(course: $0.course, slot: $0.slot, resource: $0.teacher), $0.variable) }, uniquingKeysWith: { a, _ in a })
    let shares = Dictionary(quotas.map { (Pair(first: $0.course, second: $0.teacher), $0.variable) }, uniquingKeysWith: { a, _ in a })
    for section in solution.sections {
      guard let c = instance.courseIndex[section.course], let r = instance.roomIndex[section.room],
        let p = instance.teacherIndex[section.teacher], let n = sections[c],
        let room = rooms[Placed(course: c, slot: section.slot, resource: r)],
        let teach = teachers[Placed(course: c, slot: section.slot, resource: p)], let q = shares[Pair(first: c, second: p)]
      else { return false }
      for v in [n, room, teach, q] { x[v.index] += 1 }
    }
    return true
  }

  /// `y[s,c]` of ranked and fixed placements; `z[c,g]` and the student's share `a[s]` of 服从调剂 ones.
  private func addPlacements(of solution: Solution, to x: inout [Double]) -> Bool {
    let courseOf = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0.course) })
    let ys = Dictionary(takes.map { (Pair(first: $0.student, second: $0.course), $0.variable) }, uniquingKeysWith: { a, _ in a })
    let zs = Dictionary(flexible.map { (Pair(first: $0.group, second: $0.course), $0.variable) }, uniquingKeysWith: { a, _ in a })
    var member: [Int: (group: Int, share: MIPModel.VariableID)] = [:]
    for (g, group) in flexibleGroups.enumerated() {
      for (i, s) in group.students.enumerated() { member[s] = (g, group.shares[i]) }
    }
    for placement in solution.placements {
      guard let code = courseOf[placement.section], let c = instance.courseIndex[code], let s = instance.studentIndex[placement.student]
      else { return false }
      if let y = ys[Pair(first: s, second: c)] {
        x[y.index] = 1
      } else if let (g, share) = member[s], let z = zs[Pair(first: g, second: c)] {
        x[z.index] += 1
        x[share.index] += 1
      } else {
        return false
      }
    }
    return true
  }
}

/// A (course, slot, room or teacher) while matching a timetable's sections to columns.
private struct Placed: Hashable {
  let course: Int
  let slot: Slot
  let resource: Int
}

private struct Pair: Hashable {
  let first: Int
  let second: Int
}
