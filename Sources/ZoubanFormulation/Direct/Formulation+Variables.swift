import MIPModel
import ZoubanModel

extension Formulation {
  /// `room[c,t,r]` and `teach[c,t,p]` for every offering.
  mutating func addSectionVariables() {
    for (o, offering) in instance.offerings.enumerated() {
      let tag = "\(school.courses[offering.course].code),\(offering.slot.id)"
      for option in offering.rooms {
        let v = model.addVariable("room[\(tag),\(school.rooms[option.room].id)]", kind: .binary)
        roomUses.append(Use(offering: o, resource: option.room, variable: v))
      }
      for p in offering.teachers {
        let v = model.addVariable("teach[\(tag),\(school.teachers[p].id)]", kind: .binary)
        teacherUses.append(Use(offering: o, resource: p, variable: v))
      }
    }
  }

  /// `x[s,c,t]` for every student, acceptable course and slot the student can attend, with
  /// objective `m_s · (u_s(c) + unplaced_penalty)`: each placement earns its utility and removes
  /// one unplaced penalty (`objectiveConstant` charges every elective as unplaced up front).
  mutating func addAttendanceVariables() {
    let penalty = school.objective.unplacedPenalty
    for (s, student) in school.students.enumerated() where student.electives > 0 {
      for (c, pinned) in instance.acceptableCourses(of: s) {
        let gain = instance.multiplier(student: s) * (instance.utility(student: s, course: c) + penalty)
        for (slot, o) in instance.offeringIndex[c].sorted(by: { $0.key < $1.key }) {
          guard student.isAvailable(in: slot), pinned == nil || pinned == slot else { continue }
          // With a previous timetable (`Formulation+Stability.swift`) the objective is scaled
          // and each previous placement kept earns 1 on top, to break ties.
          let kept = previousKeys.contains(AttendanceKey(student: s, course: c, slot: slot)) ? 1 : 0
          let v = model.addVariable(
            "x[\(student.id),\(school.courses[c].code),\(slot.id)]", kind: .binary, objective: Double(gain * scale + kept))
          attendancesByOffering[o].append(attendances.count)
          attendances.append(Attendance(student: s, offering: o, variable: v, gain: gain))
        }
      }
    }
  }
}
