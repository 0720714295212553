import Foundation
import ZoubanModel

/// SPEC §2 rules 3, 4 and 5: each open section's size, slot, teacher and room, and the weekly
/// limits of courses, teachers and rooms (and the teacher-pay budget, when school.toml sets
/// one). A section's faults carry no line: they concern all of
/// its rows, or several sections at once.
enum SectionRules {
  static func check(_ timetable: Timetable, in directory: Directory) -> [Violation] {
    var messages: [String] = []
    for s in timetable.sections {
      messages += size(s, in: directory)
      messages += placement(s, in: directory)
    }
    messages += weekly(timetable, in: directory)
    return messages.map { Violation(line: nil, message: $0) }
  }

  /// Rule 3: between `min_size` and `min(max_size, room capacity)` students.
  private static func size(_ s: Timetable.OpenSection, in directory: Directory) -> [String] {
    let section = directory.section(s.key)
    let n = s.attendances.count
    let has = "\(section) has \(n) student\(n == 1 ? "" : "s")"
    var found: [String] = []
    if n < s.course.minSize {
      found.append("\(has), fewer than its minimum \(s.course.minSize)")
    }
    if n > s.course.maxSize {
      found.append("\(has), more than its maximum \(s.course.maxSize)")
    }
    if n > s.room.capacity {
      found.append("\(has), more than \(directory.room(s.room.id)) holds (\(s.room.capacity))")
    }
    return found
  }

  /// Rules 3, 4 and 5 for one section: an allowed slot, a qualified and free teacher, a free room
  /// of the right type.
  private static func placement(_ s: Timetable.OpenSection, in directory: Directory) -> [String] {
    let section = directory.section(s.key)
    let course = directory.course(s.course.code)
    let slot = s.key.slot
    let teacher = directory.teacher(s.teacher.id)
    let room = directory.room(s.room.id)
    var found: [String] = []
    if !s.course.slots.contains(slot) {
      found.append(
        "\(section) is on \(slot.id), which is not one of the slots allowed for \(course): \(Wording.slots(s.course.slots))"
      )
    }
    if !s.course.teachers.contains(s.teacher.id) {
      found.append("\(section) is taught by \(teacher), who is not listed as a teacher of \(course)")
    }
    if !s.teacher.isAvailable(in: slot) {
      found.append("\(section) is taught by \(teacher), who is not available on \(slot.id)")
    }
    if s.room.type != s.course.roomType {
      found.append("\(section) is in \(room) of type \(s.room.type), but \(course) needs type \(s.course.roomType)")
    }
    if !s.room.isAvailable(in: slot) {
      found.append("\(section) is in \(room), which is not available on \(slot.id)")
    }
    return found
  }

  /// Rules 3, 4 and 5 across sections: a course's weekly sections, a teacher's and a room's one
  /// section per slot, a teacher's weekly sections.
  private static func weekly(_ timetable: Timetable, in directory: Directory) -> [String] {
    var found: [String] = []
    let byCourse = Dictionary(grouping: timetable.sections, by: \.course.code)
    for code in byCourse.keys.sorted() {
      let sections = byCourse[code]!
      let course = sections[0].course
      if sections.count > course.maxSections {
        found.append(
          "course \(directory.course(code)) opens \(sections.count) sections, more than its maximum \(course.maxSections) per week: \(sections.idList)"
        )
      }
    }

    let byTeacher = Dictionary(grouping: timetable.sections, by: \.teacher.id)
    for id in byTeacher.keys.sorted() {
      let sections = byTeacher[id]!
      let teacher = directory.teacher(id)
      for (slot, clash) in Dictionary(grouping: sections, by: \.key.slot).crowded() {
        found.append("\(teacher) teaches \(Wording.count(clash.count)) sections on \(slot.id): \(clash.idList)")
      }
      if let most = sections[0].teacher.maxSections, sections.count > most {
        found.append(
          "\(teacher) teaches \(sections.count) sections, more than their maximum \(most) per week: \(sections.idList)")
      }
    }

    let byRoom = Dictionary(grouping: timetable.sections, by: \.room.id)
    for id in byRoom.keys.sorted() {
      for (slot, clash) in Dictionary(grouping: byRoom[id]!, by: \.key.slot).crowded() {
        found.append(
          "\(directory.room(id)) holds \(Wording.count(clash.count)) sections on \(slot.id): \(clash.idList)")
      }
    }
    found += budget(timetable, in: directory)
    return found
  }

  /// `[rules] teacher_pay_budget`: the week's teacher pay (each open section's teacher's `rate`)
  /// within the cap.
  private static func budget(_ timetable: Timetable, in directory: Directory) -> [String] {
    guard let budget = directory.school.rules.teacherPayBudget else { return [] }
    let pay = timetable.sections.reduce(0.0) { $0 + $1.teacher.rate }
    guard pay > Double(budget) + 1e-6 else { return [] }
    let shown = pay == pay.rounded() ? String(Int(pay)) : String(format: "%.2f", pay)
    return ["the week's teacher pay is \(shown) yuan, more than teacher_pay_budget \(budget)"]
  }
}
