/// Writes CSV that Excel and WPS open correctly: UTF-8 with a BOM, CRLF-free `\n` rows,
/// RFC 4180 quoting, and a `'` before any cell that a spreadsheet would run as a formula.
public enum CSVWriter {
  public static func write(header: [String], rows: [[String]]) -> String {
    var out = "\u{FEFF}"
    for row in [header] + rows { out += row.map(cell).joined(separator: ",") + "\n" }
    return out
  }

  /// One cell: guarded against formula injection (`=`, `+`, `-`, `@`, tab, CR), then quoted if needed.
  static func cell(_ raw: String) -> String {
    var value = raw
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
  }
}
