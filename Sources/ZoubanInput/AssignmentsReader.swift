import Foundation
import ZoubanModel

/// Reads an `assignments.csv` (SPEC §3), such as one staff edited by hand, for `zouban check`.
///
/// Only the file's structure is judged here; whether the rows make sense (known students,
/// sections that fit the rules) is the checker's job, against SPEC §2. The file may be an
/// `.xlsx` workbook (its first sheet, same columns), as staff who edit in Excel save it.
public enum AssignmentsReader {
  static let columns = ["student", "course", "section", "slot", "room", "teacher"].map { ColumnSpec($0, required: true) }

  /// Formula-guard prefixes `solve` writes (SPEC §3): a cell starting with one of these got a `'`.
  static let guardedStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  public static func read(path given: String) -> (rows: [AssignmentRow], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    let path = source(given)
    guard let bytes = TextDecoding.readBytes(path: path) else {
      log.error(path, nil, "file not found")
      return ([], log.diagnostics)
    }
    // Extra columns (student_name, rank, …) are expected and ignored without a warning.
    let quiet = DiagnosticLog()
    guard case .table(let table) = TableFile.parse(bytes: bytes, file: path, columns: columns, acceptsRankedChoices: false, log: quiet)
    else { return ([], quiet.diagnostics) }
    for diagnostic in quiet.diagnostics where diagnostic.severity == .error { log.add(diagnostic) }
    let rows = table.rows.map { record -> AssignmentRow in
      let row = Row(record: record, table: table, log: log)
      func value(_ column: String) -> String { unguarded(row.cell(column)) }
      return AssignmentRow(
        line: row.line, student: value("student"), course: value("course"), section: value("section"),
        slot: value("slot"), room: value("room"), teacher: value("teacher"))
    }
    return (rows, log.diagnostics)
  }

  /// The file to read for `path`: the path itself, or, when it names a `.csv` that is not there,
  /// the `.xlsx` of the same base name if that is (`assignments.xlsx` for `assignments.csv`).
  /// Diagnostics then name the workbook, the file actually read.
  static func source(_ path: String) -> String {
    guard path.lowercased().hasSuffix(".csv"), !FileManager.default.fileExists(atPath: path) else { return path }
    let workbook = String(path.dropLast(3)) + TableFile.workbookExtension
    return FileManager.default.fileExists(atPath: workbook) ? workbook : path
  }

  /// Undoes the `'` that `solve` puts before a cell starting with `=`, `+`, `-`, `@`, tab or CR.
  static func unguarded(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let next = cell.dropFirst().first, guardedStarts.contains(next) else { return cell }
    return String(cell.dropFirst())
  }
}
