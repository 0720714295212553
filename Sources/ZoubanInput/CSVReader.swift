/// One CSV record with the physical line it starts on, so every diagnostic can say `file:line`.
struct CSVRecord: Equatable, Sendable {
  /// 1-based line of the record's first character.
  let line: Int
  /// The fields as written (quotes removed, not trimmed).
  let fields: [String]
  /// The file the record comes from when it is not the table's own: a row a scenario added or
  /// changed is reported at the scenario's line (`Scenario`).
  var source: String? = nil
}

/// The records of a CSV text, and the line of an unclosed quote if one swallowed the rest.
struct CSVDocument: Equatable, Sendable {
  let records: [CSVRecord]
  /// Line where a quoted field opened and never closed; the records stop before it.
  let unclosedQuoteLine: Int?
}

/// A small RFC 4180 reader that remembers where each record starts.
///
/// Written here instead of taken from a package because line numbers of records that span lines
/// (a quoted cell with an embedded newline, common in 备注 columns) are what users need to find
/// a problem, and general CSV packages do not report them.
///
/// Leniencies, chosen to match what Excel and WPS write: line ends are `\n`, `\r\n` or a lone `\r`
/// (old Excel for Mac); a quote inside an unquoted field is kept as text; text after a closing quote
/// is appended to the field; embedded `\r\n` becomes `\n`. Records whose cells are all blank (empty
/// lines, or `,,,` rows Excel leaves after the data) are skipped.
enum CSVReader {
  static func parse(_ text: String) -> CSVDocument {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var quoteLine = 1
    var previousWasCR = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endRecord() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      if fields.contains(where: { !$0.trimmingWhitespace.isEmpty }) {
        records.append(CSVRecord(line: recordLine, fields: fields))
      }
      fields = []
    }

    while let c = pending ?? scalars.next() {
      pending = nil
      let wasCR = previousWasCR
      previousWasCR = (c == "\r")
      if inQuotes {
        switch c {
        case "\"":
          let next = scalars.next()
          if next == "\"" {
            field.append("\"")
          } else {
            inQuotes = false
            pending = next
          }
        case "\r":
          field.append("\n")
          line += 1
        case "\n":
          if wasCR { continue }
          field.append("\n")
          line += 1
        default:
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty:
        inQuotes = true
        quoteLine = line
      case ",":
        fields.append(String(field))
        field = String.UnicodeScalarView()
      case "\r":
        endRecord()
        line += 1
        recordLine = line
      case "\n":
        if wasCR { continue }
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(c)
      }
    }
    if inQuotes {
      return CSVDocument(records: records, unclosedQuoteLine: quoteLine)
    }
    if !field.isEmpty || !fields.isEmpty {
      endRecord()
    }
    return CSVDocument(records: records, unclosedQuoteLine: nil)
  }
}

extension String {
  /// The text without leading and trailing white space (including the ideographic space U+3000).
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
