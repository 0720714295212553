import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (`.xlsx`) that Excel, WPS, LibreOffice and openpyxl open:
/// one sheet per `XLSXSheet`, the header row bold and frozen, column widths fitted to the text.
///
/// The XML is written as text rather than through XMLCoder's encoder: the parts need namespaced
/// attributes (`r:id`), `xml:space="preserve"`, one fixed element order that the schema demands
/// (`sheetViews` before `cols` before `sheetData`), and byte-for-byte stable output, none of which
/// an encoder working from `Codable` values promises. Every piece of caller text goes through
/// `XMLText`, which escapes markup and drops what XML cannot carry.
///
/// Output is deterministic: the same sheets give the same bytes. Parts are generated in a fixed
/// order with no dictionaries iterated, strings are numbered by first use, and every ZIP entry
/// has the same date (1980-01-01 00:00, the earliest a ZIP can hold), permissions and compression
/// (deflate through the system zlib, which is itself deterministic for a given zlib version).
public enum XLSXWriter {
  /// The workbook's bytes. An empty list gives a workbook with one empty sheet (a workbook
  /// without sheets is not valid). Throws only if ZIPFoundation cannot build the archive.
  public static func data(_ sheets: [XLSXSheet]) throws -> Data {
    let sheets = sheets.isEmpty ? [XLSXSheet(name: "Sheet1", rows: [])] : sheets
    let names = sheetNames(sheets.map(\.name))
    var strings = SharedStrings()
    var parts: [(path: String, xml: String)] = [
      ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
      ("_rels/.rels", packageRelationships),
      ("xl/workbook.xml", workbook(names)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
      ("xl/styles.xml", styles),
    ]
    let worksheets = sheets.map { worksheet($0, strings: &strings) }
    parts.append(("xl/sharedStrings.xml", strings.xml))
    for (index, xml) in worksheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
    }
    return try zip(parts)
  }

  // MARK: - Cells

  /// Formula-guard prefixes, as in the CSV writer: a text starting with one of these gets a `'`
  /// so that a spreadsheet never runs it, even after someone edits the cell.
  static let guardedStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// Excel's limit on the length of one cell's text (UTF-16 units); longer text makes Excel
  /// "repair" the file, so it is cut.
  static let maxCellLength = 32_767

  /// The text a cell will hold: characters XML cannot carry dropped first (so that a hidden
  /// control character cannot smuggle a `=` to the front), then guarded, then cut to Excel's limit.
  static func cellText(_ raw: String) -> String {
    var text = XMLText.dropForbidden(raw)
    if let first = text.unicodeScalars.first, guardedStarts.contains(first) { text = "'" + text }
    return prefix(text, utf16Limit: maxCellLength)
  }

