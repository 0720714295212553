import ZoubanModel

/// Reads `fixed.csv`: placements decided beforehand, which the solver must honour.
///
/// Every rule of SPEC §1 is checked here, so that a conflict is an input error at its line rather
/// than an infeasible model later: unknown student or course, a grade the course does not take,
/// a slot that is not a slot id of the week, not allowed for the course or one the student cannot
/// attend, more fixed rows than the student's electives, the same course twice for a student, and
/// two courses pinned to one slot of a student.
enum FixedReader {
  static let columns = [
    ColumnSpec("student", ["学号"], required: true),
    ColumnSpec("course", ["课程", "编号"], required: true),
    ColumnSpec("slot", ["时段"]),
  ]

  static func read(
    _ table: Table, settings: SchoolSettings, catalog: CourseCatalog, roster: StudentRoster, log: DiagnosticLog
  ) -> [FixedPlacement] {
    var placements: [FixedPlacement] = []
    var pairLines: [String: Int] = [:]
    var slotLines: [String: Int] = [:]
    var counts: [String: Int] = [:]
    var totals: [String: Int] = [:]
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      if !row.cell("course").isEmpty { totals[row.cell("student"), default: 0] += 1 }
    }
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      let before = log.errorCount
      let studentID = row.required("student")
      let token = row.required("course")
      let student = studentID.flatMap { lookUpStudent($0, row: row, roster: roster) }
      let course = token.flatMap { lookUpCourse($0, row: row, catalog: catalog) }
      let slot = readSlot(row, week: settings.week)
      if let student, let course {
        checkFit(row: row, student: student, course: course, slot: slot)
        if let first = pairLines[student.id + "\u{0}" + course.code] {
          row.error("student \(student.id) is fixed to course \(course.code) twice (first on line \(first))")
          continue
        }
        pairLines[student.id + "\u{0}" + course.code] = row.line
      }
      if let student, let slot {
        if let first = slotLines[student.id + "\u{0}" + slot.id] {
          row.error("student \(student.id) is fixed twice in slot \(slot.id) (first on line \(first))")
        } else {
          slotLines[student.id + "\u{0}" + slot.id] = row.line
        }
      }
      if let student, token != nil {
        let count = (counts[student.id] ?? 0) + 1
        counts[student.id] = count
        if let electives = student.electives, count == electives + 1 {
          row.error(
            "student \(student.id) has \(totals[student.id] ?? count) fixed rows but electives is \(electives)",
            hint: "raise electives in students.csv or remove a row")
        }
      }
      if log.errorCount == before, let student, let course, row.cell("slot").isEmpty || slot != nil {
        placements.append(FixedPlacement(student: student.id, course: course.code, slot: slot, line: row.line))
      }
    }
    return placements
  }

  private static func lookUpStudent(_ id: String, row: Row, roster: StudentRoster) -> StudentEntry? {
    if let entry = roster.entry(id) { return entry }
    if roster.ids.complete {
      row.error("unknown student \(id) in \(row.heading("student"))", hint: roster.ids.hint(for: id, addTo: "students.csv"))
    }
    return nil
  }

  private static func lookUpCourse(_ token: String, row: Row, catalog: CourseCatalog) -> CourseEntry? {
    switch catalog.resolve(token) {
    case .found(let entry): return entry.code.isEmpty ? nil : entry
    case .unknown: row.error("unknown course \(token) in \(row.heading("course"))", hint: catalog.hint(for: token))
    case .unknowable: break
    }
    return nil
  }

  /// The pinned slot: one slot id of the week (a day name is not enough to pin).
  private static func readSlot(_ row: Row, week: Week?) -> Slot? {
    let value = row.cell("slot")
    guard !value.isEmpty, let week else { return nil }
    switch CellParsers.slot(value, column: row.heading("slot"), week: week) {
    case .success(let slot): return slot
    case .failure(let problem):
      row.report(problem)
      return nil
    }
  }

  /// Grade, course slots and student availability, as far as each is known.
  private static func checkFit(row: Row, student: StudentEntry, course: CourseEntry, slot: Slot?) {
    let label = course.label
    if let grade = student.grade, let grades = course.grades, !grades.contains(grade) {
      row.error("course \(label) is not open to grade \(grade) of student \(student.id) (grades \(grades))")
    }
    guard let slot else { return }
    if let slots = course.slots, !slots.contains(slot) {
      row.error(
        "course \(label) may not run in \(slot.id)", hint: "its slots are \(slots.map(\.id).joined(separator: ", "))")
    }
    if let unavailable = student.unavailable, unavailable.contains(slot) {
      row.error("student \(student.id) cannot attend \(slot.id) (unavailable in students.csv)")
    }
  }
}
