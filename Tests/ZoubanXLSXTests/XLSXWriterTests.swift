import Foundation
import Testing

@testable import ZoubanXLSX

/// Rows as the reader returns them, comparable with `==`.
func plain(_ rows: [(row: Int, cells: [String])]) -> [[String]] { rows.map { ["\($0.row)"] + $0.cells } }

@Suite struct XLSXWriterTests {
  static let hostile: [(written: String, read: String)] = [
    ("=HYPERLINK(\"http://evil.example\",\"点我\")", "'=HYPERLINK(\"http://evil.example\",\"点我\")"),
    ("<script>alert('x')</script>", "<script>alert('x')</script>"),
    ("他说\"你好\" & 'ok' ]]> <![CDATA[", "他说\"你好\" & 'ok' ]]> <![CDATA["),
    ("第一行\n第二行", "第一行\n第二行"),
    ("\u{202E}gnp.exe", "\u{202E}gnp.exe"),
    ("a\u{0}b\u{1}c\u{7}\u{1B}d\u{FFFE}", "abcd"),
    ("\u{0}=1+1", "'=1+1"),
    ("-5", "'-5"),
    ("+86 138", "'+86 138"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("\r\nCR", "'\r\nCR"),
    ("  两端空格  ", "  两端空格  "),
    ("_x0041_ and _x005F_", "_x0041_ and _x005F_"),
    ("👍🏽 表情", "👍🏽 表情"),
  ]

  static let numbers: [(Double, String)] = [
    (3, "3"), (2.5, "2.5"), (-7, "-7"), (0.1, "0.1"), (1e20, "1e+20"), (1_234_567_890_123, "1234567890123"),
    (-0.0, "0"), (.nan, "#NUM!"), (.infinity, "#NUM!"),
  ]

  @Test func roundTripKeepsTextNumbersAndGuardsFormulas() throws {
    let wide = (1...30).map { XLSXCell.text("列\($0)") }
    let sheets = [
      XLSXSheet(
        name: "课表",
        rows: [[.text("原文"), .text("数值")]] + Self.hostile.map { [.text($0.written)] }
          + Self.numbers.map { [.text("n"), .number($0.0)] }),
      XLSXSheet(name: "点名表", rows: [wide]),
    ]
    let data = try XLSXWriter.data(sheets)
    let rows = try XLSXReader.firstSheet(data)
    let expected =
      [["1", "原文", "数值"]] + Self.hostile.enumerated().map { ["\($0.offset + 2)", $0.element.read] }
      + Self.numbers.enumerated().map { ["\($0.offset + 2 + Self.hostile.count)", "n", $0.element.1] }
    #expect(plain(rows) == expected)
  }

  @Test func moreThan26ColumnsGetTwoLetterReferences() throws {
    let header = (1...30).map { XLSXCell.text("列\($0)") }
    let row = (1...30).map { XLSXCell.number(Double($0)) }
    let data = try XLSXWriter.data([XLSXSheet(name: "宽表", rows: [header, row])])
    let rows = try XLSXReader.firstSheet(data)
    #expect(plain(rows) == [["1"] + (1...30).map { "列\($0)" }, ["2"] + (1...30).map { "\($0)" }])
    var strings = XLSXWriter.SharedStrings()
    let xml = XLSXWriter.worksheet(XLSXSheet(name: "x", rows: [header, row]), strings: &strings)
    #expect(xml.contains("<c r=\"Z2\"><v>26</v></c><c r=\"AA2\"><v>27</v></c>"))
    #expect(xml.contains("<c r=\"AD2\"><v>30</v></c></row>"))
    #expect(xml.contains("<dimension ref=\"A1:AD2\"/>"))
  }

  @Test func sparseRowsAndEmptyCellsReadBackInPlace() throws {
    let sheet = XLSXSheet(
      name: "满额情况",
      rows: [
        [.text("a"), .text("b"), .text("c")],
        [],
        [.text(""), .text(""), .text("")],
        [.text(""), .number(5)],
        [.text("x"), .text(""), .text("z"), .text("")],
      ])
    let rows = try XLSXReader.firstSheet(try XLSXWriter.data([sheet]))
    #expect(plain(rows) == [["1", "a", "b", "c"], ["4", "", "5"], ["5", "x", "", "z"]])
  }

  @Test func headerIsFrozenBoldAndColumnsFitTheirText() {
    var strings = XLSXWriter.SharedStrings()
    let xml = XLSXWriter.worksheet(
      XLSXSheet(name: "x", rows: [[.text("学生姓名"), .text("id")], [.text("欧阳娜娜娜娜娜娜娜娜"), .text("S1")], [.text("多行\n文字")]]),
      strings: &strings)
    #expect(
      xml.contains(
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"))
    #expect(xml.contains("<c r=\"A2\" t=\"s\"><v>2</v></c>"))
    #expect(xml.contains("<c r=\"A3\" s=\"2\" t=\"s\"><v>4</v></c>"), "text with a line break wraps")
    // 10 汉字 count as 20; "id" and "S1" get the minimum of 6, plus 2.
    #expect(xml.contains("<cols><col min=\"1\" max=\"1\" width=\"22\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"8\" customWidth=\"1\"/></cols>"))
    #expect(!xml.contains("<f>"))
  }

  @Test func sameSheetsGiveTheSameBytesAtAnyTime() throws {
    let sheets = [
      XLSXSheet(name: "课表", rows: [[.text("学生"), .text("课程")], [.text("张三"), .number(1)], [.text("李四"), .number(2.5)]]),
      XLSXSheet(name: "经费", rows: [[.text("课程"), .text("金额")], [.text("围棋"), .number(120)]]),
    ]
    let first = try XLSXWriter.data(sheets)
    // ZIP times have a 2-second resolution: a write 2 s later would differ if a clock were read.
    Thread.sleep(forTimeInterval: 2.1)
    let second = try XLSXWriter.data(sheets)
    #expect(first == second)
    let other = try XLSXWriter.data([sheets[1], sheets[0]])
    #expect(first != other)
    // Every local file header carries the DOS date 1980-01-01 00:00 (time 0x0000, date 0x0021).
    let headers = localHeaderOffsets(first)
    #expect(headers.count == 8)  // 5 package parts, shared strings, 2 sheets
    for offset in headers {
      #expect(Array(first[offset + 10..<offset + 14]) == [0x00, 0x00, 0x21, 0x00])
    }
  }

  @Test func emptyWorkbookStillHasOneSheet() throws {
    let data = try XLSXWriter.data([])
    #expect(try XLSXReader.firstSheet(data).isEmpty)
  }

  @Test func overlongTextIsCutToExcelsLimit() throws {
    let long = String(repeating: "课", count: 40_000)
    let rows = try XLSXReader.firstSheet(try XLSXWriter.data([XLSXSheet(name: "x", rows: [[.text(long)]])]))
    #expect(rows.first?.cells.first?.count == 32_767)
  }

  @Test func sheetNamesFollowExcelsRules() {
    #expect(XLSXWriter.sheetNames(["课表", "点名表", "满额情况", "未录取", "经费"]) == ["课表", "点名表", "满额情况", "未录取", "经费"])
    #expect(XLSXWriter.sheetNames(["a/b\\c", "[x]:*?", "'quoted'", "", "\u{0}\u{7}"]) == ["a_b_c", "_x____", "quoted", "Sheet4", "Sheet5"])
    #expect(XLSXWriter.sheetNames(["课表", "课表", "课表"]) == ["课表", "课表 (2)", "课表 (3)"])
    #expect(XLSXWriter.sheetNames(["Sheet", "SHEET", "sheet (2)"]) == ["Sheet", "SHEET (2)", "sheet (2) (2)"])
    #expect(XLSXWriter.sheetNames(["History", "history"]) == ["History (2)", "history (3)"])
    let long = String(repeating: "长", count: 40)
    let names = XLSXWriter.sheetNames([long, long])
    #expect(names == [String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)"])
    // Emoji take two UTF-16 units, Excel's unit; a pair is never split.
    #expect(XLSXWriter.sheetNames([String(repeating: "😀", count: 20)]) == [String(repeating: "😀", count: 15)])
  }

  @Test func sheetNamesReachTheWorkbookEscaped() throws {
    let data = try XLSXWriter.data([XLSXSheet(name: "A&B <1> \"q\"", rows: [[.text("h")]])])
    #expect(XLSXWriter.workbook(["A&B <1> \"q\""]).contains("name=\"A&amp;B &lt;1&gt; &quot;q&quot;\""))
    #expect(plain(try XLSXReader.firstSheet(data)) == [["1", "h"]])
  }

  @Test func columnLetters() {
    #expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(CellReference.columnName) == [
      "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD",
    ])
    #expect(CellReference.parse("A1")! == (0, 1))
    #expect(CellReference.parse("ad17")! == (29, 17))
    #expect(CellReference.parse("$XFD$1048576")! == (16_383, 1_048_576))
    #expect(CellReference.parse("C")! == (2, nil))
    for bad in ["", "1A", "XFE1", "A0", "A1048577", "ZZZZ1", "A1B", "A 1", "A-1", "A99999999"] {
      #expect(CellReference.parse(bad) == nil, "\(bad)")
    }
  }

  @Test func xmlTextEscapesAndOfficeEscapesRoundTrip() {
    #expect(XMLText.cellContent("a<b>&c\r\u{1}_x00e9_") == "a&lt;b&gt;&amp;c&#13;_x005F_x00e9_")
    #expect(XMLText.decodeOfficeEscapes("_x005F_x00e9_ _x00e9_ _x000D_ _xZZZZ_ _x12_") == "_x00e9_ é \r _xZZZZ_ _x12_")
    #expect(XMLText.attribute("a\"\t\n<") == "a&quot;&#9;&#10;&lt;")
    #expect(XMLText.displayWidth("ab课\n程程程") == 6)
  }
}

/// Where each local file header (`PK\3\4`) of a ZIP starts.
func localHeaderOffsets(_ data: Data) -> [Int] {
  let bytes = [UInt8](data)
  var offsets: [Int] = []
  var i = 0
  while i + 4 <= bytes.count {
    if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 { offsets.append(i) }
    i += 1
  }
  return offsets
}
