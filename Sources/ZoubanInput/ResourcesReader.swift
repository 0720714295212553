import ZoubanModel

/// Reads `rooms.csv`: the rooms and fields (场地) sections are held in.
enum RoomsReader {
  static let columns = [
    ColumnSpec("id", ["编号"], required: true),
    ColumnSpec("name", ["名称"]),
    ColumnSpec("type", ["类型", "场地类型"], required: true),
    ColumnSpec("capacity", ["容量"], required: true),
    ColumnSpec("unavailable", ["不可用时段"]),
  ]

  /// The rooms whose rows are clean. (Nothing refers to a room by id, so no index is kept.)
  static func read(_ table: Table, settings: SchoolSettings, log: DiagnosticLog) -> [Room] {
    var ids = NameIndex()
    var rooms: [Room] = []
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      let before = log.errorCount
      let id = row.key("id", into: &ids)
      let type = row.required("type")
      let capacity = row.wholeNumber("capacity", minimum: 1)
      let unavailable = row.slots("unavailable", week: settings.week, whenEmpty: [])
      guard log.errorCount == before, let id, let type, let capacity, let unavailable else { continue }
      rooms.append(Room(id: id, name: row.cell("name"), type: type, capacity: capacity, unavailable: unavailable))
    }
    return rooms
  }
}

/// Reads `teachers.csv`: the school's teachers and outside instructors (教师).
enum TeachersReader {
  static let columns = [
    ColumnSpec("id", ["编号", "工号"], required: true),
    ColumnSpec("name", ["姓名"]),
    ColumnSpec("max_sections", ["每周最多节数"]),
    ColumnSpec("unavailable", ["不可用时段"]),
    ColumnSpec("rate", ["课时费"]),
  ]

  /// The teachers whose rows are clean, and every id the file names (for courses.csv).
  static func read(_ table: Table, settings: SchoolSettings, log: DiagnosticLog) -> (teachers: [Teacher], ids: NameIndex) {
    var ids = NameIndex()
    ids.complete = table.complete && table.header.index("id") != nil
    var teachers: [Teacher] = []
    for record in table.rows {
      let row = Row(record: record, table: table, log: log)
      let before = log.errorCount
      let id = row.key("id", into: &ids)
      // Blank means "no weekly limit", so the cell is only parsed when written.
      let maxSections = row.cell("max_sections").isEmpty ? nil : row.wholeNumber("max_sections", minimum: 1)
      let unavailable = row.slots("unavailable", week: settings.week, whenEmpty: [])
      let rate = row.amount("rate")
      guard log.errorCount == before, let id, let unavailable, let rate else { continue }
      teachers.append(Teacher(id: id, name: row.cell("name"), maxSections: maxSections, unavailable: unavailable, rate: rate))
    }
    return (teachers, ids)
  }
}
