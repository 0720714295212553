import Foundation
import Testing

@testable import ZoubanXLSX

/// Workbooks crossing to and from programs that are not Zouban: openpyxl reads what we write
/// (run as `python3`, which `scripts/setup.sh` gives openpyxl), and we read what openpyxl and
/// XlsxWriter wrote (committed fixtures made by `Tests/ZoubanInputTests/Fixtures/xlsx/make_fixtures.py`).
@Suite struct OtherToolsTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = here.deletingLastPathComponent().appendingPathComponent("ZoubanInputTests/Fixtures/xlsx")

  /// What `openpyxl_dump.py` printed for `data`, or nil after recording why it could not run.
  static func openpyxl(_ data: Data) throws -> [String: Any]? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-openpyxl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let workbook = directory.appendingPathComponent("book.xlsx")
    let output = directory.appendingPathComponent("out.json")
    let errors = directory.appendingPathComponent("stderr.txt")
    try data.write(to: workbook)
    try Data().write(to: errors)
    let errorHandle = try FileHandle(forWritingTo: errors)
    defer { try? errorHandle.close() }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", here.appendingPathComponent("openpyxl_dump.py").path, workbook.path, output.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errorHandle
    do {
      try process.run()
    } catch {
      Issue.record("cannot start python3 (\(error)); these tests need python3 with openpyxl: run scripts/setup.sh")
      return nil
    }
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
      if process.terminationStatus == 127 {
        Issue.record("python3 is not installed; these tests need python3 with openpyxl: run scripts/setup.sh")
      } else if stderr.contains("No module named 'openpyxl'") {
        Issue.record("openpyxl is not installed for python3: run scripts/setup.sh (python3 -m pip install openpyxl)")
      } else {
        Issue.record("openpyxl could not read the workbook (exit \(process.terminationStatus)):\n\(stderr)")
      }
      return nil
    }
    let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: output))
    return json as? [String: Any]
  }

  /// A cell as `openpyxl_dump.py` prints it: `["s", text]`, `["n", repr]` or nil (blank).
  static func dumped(_ cell: XLSXCell?) -> [String]? {
    switch cell {
    case .text(let raw):
      let text = XLSXWriter.cellText(raw)
      return text.isEmpty ? nil : ["s", text]
    case .number(let value):
      return XLSXWriter.numberText(value).map { ["n", $0] } ?? ["s", "#NUM!"]
    case nil:
      return nil
    }
  }

  @Test func openpyxlReadsWhatWeWrite() throws {
    // openpyxl decodes `_xHHHH_` escapes twice (`_x005F_x005F_` becomes `_`, not `_x005F_`), so
    // that text is checked against Excel's rule by the round-trip test only.
    let hostile = XLSXWriterTests.hostile.map(\.written).filter { !$0.contains("_x") }
    let sheets = [
      XLSXSheet(
        name: "课表",
        rows: [[.text("学生"), .text("课程"), .text("节次")]] + hostile.map { [.text($0), .number(1), .text("Tue-2")] }),
      XLSXSheet(name: "点名表", rows: [(1...30).map { .text("第\($0)列") }, (1...30).map { .number(Double($0) / 4) }]),
      XLSXSheet(name: "满额情况", rows: [[.text("课程"), .text("满额率")], [.text("围棋"), .number(0.875)], [], [.text(""), .number(1e20)]]),
      XLSXSheet(name: "未录取/名单?", rows: [[.text("学生")], [.text("张三")]]),
      XLSXSheet(name: "经费", rows: [[.text("项目"), .text("金额")], [.text("合计"), .number(12_345)], [.text("异常"), .number(.nan)]]),
      XLSXSheet(name: "课表", rows: [[.text("重名")]]),
    ]
    guard let dump = try Self.openpyxl(try XLSXWriter.data(sheets)) else { return }
    let read = try #require(dump["sheets"] as? [[String: Any]])
    #expect(read.map { $0["name"] as? String } == ["课表", "点名表", "满额情况", "未录取_名单_", "经费", "课表 (2)"])
    for (sheet, written) in zip(read, sheets) {
      #expect(sheet["freeze"] as? String == "A2", "\(written.name)")
      #expect(sheet["bold_header"] as? Bool == true, "\(written.name)")
      #expect((sheet["width_a"] as? Double ?? 0) >= 8, "\(written.name)")
      let width = written.rows.map(\.count).max() ?? 0
      let expected = written.rows.map { row in (0..<width).map { Self.dumped($0 < row.count ? row[$0] : nil) } }
      let rows = try #require(sheet["rows"] as? [[Any]])
      let actual = rows.map { row in row.map { $0 as? [String] } }
      #expect(actual == expected, "\(written.name)")
    }
  }

  /// openpyxl keeps text inline in each cell and stores no formula results; XlsxWriter, like
  /// Excel and WPS, keeps text in the shared-strings table (rich text as runs) and stores the
  /// results it is given. Blank cells in the middle stay in place, the blank row 4 is skipped,
  /// and the second sheet is never read.
  @Test(arguments: [
    (
      "cells.xlsx", ["2", "张三", "3", "2.5", "", "粗体与普通", "TRUE"], ["3", "  前后空格  ", "-7", "0.1", "", "", "FALSE"]
    ),
    (
      "cells-shared.xlsx", ["2", "张三", "3", "2.5", "", "粗体与普通", "TRUE", "3"],
      ["3", "  前后空格  ", "-7", "0.1", "", "文字", "FALSE"]
    ),
  ])
  func workbooksFromOtherWritersRead(file: String, row2: [String], row3: [String]) throws {
    let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
    #expect(
      plain(try XLSXReader.firstSheet(data)) == [
        ["1", "文字", "整数", "小数", "空", "富文本", "布尔", "公式"], row2, row3, ["5", "第五行", "", "", "", "", "", "最后"],
      ])
  }
}