  /// The `<v>` text of a number: integral values without a fraction (`3`, not `3.0`), others in
  /// Swift's shortest round-tripping form; nil for NaN and infinities, which a cell cannot hold.
  static func numberText(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// The numbers of the shared strings, in order of first use.
  struct SharedStrings {
    private var index: [String: Int] = [:]
    private var list: [String] = []
    private var references = 0

    mutating func number(_ text: String) -> Int {
      references += 1
      if let n = index[text] { return n }
      index[text] = list.count
      list.append(text)
      return list.count - 1
    }

    var xml: String {
      var out = header
      out += "<sst xmlns=\"\(mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(list.count)\">"
      for text in list { out += "<si><t xml:space=\"preserve\">\(XMLText.cellContent(text))</t></si>" }
      out += "</sst>"
      return out
    }
  }

  /// Cell styles, indexes into `cellXfs` of `styles`.
  enum Style: Int {
    case plain = 0, bold = 1, wrap = 2, boldWrap = 3

    static func of(header: Bool, multiline: Bool) -> Style {
      switch (header, multiline) {
      case (false, false): .plain
      case (true, false): .bold
      case (false, true): .wrap
      case (true, true): .boldWrap
      }
    }
  }

  // MARK: - Parts

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func worksheet(_ sheet: XLSXSheet, strings: inout SharedStrings) -> String {
    var widths: [Int] = []
    var body = ""
    for (rowIndex, row) in sheet.rows.enumerated() {
      let rowNumber = rowIndex + 1
      var cells = ""
      for (column, cell) in row.enumerated() {
        let reference = CellReference.name(column: column, row: rowNumber)
        let shown: String
        switch cell {
        case .text(let raw):
          let text = cellText(raw)
          guard !text.isEmpty else { continue }
          let style = Style.of(header: rowIndex == 0, multiline: text.contains("\n") || text.contains("\r"))
          cells += "<c r=\"\(reference)\"\(styleAttribute(style)) t=\"s\"><v>\(strings.number(text))</v></c>"
          shown = text
        case .number(let value):
          let style = styleAttribute(Style.of(header: rowIndex == 0, multiline: false))
          if let number = numberText(value) {
            cells += "<c r=\"\(reference)\"\(style)><v>\(number)</v></c>"
            shown = number
          } else {
            // What Excel itself stores for a number that is not one.
            cells += "<c r=\"\(reference)\"\(style) t=\"e\"><v>#NUM!</v></c>"
            shown = "#NUM!"
          }
        }
        while widths.count <= column { widths.append(0) }
        widths[column] = max(widths[column], XMLText.displayWidth(shown))
      }
      if !cells.isEmpty { body += "<row r=\"\(rowNumber)\">\(cells)</row>" }
    }
    let width = sheet.rows.map(\.count).max() ?? 0
    let dimension = width == 0 ? "A1" : "A1:" + CellReference.name(column: width - 1, row: max(sheet.rows.count, 1))
    var out = header
    out += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
    out += "<dimension ref=\"\(dimension)\"/>"
    out += "<sheetViews><sheetView workbookViewId=\"0\">"
    out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
    out += "</sheetView></sheetViews>"
    out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
    if widths.contains(where: { $0 > 0 }) {
      out += "<cols>"
      for (index, shown) in widths.enumerated() where shown > 0 {
        // Excel's width unit is one digit of the default font; a little slack for the bold header.
        let width = min(max(shown, 6) + 2, 60)
        out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>\(body)</sheetData>"
    out += "</worksheet>"
    return out
  }

  private static func styleAttribute(_ style: Style) -> String {
    style == .plain ? "" : " s=\"\(style.rawValue)\""
  }

  static func contentTypes(sheetCount: Int) -> String {
    let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var out = header
    out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type).sheet.main+xml\"/>"
    out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type).styles+xml\"/>"
    out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type).sharedStrings+xml\"/>"
    for n in 1...sheetCount {
      out += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"\(type).worksheet+xml\"/>"
    }
    out += "</Types>"
    return out
  }

  static let packageRelationships =
    header + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  static func workbook(_ names: [String]) -> String {
    var out = header
    out += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
    out += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (index, name) in names.enumerated() {
      out += "<sheet name=\"\(XMLText.attribute(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    out += "</sheets></workbook>"
    return out
  }

  /// Worksheets are `rId1`…`rIdN`, so that a sheet's relationship id follows its position;
  /// styles and shared strings come after them.
  static func workbookRelationships(sheetCount: Int) -> String {
    var out = header
    out += "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
    for n in 1...sheetCount {
      out += "<Relationship Id=\"rId\(n)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
    }
    out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
    out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    out += "</Relationships>"
    return out
  }

  /// One font plus its bold twin, and the four `Style`s: plain, bold (the header), wrapped (text
  /// with line breaks, so they show), bold and wrapped.
  static let styles =
    header + "<styleSheet xmlns=\"\(mainNamespace)\">"
    + "<fonts count=\"2\">"
    + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    + "</fonts>"
    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"4\">"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
    + "</cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"

  // MARK: - ZIP

  /// 1980-01-01 00:00 UTC, the earliest date a ZIP entry can carry (ZIPFoundation converts in UTC).
  static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// The parts as a ZIP archive, in the order given (tests build odd packages with it).
  static func zip(_ parts: [(path: String, xml: String)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for part in parts {
      let bytes = Data(part.xml.utf8)
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
        permissions: 0o644, compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
    return data
  }
}
