import ZoubanModel

/// SPEC §2 rules 1, 2 and 6: what each student may attend.
enum StudentRules {
  static func check(_ timetable: Timetable, in directory: Directory) -> [Violation] {
    let byStudent = Dictionary(grouping: timetable.attendances, by: \.student.id)
    var found: [Violation] = []
    for id in byStudent.keys.sorted() {
      let mine = byStudent[id]!
      found += limits(mine, in: directory)
      found += mine.flatMap { eligibility($0, in: directory) }
    }
    found += directory.school.fixed.compactMap { honoured($0, byStudent: byStudent, in: directory) }
    return found
  }

  /// Rule 1: at most one section per slot, one section of any course, `electives` in all.
  /// These faults lie between rows, so they carry no line.
  private static func limits(_ mine: [Attendance], in directory: Directory) -> [Violation] {
    let student = mine[0].student
    let who = directory.student(student.id)
    var found: [Violation] = []
    let bySlot = Dictionary(grouping: mine, by: \.slot)
    for slot in bySlot.keys.sorted() where bySlot[slot]!.count > 1 {
      let ids = bySlot[slot]!.map(\.section).sorted().map(\.id)
      found.append(
        Violation(
          line: nil, message: "\(who) is in \(Wording.count(ids.count)) sections on \(slot.id): \(Wording.list(ids))"))
    }
    let byCourse = Dictionary(grouping: mine, by: \.course.code)
    for code in byCourse.keys.sorted() where byCourse[code]!.count > 1 {
      let ids = byCourse[code]!.map(\.section).sorted().map(\.id)
      found.append(
        Violation(
          line: nil,
          message:
            "\(who) is in \(Wording.count(ids.count)) sections of \(directory.course(code)): \(Wording.list(ids))"))
    }
    if mine.count > student.electives {
      let attends = mine.count == 1 ? "1 section" : "\(mine.count) sections"
      let asked = student.electives == 1 ? "the 1 elective" : "the \(student.electives) electives"
      found.append(Violation(line: nil, message: "\(who) attends \(attends), more than \(asked) asked for"))
    }
    return found
  }

  /// Rule 2 for one row: the grade, the student's free slots, and the student's wishes.
  private static func eligibility(_ a: Attendance, in directory: Directory) -> [Violation] {
    let who = directory.student(a.student.id)
    let course = directory.course(a.course.code)
    var faults: [String] = []
    if !a.course.grades.contains(a.student.grade) {
      let grades = a.course.grades.grades.count == 1 ? "grade" : "grades"
      faults.append("\(who) is in grade \(a.student.grade), but \(course) is for \(grades) \(a.course.grades)")
    }
    if !a.student.isAvailable(in: a.slot) {
      faults.append("\(who) is not available on \(a.slot.id) but is placed in \(a.section.id)")
    }
    if a.student.rank(of: a.course.code) == nil && !a.student.acceptAny
      && !directory.isFixed(student: a.student.id, course: a.course.code)
    {
      faults.append(
        "\(who) is placed in \(course), which is not one of their choices; they do not accept other courses (服从调剂) and it is not fixed for them"
      )
    }
    return faults.map { Violation(line: a.line, message: $0) }
  }

  /// Rule 6: the fixed row's student attends its course, in its slot when one is given.
  private static func honoured(
    _ fixed: FixedPlacement, byStudent: [String: [Attendance]], in directory: Directory
  ) -> Violation? {
    let attended = (byStudent[fixed.student] ?? []).filter { $0.course.code == fixed.course }
    let slots = attended.map(\.slot).sorted()
    if let slot = fixed.slot {
      if slots.contains(slot) { return nil }
    } else if !slots.isEmpty {
      return nil
    }
    let must =
      "fixed placement not honoured: \(directory.student(fixed.student)) must attend \(directory.course(fixed.course))"
      + (fixed.slot.map { " on \($0.id)" } ?? "")
    let but = slots.isEmpty ? "but is not placed in it" : "but attends it on \(Wording.slots(slots))"
    return Violation(line: nil, message: "\(must), \(but)")
  }
}
