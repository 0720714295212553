import Foundation
import ZoubanModel
import ZoubanXLSX

/// One table of a school (a CSV file, or the first sheet of an `.xlsx` workbook), split into
/// records, with its header mapped.
struct Table {
  /// The file as diagnostics name it (the user's directory joined with the file name).
  let file: String
  let header: HeaderMap
  /// The header row as written, which a scenario extends with the columns it sets.
  let headerRecord: CSVRecord
  /// Data records (the header excluded), in file order; for a workbook, `line` is the
  /// spreadsheet row number.
  let rows: [CSVRecord]
  /// False when an unclosed quote cut the file short.
  let complete: Bool
}

/// Reads a table file and reports what is wrong with the file as a whole.
///
/// A table is a CSV file or an `.xlsx` workbook, whose first sheet is read instead: staff keep
/// their lists in Excel or WPS, and exporting CSV loses nothing but is one more step to forget.
/// Both become the same `CSVRecord`s, so header mapping, rows and diagnostics downstream do not
/// know which it was.
enum TableFile {
  /// The extension of a workbook that may stand in for a `.csv` table of the same base name.
  static let workbookExtension = "xlsx"

  enum Outcome {
    case missing
    case unreadable
    case table(Table)
  }

  /// Reads `path`, shown as `file`. A missing optional file is `.missing` without a diagnostic.
  static func read(
    path: String, file: String, columns: [ColumnSpec], acceptsRankedChoices: Bool = false, required: Bool,
    log: DiagnosticLog
  ) -> Outcome {
    guard let bytes = TextDecoding.readBytes(path: path) else {
      if required {
        log.error(file, nil, "file not found", hint: "a school directory needs school.toml, courses.csv, rooms.csv, teachers.csv and students.csv")
      }
      return .missing
    }
    return parse(bytes: bytes, file: file, columns: columns, acceptsRankedChoices: acceptsRankedChoices, log: log)
  }

  /// Whether `file` is read as a workbook: by its name, or because it is a ZIP archive whatever
  /// its name (an `.xlsx` renamed to `.csv` is still the table the user meant).
  static func isWorkbook(file: String, bytes: [UInt8]) -> Bool {
    file.lowercased().hasSuffix("." + workbookExtension) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
  }

  /// The same, from bytes already read: a workbook (see `isWorkbook`) or CSV text.
  static func parse(bytes: [UInt8], file: String, columns: [ColumnSpec], acceptsRankedChoices: Bool, log: DiagnosticLog) -> Outcome {
    if isWorkbook(file: file, bytes: bytes) {
      return parseWorkbook(bytes: bytes, file: file, columns: columns, acceptsRankedChoices: acceptsRankedChoices, log: log)
    }
    guard let text = TextDecoding.decode(bytes) else {
      log.error(file, nil, "the file is neither UTF-8 nor GB18030 text", hint: "save it from Excel or WPS as \"CSV UTF-8\"")
      return .unreadable
    }
    let document = CSVReader.parse(text)
    if let line = document.unclosedQuoteLine {
      log.error(file, line, "a quoted cell starts here and is never closed", hint: "add the missing \" (the rest of the file was read as one cell)")
    }
    guard let headerRecord = document.records.first else {
      if document.unclosedQuoteLine == nil {
        log.error(file, nil, "the file is empty", hint: "the first row must be the header")
      }
      return .unreadable
    }
    return table(
      file: file, headerRecord: headerRecord, rows: Array(document.records.dropFirst()), complete: document.unclosedQuoteLine == nil,
      columns: columns, acceptsRankedChoices: acceptsRankedChoices, log: log)
  }

  /// The first sheet of an `.xlsx` workbook as a table, each record at its spreadsheet row.
  /// A workbook that cannot be read is one error on the file, never a crash.
  static func parseWorkbook(bytes: [UInt8], file: String, columns: [ColumnSpec], acceptsRankedChoices: Bool, log: DiagnosticLog) -> Outcome {
    let sheet: [(row: Int, cells: [String])]
    do {
      sheet = try XLSXReader.firstSheet(Data(bytes))
    } catch {
      log.error(file, nil, error.message, hint: "open it in Excel or WPS and save it again as .xlsx (without a password), or as \"CSV UTF-8\"")
      return .unreadable
    }
    let records = sheet.map { CSVRecord(line: $0.row, fields: $0.cells) }
    guard let headerRecord = records.first else {
      log.error(file, nil, "the first sheet is empty", hint: "the first row of the first sheet must be the header")
      return .unreadable
    }
    return table(
      file: file, headerRecord: headerRecord, rows: Array(records.dropFirst()), complete: true, columns: columns,
      acceptsRankedChoices: acceptsRankedChoices, log: log)
  }

