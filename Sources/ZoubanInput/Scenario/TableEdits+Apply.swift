import Foundation
import ZoubanModel

extension Table {
  /// The table with a scenario's edits made: rows removed and changed by `key`, rows added, and
  /// the columns they set appended to the header when the file lacks them. A row the scenario
  /// changed or added is reported at the scenario's line from then on.
  ///
  /// Choices written by a scenario (`choices = ["C01", "C02"]`) turn a table with one column per
  /// choice into the single `choices` form, so that both cannot disagree.
  func applying(
    _ edits: TableEdits, scenario: String, key: String, columns: [ColumnSpec], week: Week?, log: DiagnosticLog
  ) -> Table {
    let edits = Self.resolvingAvailability(edits, scenario: scenario, week: week, log: log)
    let setColumns = Set((edits.changes.flatMap(\.cells) + edits.additions.flatMap(\.cells)).map(\.0))
    let mergesChoices = setColumns.contains("choices") && !header.rankedChoices.isEmpty
    let dropped = Set(mergesChoices ? header.rankedChoices.map(\.index) : [])
    let width = headerRecord.fields.count
    var appended = setColumns.filter { header.index($0) == nil && $0 != "choices" }.sorted()
    if setColumns.contains("choices") && header.index("choices") == nil { appended.append("choices") }
    let newHeader = CSVRecord(
      line: headerRecord.line,
      fields: headerRecord.fields.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) + appended,
      source: headerRecord.source)
    // The file's own header problems were reported when it was read; the new header has no others.
    let map = HeaderMap.build(header: newHeader, columns: columns, acceptsRankedChoices: !mergesChoices) { _, _, _ in }

    func reshaped(_ record: CSVRecord) -> [String] {
      let fields = record.fields + Array(repeating: "", count: max(0, width - record.fields.count))
      var kept = fields.prefix(width).enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
      for column in appended {
        if column == "choices" && mergesChoices {
          kept.append(header.rankedChoices.map { fields[$0.index].trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: ";"))
        } else {
          kept.append("")
        }
      }
      return kept
    }
    func setting(_ fields: inout [String], _ cells: [(String, String)]) {
      for (column, value) in cells {
        if let index = map.index(column) { fields[index] = value }
      }
    }

    guard let keyIndex = header.index(key) else { return self }
    let removed = Set(edits.removals.map(\.key))
    var seen = Set<String>()
    var rows: [CSVRecord] = []
    for record in self.rows {
      let id = keyIndex < record.fields.count ? record.fields[keyIndex].trimmingWhitespace : ""
      seen.insert(id)
      if removed.contains(id) { continue }
      var fields = reshaped(record)
      var source = record.source, line = record.line
      for change in edits.changes where change.key == id {
        setting(&fields, change.cells)
        (source, line) = (scenario, change.line)
      }
      rows.append(CSVRecord(line: line, fields: fields, source: source))
    }
    let name = (file as NSString).lastPathComponent
    for removal in edits.removals where !seen.contains(removal.key) {
      log.error(scenario, removal.line, "\(name) has no row with \(key) \(removal.key) to remove")
    }
    for change in edits.changes where !seen.contains(change.key) || removed.contains(change.key) {
      let why = removed.contains(change.key) ? "it is also removed" : "\(name) has no row with \(key) \(change.key)"
      log.error(scenario, change.line, "cannot change \(key) \(change.key): \(why)")
    }
    for addition in edits.additions {
      var fields = Array(repeating: "", count: newHeader.fields.count)
      setting(&fields, addition.cells)
      rows.append(CSVRecord(line: addition.line, fields: fields, source: scenario))
    }
    return Table(file: file, header: map, headerRecord: newHeader, rows: rows, complete: complete)
  }

  /// `available = ["Tue-1", "Tue-2"]` → `unavailable` = every other slot of the week.
  private static func resolvingAvailability(_ edits: TableEdits, scenario: String, week: Week?, log: DiagnosticLog) -> TableEdits {
    func resolve(_ cells: [(String, String)], line: Int) -> [(String, String)] {
      guard let value = cells.first(where: { $0.0 == "available" })?.1 else { return cells }
      var rest = cells.filter { $0.0 != "available" && $0.0 != "unavailable" }
      guard let week else { return rest }
      let (slots, problems) = CellParsers.slotSet(value, column: "available", week: week)
      for problem in problems { log.error(scenario, line, problem.message, hint: problem.hint) }
      if let slots {
        rest.append(("unavailable", week.slots.filter { !slots.contains($0) }.map(\.id).joined(separator: ";")))
      }
      return rest
    }
    var resolved = edits
    resolved.changes = edits.changes.map { TableEdits.Change(key: $0.key, cells: resolve($0.cells, line: $0.line), line: $0.line) }
    resolved.additions = edits.additions.map { TableEdits.Addition(cells: resolve($0.cells, line: $0.line), line: $0.line) }
    return resolved
  }
}

extension Table {
  /// fixed.csv without the rows of removed students and courses (a removed student's fixed
  /// placement leaves with them; it is not an error).
  func dropping(_ owners: (students: Set<String>, courses: Set<String>)) -> Table {
    guard !owners.students.isEmpty || !owners.courses.isEmpty else { return self }
    func cell(_ record: CSVRecord, _ column: String) -> String {
      guard let i = header.index(column), i < record.fields.count else { return "" }
      return record.fields[i].trimmingWhitespace
    }
    let kept = rows.filter { !owners.students.contains(cell($0, "student")) && !owners.courses.contains(cell($0, "course")) }
    return Table(file: file, header: header, headerRecord: headerRecord, rows: kept, complete: complete)
  }
}

extension Table {
  /// The trimmed `column` cells of the rows whose `key` cell is one of `keys` (the names of the
  /// courses a scenario removes, which choices may use instead of codes).
  func cells(_ column: String, whereKey key: String, isIn keys: Set<String>) -> [String] {
    guard let k = header.index(key), let c = header.index(column) else { return [] }
    return rows.filter { k < $0.fields.count && keys.contains($0.fields[k].trimmingWhitespace) }
      .compactMap { c < $0.fields.count ? $0.fields[c].trimmingWhitespace : nil }
  }

  /// students.csv without choices of removed courses: a club that is gone is no longer a choice,
  /// and the student's later choices move up, as when a choice cell is blank.
  func removingChoices(_ courses: Set<String>) -> Table {
    guard !courses.isEmpty else { return self }
    let ranked = Set(header.rankedChoices.map(\.index))
    let single = header.index("choices")
    let rows = self.rows.map { record -> CSVRecord in
      var fields = record.fields
      for i in fields.indices where ranked.contains(i) && courses.contains(fields[i].trimmingWhitespace) { fields[i] = "" }
      if let single, single < fields.count {
        fields[single] = CellParsers.list(fields[single]).filter { !courses.contains($0) }.joined(separator: ";")
      }
      return CSVRecord(line: record.line, fields: fields, source: record.source)
    }
    return Table(file: file, header: header, headerRecord: headerRecord, rows: rows, complete: complete)
  }
}
