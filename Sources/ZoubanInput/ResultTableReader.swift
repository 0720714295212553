import ZoubanModel

/// Reads one CSV table of a solve's output directory (`fill.csv`, …) as cells by column name,
/// for `zouban report`, which shows a solve again from its files alone.
public enum ResultTableReader {
  /// One data row: its line in the file and its cells by column key (formula guards undone).
  public struct Row: Sendable {
    public let line: Int
    public let cells: [String: String]
  }

  /// The rows of the table at `path`; every column in `required` must be in its header.
  public static func read(path: String, required: [String]) -> (rows: [Row], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard let bytes = TextDecoding.readBytes(path: path) else {
      log.error(path, nil, "file not found", hint: "give the directory that `zouban solve --out` wrote")
      return ([], log.diagnostics)
    }
    // Columns past the required ones are expected (newer versions add some) and ignored quietly.
    let quiet = DiagnosticLog()
    let specs = required.map { ColumnSpec($0, required: true) }
    guard case .table(let table) = TableFile.parse(bytes: bytes, file: path, columns: specs, acceptsRankedChoices: false, log: quiet)
    else { return ([], quiet.diagnostics) }
    for diagnostic in quiet.diagnostics where diagnostic.severity == .error { log.add(diagnostic) }
    let rows = table.rows.map { record in
      let row = ZoubanInput.Row(record: record, table: table, log: log)
      return Row(
        line: row.line,
        cells: Dictionary(uniqueKeysWithValues: required.map { ($0, AssignmentsReader.unguarded(row.cell($0))) }))
    }
    return (rows, log.diagnostics)
  }
}
