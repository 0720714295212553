import ZoubanModel

/// One row of `courses.csv` as far as it could be read. Other tables resolve references against
/// every row that named a code or a name, even a row with errors, so a broken course row is
/// reported once, not again as "unknown course" in students.csv and fixed.csv.
struct CourseEntry {
  /// Where the row is: courses.csv, or the scenario that added or changed it.
  let file: String
  let line: Int
  let code: String
  let name: String
  /// `nil` when the cell was invalid (or depends on a broken school.toml): checks needing it are skipped.
  let grades: GradeSet?
  let slots: [Slot]?
  /// The course, when the whole row is clean.
  let course: Course?

  /// `C05 (机器人班)` for messages, or whichever of the two the row has.
  var label: String {
    if code.isEmpty { return name }
    return name.isEmpty ? code : "\(code) (\(name))"
  }
}

/// The catalog of courses read from `courses.csv`, with name resolution for the other tables.
struct CourseCatalog {
  var entries: [CourseEntry] = []
  var codes = NameIndex()
  var names = NameIndex()

  enum Resolution {
    case found(CourseEntry)
    /// Not known, and the catalog was read in full: the reference is wrong.
    case unknown
    /// Not known, but the catalog was cut short: say nothing.
    case unknowable
  }

  /// A course by code, else by exact name.
  func resolve(_ token: String) -> Resolution {
    if codes.contains(token), let entry = entries.first(where: { $0.code == token }) { return .found(entry) }
    if names.contains(token), let entry = entries.first(where: { $0.name == token }) { return .found(entry) }
    return codes.complete && names.complete ? .unknown : .unknowable
  }

  /// The hint for an unknown course: close codes or names, or where to add it.
  func hint(for token: String) -> String {
    let close = Suggestions.closest(to: token, among: codes.keys + names.keys)
    return close.isEmpty ? "courses.csv has no course with this code or name" : Suggestions.didYouMean(close)
  }
}

/// Reads `courses.csv`: the clubs and electives (课程/社团) of the catalog.
enum CoursesReader {
  static let columns = [
    ColumnSpec("code", ["编号", "课程编号"], required: true),
    ColumnSpec("name", ["名称", "课程名称"], required: true),
    ColumnSpec("category", ["类别"]),
    ColumnSpec("grades", ["年级", "适用年级"], required: true),
    ColumnSpec("max_size", ["最多人数", "容量"], required: true),
    ColumnSpec("min_size", ["最少人数", "开班人数"]),
    ColumnSpec("max_sections", ["最多班数"]),
    ColumnSpec("slots", ["时段"]),
    ColumnSpec("room_type", ["场地类型"], required: true),
    ColumnSpec("teachers", ["教师", "任课教师"], required: true),
    ColumnSpec("fee", ["收费", "费用"]),
    ColumnSpec("provider", ["提供方"]),
  ]

  static func read(_ table: Table, settings: SchoolSettings, teacherIDs: NameIndex, log: DiagnosticLog) -> CourseCatalog {
    var catalog = CourseCatalog()
    catalog.codes.complete = table.complete && table.header.index("code") != nil
    catalog.names.complete = table.complete && table.header.index("name") != nil
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      let before = log.errorCount
      let code = row.key("code", into: &catalog.codes)
      if let code, !code.allSatisfy({ $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "_" }) {
        row.error("\(row.heading("code")) \"\(code)\" may hold only letters, digits, - and _")
      }
      let name = row.key("name", into: &catalog.names)
      let category = row.cell("category")
      let grades = row.grades("grades", tiers: settings.tiers)
      let sizes = readSizes(row, settings: settings)
      let maxSections = row.wholeNumber("max_sections", minimum: 1, default: 1)
      let slots = row.slots("slots", week: settings.week, whenEmpty: settings.week.map { Set($0.slots) })
      let roomType = row.required("room_type")
      let teachers = readTeachers(row, teacherIDs: teacherIDs)
      let fee = row.amount("fee")
      let provider = readProvider(row)
      if provider == .external && Course.isAcademic(category: category) {
        row.error(
          "course \(code ?? row.cell("code")) is academic (\(row.heading("category")) \(category)) and may not be run by an external provider",
          hint: "academic (学科类) services may not be run by outside institutions")
      }
      var course: Course? = nil
      if log.errorCount == before, let code, let name, let grades, let sizes, let maxSections, let slots, let roomType,
        let teachers, let fee, let provider
      {
        course = Course(
          code: code, name: name, category: category, grades: grades, maxSize: sizes.max, minSize: sizes.min,
          maxSections: maxSections, slots: Array(slots), roomType: roomType, teachers: teachers, fee: fee, provider: provider)
      }
      if !row.cell("code").isEmpty || !row.cell("name").isEmpty {
        catalog.entries.append(
          CourseEntry(
            file: row.file, line: row.line, code: row.cell("code"), name: row.cell("name"), grades: grades, slots: slots.map { $0.sorted() },
            course: course))
      }
    }
    return catalog
  }

  /// `max_size`, and `min_size` (default `rules.min_size`), which may not exceed it.
  private static func readSizes(_ row: Row, settings: SchoolSettings) -> (max: Int, min: Int)? {
    let maxSize = row.wholeNumber("max_size", minimum: 1)
    let explicit = !row.cell("min_size").isEmpty
    let minSize = explicit ? row.wholeNumber("min_size", minimum: 1) : settings.minSize
    guard let maxSize, let minSize else { return nil }
    guard minSize <= maxSize else {
      if explicit {
        row.error("\(row.heading("min_size")) \(minSize) is greater than \(row.heading("max_size")) \(maxSize)")
      } else {
        row.error(
          "min_size \(minSize) from rules.min_size in school.toml is greater than \(row.heading("max_size")) \(maxSize)",
          hint: "give this course its own min_size")
      }
      return nil
    }
    return (maxSize, minSize)
  }

  /// The teacher ids, each of which must be in teachers.csv.
  private static func readTeachers(_ row: Row, teacherIDs: NameIndex) -> [String]? {
    guard let cell = row.required("teachers") else { return nil }
    var ids: [String] = []
    for id in CellParsers.list(cell) where !ids.contains(id) {
      ids.append(id)
      if teacherIDs.complete && !teacherIDs.contains(id) {
        row.error("unknown teacher \(id) in \(row.heading("teachers"))", hint: teacherIDs.hint(for: id, addTo: "teachers.csv"))
      }
    }
    if ids.isEmpty { row.error("\(row.heading("teachers")) names no teacher") }
    return ids
  }

  /// `school`/`本校` (the default) or `external`/`校外`/`校外机构`.
  private static func readProvider(_ row: Row) -> Provider? {
    row.parse("provider", default: Provider.school) { value, column in
      switch value.lowercased() {
      case "school", "本校": return .success(.school)
      case "external", "校外", "校外机构": return .success(.external)
      default:
        return .failure(CellProblem("\(column) \"\(value)\" is not school or external", hint: "write school (本校) or external (校外机构)"))
      }
    }
  }
}
