import Foundation

/// Reads the cell text of a workbook's first sheet, as Excel, WPS, LibreOffice and openpyxl
/// write it, with the spreadsheet row number of every row (what a user sees at the left edge,
/// and what diagnostics must name).
///
/// The sheet is found the way the format defines, not by guessing `sheet1.xml`: the package's
/// `_rels/.rels` names the workbook part, the workbook lists the sheets in tab order, and the
/// workbook's relationships give each sheet's part. Every problem, from a file that is not a ZIP
/// to a reference outside Excel's grid, is an `XLSXReadError`.
public enum XLSXReader {
  /// At most this many cells (counting the blanks before a row's last cell) are returned, so that
  /// one cell placed at `XFD1048576` cannot make the reader fill the memory.
  static let maxCells = 2_000_000

  /// The first worksheet (in workbook order, skipping hidden sheets unless all are hidden) as
  /// rows of cell text with their 1-based spreadsheet row numbers.
  ///
  /// Rows whose cells are all blank are skipped; each row runs from column A to its last
  /// non-empty cell, with "" for missing cells. Text is as stored (shared, inline or rich
  /// strings); numbers in their shortest decimal form at Excel's 15 significant digits
  /// (`3`, not `3.0`); booleans `TRUE`/`FALSE`; formulas their cached result.
  public static func firstSheet(_ data: Data) throws(XLSXReadError) -> [(row: Int, cells: [String])] {
    let package = try ZIPPackage(data)
    let workbookPath = try self.workbookPath(package)
    guard let workbookData = try package.part(workbookPath) else {
      throw XLSXReadError("not an .xlsx file (no \(workbookPath))")
    }
    let workbook = try decode(SpreadsheetML.Workbook.self, workbookData, part: workbookPath)
    let relationshipsPath = self.relationshipsPath(of: workbookPath)
    guard let relationshipsData = try package.part(relationshipsPath) else {
      throw XLSXReadError("the workbook is damaged (\(relationshipsPath) is missing)")
    }
    let relationships = try decode(SpreadsheetML.Relationships.self, relationshipsData, part: relationshipsPath)
      .relationship.filter { $0.targetMode?.lowercased() != "external" }

    // Worksheets in tab order; chart sheets and dialog sheets have other relationship types.
    let worksheets: [(sheet: SpreadsheetML.Sheet, path: String)] = (workbook.sheets?.sheet ?? []).compactMap { sheet in
      guard let id = sheet.relationshipID,
        let relationship = relationships.first(where: { $0.id == id && $0.type.hasSuffix("/worksheet") })
      else { return nil }
      return (sheet, resolve(relationship.target, from: workbookPath))
    }
    guard let first = worksheets.first(where: { ($0.sheet.state ?? "visible") == "visible" }) ?? worksheets.first else {
      throw XLSXReadError("the workbook has no worksheet")
    }
    guard let sheetData = try package.part(first.path) else {
      throw XLSXReadError("the workbook is damaged (its sheet \(first.path) is missing)")
    }

    var sharedStrings: [String]? = nil
    if let relationship = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
      let path = resolve(relationship.target, from: workbookPath)
      if let data = try package.part(path) {
        sharedStrings = try decode(SpreadsheetML.SharedStrings.self, data, part: path).si.map {
          XMLText.decodeOfficeEscapes($0.text)
        }
      }
    }
    let worksheet = try decode(SpreadsheetML.Worksheet.self, sheetData, part: first.path)
    return try rows(of: worksheet, sharedStrings: sharedStrings, part: first.path)
  }

  // MARK: - Parts

  /// The main part named by `_rels/.rels`, or the usual `xl/workbook.xml` when a writer left the
  /// package relationships out.
  private static func workbookPath(_ package: ZIPPackage) throws(XLSXReadError) -> String {
    if let data = try package.part("_rels/.rels") {
      let relationships = try decode(SpreadsheetML.Relationships.self, data, part: "_rels/.rels").relationship
      if let main = relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
        return resolve(main.target, from: "")
      }
    }
    guard package.contains("xl/workbook.xml") else {
      throw XLSXReadError("not an .xlsx file (the ZIP archive holds no workbook)")
    }
    return "xl/workbook.xml"
  }

  /// `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`.
  static func relationshipsPath(of part: String) -> String {
    let slash = part.lastIndex(of: "/")
    let directory = slash.map { String(part[...$0]) } ?? ""
    let name = slash.map { String(part[part.index(after: $0)...]) } ?? part
    return directory + "_rels/" + name + ".rels"
  }

  /// A relationship target as a path inside the archive: absolute (`/xl/…`) or relative to the
  /// directory of the part that holds the relationship, with `.` and `..` resolved.
  static func resolve(_ target: String, from sourcePart: String) -> String {
    let decoded = target.removingPercentEncoding ?? target
    var segments: [Substring] = []
    if !decoded.hasPrefix("/") {
      segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    }
    for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, part: String) throws(XLSXReadError) -> T {
    do {
      return try SpreadsheetML.decode(type, from: data)
    } catch {
      throw XLSXReadError("the workbook is damaged (\(part) is not valid XML)")
    }
  }

  // MARK: - Cells

  private static func rows(
    of worksheet: SpreadsheetML.Worksheet, sharedStrings: [String]?, part: String
  ) throws(XLSXReadError) -> [(row: Int, cells: [String])] {
    var result: [(row: Int, cells: [String])] = []
    var previousRow = 0
    var cellCount = 0
    for row in worksheet.sheetData?.row ?? [] {
      let number: Int
      if let r = row.r {
        guard let n = Int(r.trimmingCharacters(in: .whitespaces)), n >= 1, n <= CellReference.maxRow else {
          throw XLSXReadError("the workbook is damaged (\(part) has a row numbered \"\(r)\")")
        }
        number = n
      } else {
        number = previousRow + 1
      }
      previousRow = number
      guard number <= CellReference.maxRow else { throw XLSXReadError("the workbook is damaged (\(part) has too many rows)") }

      var cells: [String] = []
      var previousColumn = -1
      for cell in row.c {
        let column: Int
        if let r = cell.r {
          guard let reference = CellReference.parse(r.trimmingCharacters(in: .whitespaces)) else {
            throw XLSXReadError("the workbook is damaged (\(part) has a cell at \"\(r)\", outside the sheet)")
          }
          column = reference.column
        } else {
          column = previousColumn + 1
        }
        previousColumn = column
        guard column < CellReference.maxColumn else { throw XLSXReadError("the workbook is damaged (\(part) has too many columns)") }
        let text = try value(of: cell, sharedStrings: sharedStrings, row: number, column: column)
        guard !text.isEmpty else { continue }
        if column >= cells.count {
          cellCount += column + 1 - cells.count
          guard cellCount <= maxCells else { throw XLSXReadError("the sheet is too large (more than \(maxCells) cells)") }
          cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
        }
        cells[column] = text
      }
      if cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
        result.append((number, cells))
      }
    }
    // Rows are in order in every file a spreadsheet writes; a stable sort keeps others readable.
    if zip(result, result.dropFirst()).contains(where: { $0.0.row > $0.1.row }) {
      result = result.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
    }
    return result
  }

  private static func value(
    of cell: SpreadsheetML.Cell, sharedStrings: [String]?, row: Int, column: Int
  ) throws(XLSXReadError) -> String {
    let v = cell.v ?? ""
    switch cell.t ?? "n" {
    case "s":
      let trimmed = v.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return "" }
      guard let strings = sharedStrings, let index = Int(trimmed), strings.indices.contains(index) else {
        let reference = CellReference.name(column: column, row: row)
        throw XLSXReadError("the workbook is damaged (cell \(reference) refers to a shared string that is missing)")
      }
      return strings[index]
    case "inlineStr":
      return XMLText.decodeOfficeEscapes(cell.inline?.text ?? v)
    case "b":
      switch v.trimmingCharacters(in: .whitespaces) {
      case "1", "true": return "TRUE"
      case "0", "false": return "FALSE"
      default: return v
      }
    case "n":
      return numberText(v)
    default:  // "str" (a formula's text result), "e" (an error such as #N/A), "d" (an ISO 8601 date)
      return XMLText.decodeOfficeEscapes(v)
    }
  }

  /// A numeric cell's text: rounded to the 15 significant digits Excel shows, then integral
  /// values without a fraction (`3` for `3` or `3.0`) and others in Swift's shortest form
  /// (`0.3` for the `0.30000000000000004` a formula may store). Text that is not a number
  /// is passed on as it is.
  static func numberText(_ stored: String) -> String {
    let trimmed = stored.trimmingCharacters(in: .whitespaces)
    guard let parsed = Double(trimmed), parsed.isFinite else { return trimmed }
    let value = Double(String(format: "%.15g", parsed)) ?? parsed
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
