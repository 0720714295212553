import Foundation
import Testing

@testable import ZoubanXLSX

/// The reader against workbooks written the way other programs write them, and against damaged
/// and hostile files, built part by part here.
@Suite struct XLSXReaderTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="\(pkg)"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """

  /// A package with the given sheets (name, part name inside xl/worksheets/, XML), listed in the
  /// workbook in the order given, and optional shared strings.
  static func workbook(_ sheets: [(name: String, file: String, xml: String)], sharedStrings: String? = nil) throws -> Data {
    var workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
    var rels = "<Relationships xmlns=\"\(pkg)\">"
    var parts: [(path: String, xml: String)] = [("_rels/.rels", rootRels)]
    // Relationship ids in reverse order, so that nothing can work by counting.
    for (index, sheet) in sheets.enumerated() {
      let id = "rId\(sheets.count - index + 5)"
      workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"\(id)\"/>"
      rels += "<Relationship Id=\"\(id)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/\(sheet.file)\"/>"
    }
    for sheet in sheets.reversed() { parts.append(("xl/worksheets/\(sheet.file)", sheet.xml)) }
    if let sharedStrings {
      rels += "<Relationship Id=\"rId1\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      parts.append(("xl/sharedStrings.xml", sharedStrings))
    }
    parts.append(("xl/workbook.xml", workbook + "</sheets></workbook>"))
    parts.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
    return try XLSXWriter.zip(parts)
  }

  static func sheet(_ rows: String) -> String { "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>" }

  static func rows(_ data: Data) throws -> [[String]] { plain(try XLSXReader.firstSheet(data)) }

  static func error(_ data: Data) -> String? {
    do {
      _ = try XLSXReader.firstSheet(data)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func excelStyleSharedStringsRichTextAndCellTypes() throws {
    let strings = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <sst xmlns="\(Self.main)" count="5" uniqueCount="4">
        <si><t>学号</t></si>
        <si><r><rPr><b/><sz val="11"/></rPr><t>姓</t></r><r><t xml:space="preserve"> 名 </t></r><rPh sb="0" eb="1"><t>xing</t></rPh></si>
        <si><t xml:space="preserve">  lead and trail  </t></si>
        <si><t>line_x000D__x000A_two &amp; &lt;b&gt;</t></si>
        <si><t/></si>
      </sst>
      """
    let sheet = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="\(Self.main)" xmlns:r="\(Self.rel)">
        <dimension ref="A1:F6"/>
        <sheetViews><sheetView workbookViewId="0"/></sheetViews>
        <sheetData>
          <row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
          <row r="2"><c r="A2"><v>20260101</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>3.0</v></c><c r="D2"><v>0.30000000000000004</v></c><c r="E2"><v>1.5E-3</v></c><c r="F2"><v>1E+20</v></c></row>
          <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>学号x</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3"><f>NOW()</f></c></row>
          <row r="4" customHeight="1" ht="20"><c r="A4" s="3"/><c r="B4" t="s"><v>4</v></c></row>
          <row r="5"><c r="C5" t="s"><v>0</v></c></row>
          <row r="7"><c r="B7" t="inlineStr"><is><t>内联</t></is></c><c r="D7" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>
        </sheetData>
        <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
      </worksheet>
      """
    let data = try Self.workbook([("Sheet1", "sheet1.xml", sheet)], sharedStrings: strings)
    #expect(
      try Self.rows(data) == [
        ["1", "学号", "姓 名 ", "  lead and trail  "],
        ["2", "20260101", "line\r\ntwo & <b>", "3", "0.3", "0.0015", "1e+20"],
        ["3", "TRUE", "FALSE", "学号x", "2", "#N/A"],
        ["5", "", "", "学号"],
        ["7", "", "内联", "", "富文本"],
      ])
  }

  @Test func prefixedNamespacesAndMissingReferences() throws {
    // The Open XML SDK and some exporters write a prefix on every element and leave out `r`.
    let sheet = """
      <x:worksheet xmlns:x="\(Self.main)"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>
      <x:row><x:c r="B2"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>
      <x:row r="9"><x:c t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c></x:row>
      <x:row><x:c><x:v>10</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>
      """
    var workbook = "<s:workbook xmlns:s=\"\(Self.main)\" xmlns:rel=\"\(Self.rel)\"><s:sheets>"
    workbook += "<s:sheet name=\"数据\" sheetId=\"1\" rel:id=\"R7\"/></s:sheets></s:workbook>"
    let rels = "<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"R7\" Type=\"\(Self.rel)/worksheet\" Target=\"/xl/data/../worksheets/./s.xml\"/></Relationships>"
    let data = try XLSXWriter.zip([
      ("_rels/.rels", Self.rootRels), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/s.xml", sheet),
    ])
    #expect(try Self.rows(data) == [["1", "a", "1"], ["2", "", "2", "3"], ["9", "z"], ["10", "10"]])
  }

  @Test func firstSheetIsTheFirstVisibleWorksheetInTabOrder() throws {
    let first = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>第一张</t></is></c></row>")
    let second = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>第二张</t></is></c></row>")
    // sheet9.xml is first in tab order although sheet1.xml exists.
    #expect(try Self.rows(try Self.workbook([("B", "sheet9.xml", first), ("A", "sheet1.xml", second)])) == [["1", "第一张"]])

    // A hidden sheet (lists for drop-downs, say) is not what the user sees first.
    let hidden = try Self.workbook([("lists", "sheet1.xml", second), ("学生", "sheet2.xml", first)])
    let hiddenWorkbook = "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets><sheet name=\"lists\" sheetId=\"1\" state=\"hidden\" r:id=\"rId7\"/><sheet name=\"学生\" sheetId=\"2\" r:id=\"rId6\"/></sheets></workbook>"
    #expect(try Self.rows(try replacing("xl/workbook.xml", with: hiddenWorkbook, in: hidden)) == [["1", "第一张"]])

    // A chart sheet first in the tabs is not a worksheet.
    let chart = "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets><sheet name=\"图\" sheetId=\"3\" r:id=\"rId99\"/><sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
    let chartRels = "<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"rId99\" Type=\"\(Self.rel)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
    let withChart = try replacing(
      "xl/_rels/workbook.xml.rels", with: chartRels,
      in: try replacing("xl/workbook.xml", with: chart, in: try Self.workbook([("A", "sheet1.xml", second)])))
    #expect(try Self.rows(withChart) == [["1", "第二张"]])
  }

  @Test func damagedFilesAreErrors() throws {
    #expect(Self.error(Data()) == "not an .xlsx file (not a ZIP archive)")
    #expect(Self.error(Data("学号,姓名\nS1,张三\n".utf8)) == "not an .xlsx file (not a ZIP archive)")
    #expect(Self.error(Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 100))) == "not an .xlsx file (not a ZIP archive)")
    #expect(
      Self.error(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))
        == "not an .xlsx file (an old .xls workbook, or one protected by a password)")
    #expect(Self.error(try XLSXWriter.zip([("hello.txt", "hi")])) == "not an .xlsx file (the ZIP archive holds no workbook)")
    #expect(Self.error(try Self.workbook([])) == "the workbook has no worksheet")

    let good = try Self.workbook([("A", "sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))])
    #expect(Self.error(try removing("xl/worksheets/sheet1.xml", from: good)) == "the workbook is damaged (its sheet xl/worksheets/sheet1.xml is missing)")
    #expect(Self.error(try removing("xl/_rels/workbook.xml.rels", from: good)) == "the workbook is damaged (xl/_rels/workbook.xml.rels is missing)")
    #expect(
      Self.error(try replacing("xl/worksheets/sheet1.xml", with: "<worksheet><sheetData><row>", in: good))
        == "the workbook is damaged (xl/worksheets/sheet1.xml is not valid XML)")
    #expect(Self.error(try replacing("xl/workbook.xml", with: "not xml at all", in: good)) == "the workbook is damaged (xl/workbook.xml is not valid XML)")
    #expect(
      Self.error(try replacing("xl/worksheets/sheet1.xml", with: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet>&b;&c;</worksheet>", in: good))
        == "the workbook is damaged (xl/worksheets/sheet1.xml is not valid XML)")
  }

  @Test func absurdReferencesAreErrors() throws {
    func sheet(_ rows: String) throws -> String? { Self.error(try Self.workbook([("A", "sheet1.xml", Self.sheet(rows))])) }
    #expect(try sheet("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has a cell at \"ZZZZ1\", outside the sheet)")
    #expect(try sheet("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has a cell at \"1A\", outside the sheet)")
    #expect(try sheet("<row r=\"0\"><c><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has a row numbered \"0\")")
    #expect(try sheet("<row r=\"99999999999999999999\"><c><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has a row numbered \"99999999999999999999\")")
    #expect(try sheet("<row r=\"-3\"><c><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has a row numbered \"-3\")")
    #expect(try sheet("<row r=\"1048576\"><c><v>1</v></c></row><row><c><v>1</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has too many rows)")
    #expect(try sheet("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>") == "the workbook is damaged (xl/worksheets/sheet1.xml has too many columns)")
    #expect(try sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>") == "the workbook is damaged (cell A1 refers to a shared string that is missing)")
    let strings = "<sst xmlns=\"\(Self.main)\"><si><t>a</t></si></sst>"
    #expect(
      Self.error(try Self.workbook([("A", "sheet1.xml", Self.sheet("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>1</v></c></row>"))], sharedStrings: strings))
        == "the workbook is damaged (cell C2 refers to a shared string that is missing)")
    #expect(
      Self.error(try Self.workbook([("A", "sheet1.xml", Self.sheet("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>-1</v></c></row>"))], sharedStrings: strings))
        == "the workbook is damaged (cell C2 refers to a shared string that is missing)")
    // One far cell is a wide row, not an error; enough of them would fill the memory.
    #expect(try sheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>") == nil)
    let far = (1...130).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
    #expect(try sheet(far) == "the sheet is too large (more than 2000000 cells)")
  }

  /// A deflate stream that asks for more input than the archive has (a stored block longer than
  /// the rest of the file) once made ZIPFoundation's inflate loop spin for ever.
  @Test(.timeLimit(.minutes(1))) func truncatedDeflateStreamIsAnErrorNotAHang() throws {
    let good = try Self.workbook([("A", "sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))])
    var bytes = [UInt8](good)
    let header = try #require(localHeaderOffsets(good).first { offset in
      let nameLength = Int(bytes[offset + 26]) | Int(bytes[offset + 27]) << 8
      return String(decoding: bytes[offset + 30..<offset + 30 + nameLength], as: UTF8.self) == "xl/worksheets/sheet1.xml"
    })
    let nameLength = Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8
    let extraLength = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
    let start = header + 30 + nameLength + extraLength
    // Not the last block, stored, 65535 bytes long.
    bytes.replaceSubrange(start..<start + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
    #expect(Self.error(Data(bytes)) == "the workbook is damaged (xl/worksheets/sheet1.xml cannot be decompressed)")
  }

  /// Seeded random damage to a real workbook: every outcome is rows or an `XLSXReadError`.
  @Test(.timeLimit(.minutes(2))) func randomDamageNeverCrashes() throws {
    let sheets = [
      XLSXSheet(name: "课表", rows: [[.text("学号"), .text("姓名"), .text("年级")]] + (1...40).map { [.text("S\($0)"), .text("学生\($0)"), .number(Double($0 % 6 + 1))] })
    ]
    let good = [UInt8](try XLSXWriter.data(sheets))
    var generator = SeededGenerator(seed: 20_260_901)
    var outcomes = (rows: 0, errors: 0)
    for round in 0..<400 {
      var bytes = good
      switch round % 4 {
      case 0:  // flip a few bytes anywhere
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        }
      case 1:  // cut the file short
        bytes.removeLast(Int.random(in: 1..<bytes.count, using: &generator))
      case 2:  // damage the central directory, where sizes and offsets live
        let tail = bytes.count - Int.random(in: 1...min(400, bytes.count), using: &generator)
        bytes[tail] = UInt8.random(in: 0...255, using: &generator)
      default:  // insert garbage
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: at)
      }
      if Self.error(Data(bytes)) == nil { outcomes.rows += 1 } else { outcomes.errors += 1 }
    }
    #expect(outcomes.errors > 100)
  }

  /// Reading grows with the sheet, not faster: a quadratic step would show here.
  @Test(.timeLimit(.minutes(1))) func largeSheetReadsInReasonableTime() throws {
    let rows = [(0..<20).map { XLSXCell.text("列\($0)") }] + (1...4_000).map { r in (0..<20).map { c in c % 2 == 0 ? XLSXCell.text("S\(r)-\(c)") : .number(Double(r * c)) } }
    let data = try XLSXWriter.data([XLSXSheet(name: "学生", rows: rows)])
    let clock = ContinuousClock()
    var read: [(row: Int, cells: [String])] = []
    let elapsed = try clock.measure { read = try XLSXReader.firstSheet(data) }
    #expect(read.count == 4_001 && read.last?.cells.last == "76000" && read.last?.row == 4_001)
    #expect(elapsed < .seconds(20), "reading 80,000 cells took \(elapsed)")
  }
}

/// The package with one part's XML replaced (parts keep their order).
func replacing(_ path: String, with xml: String, in data: Data) throws -> Data {
  try XLSXWriter.zip(try parts(of: data).map { $0.path == path ? (path, xml) : $0 })
}

func removing(_ path: String, from data: Data) throws -> Data {
  try XLSXWriter.zip(try parts(of: data).filter { $0.path != path })
}

/// Every part of a package as text, in archive order.
func parts(of data: Data) throws -> [(path: String, xml: String)] {
  let package = try ZIPPackage(data)
  return try package.paths.map { path in (path, String(decoding: try package.part(path) ?? Data(), as: UTF8.self)) }
}

/// SplitMix64: the same pseudo-random damage on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
