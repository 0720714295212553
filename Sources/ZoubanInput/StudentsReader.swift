import ZoubanModel

/// One row of `students.csv` as far as it could be read; `fixed.csv` checks against the parts
/// that are known, so a bad choice cell does not hide a grade mismatch in `fixed.csv`.
struct StudentEntry {
  let line: Int
  let id: String
  let grade: Int?
  let electives: Int?
  let unavailable: Set<Slot>?
  /// The student, when the whole row is clean.
  let student: Student?
}

/// The students of `students.csv`, with lookup by id for `fixed.csv`.
struct StudentRoster {
  var entries: [StudentEntry] = []
  var ids = NameIndex()

  func entry(_ id: String) -> StudentEntry? { entries.first { $0.id == id } }
}

/// Reads `students.csv`: the applicants and their ranked choices (志愿).
enum StudentsReader {
  static let columns = [
    ColumnSpec("id", ["学号"], required: true),
    ColumnSpec("name", ["姓名"]),
    ColumnSpec("grade", ["年级"], required: true),
    ColumnSpec("class", ["班级"]),
    ColumnSpec("electives", ["选课数"]),
    ColumnSpec("priority", ["优先", "优先类别"]),
    ColumnSpec("accept_any", ["服从调剂"]),
    ColumnSpec("fee_waiver", ["免费", "减免"]),
    ColumnSpec("unavailable", ["不可用时段"]),
    ColumnSpec("choices", ["志愿"]),
  ]

  static func read(_ table: Table, settings: SchoolSettings, catalog: CourseCatalog, log: DiagnosticLog) -> StudentRoster {
    var roster = StudentRoster()
    roster.ids.complete = table.complete && table.header.index("id") != nil
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      let before = log.errorCount
      let id = row.key("id", into: &roster.ids)
      let grade = row.parse("grade") { CellParsers.grade($0, column: $1) }
      let electives = row.cell("electives").isEmpty ? settings.electivesPerStudent : row.wholeNumber("electives", minimum: 0)
      let acceptAny = row.yesNo("accept_any", default: false)
      let feeWaiver = row.yesNo("fee_waiver", default: false)
      let unavailable = row.slots("unavailable", week: settings.week, whenEmpty: [])
      let choices = readChoices(row, grade: grade, catalog: catalog)
      var student: Student? = nil
      if log.errorCount == before, let id, let grade, let electives, let acceptAny, let feeWaiver, let unavailable {
        student = Student(
          id: id, name: row.cell("name"), grade: grade, homeClass: row.cell("class"), electives: electives,
          priority: row.cell("priority"), acceptAny: acceptAny, feeWaiver: feeWaiver, unavailable: unavailable, choices: choices)
      }
      if !row.cell("id").isEmpty {
        roster.entries.append(
          StudentEntry(line: row.line, id: row.cell("id"), grade: grade, electives: electives, unavailable: unavailable, student: student))
      }
    }
    return roster
  }

  /// The choice cells in rank order (`choice1…` by number, or the one `choices` cell), resolved to
  /// course codes. Blank cells are skipped, so the next filled one moves up a rank. A repeat keeps
  /// its first rank (warning); a course not open to the student's grade is dropped (warning).
  private static func readChoices(_ row: Row, grade: Int?, catalog: CourseCatalog) -> [String] {
    var cells: [(heading: String, token: String)] = row.table.header.rankedChoices.map { ($0.heading, row.cell(at: $0.index)) }
    if row.has("choices") {
      cells += CellParsers.list(row.cell("choices")).map { (row.heading("choices"), $0) }
    }
    var codes: [String] = []
    var firstHeading: [String: String] = [:]
    for (heading, token) in cells where !token.isEmpty {
      guard case .found(let entry) = catalog.resolve(token) else {
        if case .unknown = catalog.resolve(token) {
          row.error("unknown course \(token) in \(heading)", hint: catalog.hint(for: token))
        }
        continue
      }
      let label = entry.label
      let place = "\(entry.file):\(entry.line)"
      if let first = firstHeading[place] {
        let twice = first == heading ? "twice in \(heading)" : "in \(first) and again in \(heading)"
        row.warning("course \(label) is chosen \(twice); its first rank is kept")
        continue
      }
      firstHeading[place] = heading
      if let grade, let grades = entry.grades, !grades.contains(grade) {
        row.warning("course \(label) in \(heading) is not open to grade \(grade) (grades \(grades)); the choice is dropped")
        continue
      }
      if !entry.code.isEmpty { codes.append(entry.code) }
    }
    return codes
  }
}
