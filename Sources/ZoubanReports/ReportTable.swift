/// One table of a solve's results, written as a CSV file for programs and as a sheet of
/// `zouban.xlsx` for people.
///
/// Each column has a machine key (the CSV header: SPEC §3's names, stable for scripts) and a
/// Chinese label (the spreadsheet header, for the office).
public struct ReportTable: Sendable, Equatable {
  public struct Column: Sendable, Equatable {
    public let key: String
    public let label: String
    /// Numbers go into spreadsheets as numbers, so staff can sum and sort them.
    public let numeric: Bool

    public init(_ key: String, _ label: String, numeric: Bool = false) {
      self.key = key
      self.label = label
      self.numeric = numeric
    }
  }

  /// The CSV file name, e.g. `fill.csv`.
  public let file: String
  /// The spreadsheet's sheet name, e.g. `满额情况`.
  public let sheet: String
  public let columns: [Column]
  public let rows: [[String]]

  public init(file: String, sheet: String, columns: [Column], rows: [[String]]) {
    self.file = file
    self.sheet = sheet
    self.columns = columns
    self.rows = rows
  }

  public var header: [String] { columns.map(\.key) }
  public var labels: [String] { columns.map(\.label) }

  public var csv: String { CSVWriter.write(header: header, rows: rows) }
}
