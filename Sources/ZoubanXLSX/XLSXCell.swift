/// One cell of a worksheet as the writer takes it.
public enum XLSXCell: Hashable, Sendable {
  /// Text, written as a string cell (never as a formula, whatever it starts with).
  case text(String)
  /// A number, written as a numeric cell so that Excel can sum and sort it; integral values
  /// are written without a trailing `.0`.
  case number(Double)
}

/// One worksheet: a name for its tab and its rows, the first of which is the header.
public struct XLSXSheet: Hashable, Sendable {
  /// The tab's name as the caller wants it; the writer makes it legal for Excel
  /// (see `XLSXWriter.sheetNames(_:)`).
  public var name: String
  /// Row 0 is the header (bold and frozen); rows may have different lengths.
  public var rows: [[XLSXCell]]

  public init(name: String, rows: [[XLSXCell]]) {
    self.name = name
    self.rows = rows
  }
}