  /// Maps the header and checks row widths: the part of reading that CSV and workbooks share.
  private static func table(
    file: String, headerRecord: CSVRecord, rows: [CSVRecord], complete: Bool, columns: [ColumnSpec], acceptsRankedChoices: Bool,
    log: DiagnosticLog
  ) -> Outcome {
    let header = HeaderMap.build(header: headerRecord, columns: columns, acceptsRankedChoices: acceptsRankedChoices) {
      severity, message, hint in
      log.add(Diagnostic(severity, file: file, line: headerRecord.line, message, hint: hint))
    }
    let width = headerRecord.fields.count
    for row in rows where row.fields.count > width && row.fields[width...].contains(where: { !$0.trimmingWhitespace.isEmpty }) {
      log.warning(file, row.line, "the row has \(row.fields.count) cells but the header has \(width); the extra cells are ignored")
    }
    return .table(Table(file: file, header: header, headerRecord: headerRecord, rows: rows, complete: complete))
  }
}

/// One data row with its table: typed cell access that reports problems at the row's line.
///
/// A column missing from the header yields `nil` silently (the header error already said so),
/// and an empty optional cell yields its default.
struct Row {
  let record: CSVRecord
  let table: Table
  let log: DiagnosticLog

  var line: Int { record.line }

  /// The file diagnostics of this row name: the table's, or the scenario's for a row it wrote.
  var file: String { record.source ?? table.file }

  /// Whether the header has this column.
  func has(_ column: String) -> Bool { table.header.index(column) != nil }

  /// The heading as the file wrote it, for messages.
  func heading(_ column: String) -> String { table.header.heading(column) }

  /// The trimmed cell, empty when the column or the cell is missing.
  func cell(_ column: String) -> String {
    guard let i = table.header.index(column) else { return "" }
    return cell(at: i)
  }

  func cell(at index: Int) -> String {
    index < record.fields.count ? record.fields[index].trimmingWhitespace : ""
  }

  func error(_ message: String, hint: String? = nil) { log.error(file, line, message, hint: hint) }
  func warning(_ message: String, hint: String? = nil) { log.warning(file, line, message, hint: hint) }
  func report(_ problem: CellProblem) { error(problem.message, hint: problem.hint) }

  /// A required text cell; an empty one is an error.
  func required(_ column: String) -> String? {
    guard has(column) else { return nil }
    let value = cell(column)
    if value.isEmpty {
      error("\(heading(column)) is empty")
      return nil
    }
    return value
  }

  /// Runs a parser on a cell. An empty cell gives `defaultValue`, or an error when there is none.
  func parse<T>(_ column: String, default defaultValue: T? = nil, _ parser: (String, String) -> Result<T, CellProblem>) -> T? {
    let value = cell(column)
    if value.isEmpty {
      if defaultValue == nil && has(column) { error("\(heading(column)) is empty") }
      return defaultValue
    }
    switch parser(value, heading(column)) {
    case .success(let v): return v
    case .failure(let problem):
      report(problem)
      return nil
    }
  }

  /// Reports the problems of a multi-item parse (grade sets, slot sets) and passes its value on.
  func collect<T>(_ result: (T?, [CellProblem])) -> T? {
    result.1.forEach(report)
    return result.0
  }
}

extension Row {
  /// A required id cell, recorded in `index`; a repeat is an error and yields `nil`.
  func key(_ column: String, into index: inout NameIndex) -> String? {
    guard let value = required(column) else { return nil }
    if let first = index.add(value, line: line) {
      error("duplicate \(heading(column)) \(value) (first on line \(first))")
      return nil
    }
    return value
  }

  /// A required grade-set cell.
  func grades(_ column: String, tiers: TierLookup) -> GradeSet? {
    guard has(column) else { return nil }
    return collect(CellParsers.gradeSet(cell(column), column: heading(column), tiers: tiers))
  }

  /// An optional slot-set cell; `whenEmpty` when blank, `nil` when invalid or the week is unknown.
  func slots(_ column: String, week: Week?, whenEmpty: Set<Slot>?) -> Set<Slot>? {
    let value = cell(column)
    if value.isEmpty { return whenEmpty }
    return collect(CellParsers.slotSet(value, column: heading(column), week: week))
  }

  /// An optional yes/no cell.
  func yesNo(_ column: String, default defaultValue: Bool) -> Bool? {
    parse(column, default: defaultValue) { CellParsers.yesNo($0, column: $1) }
  }

  /// An optional amount of yuan, 0 when blank.
  func amount(_ column: String) -> Double? {
    parse(column, default: 0) { CellParsers.amount($0, column: $1) }
  }

  /// A whole number cell with a minimum; `defaultValue` when blank (`nil` = required).
  func wholeNumber(_ column: String, minimum: Int, default defaultValue: Int? = nil) -> Int? {
    parse(column, default: defaultValue) { CellParsers.wholeNumber($0, column: $1, minimum: minimum) }
  }
}
