import Foundation
import ZoubanXLSX

/// `zouban.xlsx`: the office's workbook. A 概况 sheet with the headline figures, then one sheet
/// per table, the ones people print first; Chinese headers, numbers as numbers.
public enum Workbook {
  /// Sheets in the order staff look for them: the timetables and the lists they hand out, then
  /// the coordinators' and finance office's tables, then the raw SPEC tables.
  static let sheetOrder = [
    "timetable.csv", "teacher_timetable.csv", "rosters.csv", "class_lists.csv", "fill.csv", "unplaced.csv",
    "satisfaction.csv", "money.csv", "teacher_load.csv", "basic_service.csv", "student_timetable.csv",
    "assignments.csv", "sections.csv",
  ]

  public static func data(summary s: Summary, tables: [ReportTable]) throws -> Data {
    let byFile = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
    let ordered = sheetOrder.compactMap { byFile[$0] } + tables.filter { !sheetOrder.contains($0.file) }
    return try XLSXWriter.data([overview(s)] + ordered.map(sheet))
  }

  /// One table: labels as the header, numeric columns as number cells when the text is a number
  /// (a blank rank stays a blank text cell).
  static func sheet(_ table: ReportTable) -> XLSXSheet {
    let header = table.labels.map(XLSXCell.text)
    let rows = table.rows.map { row in
      zip(row, table.columns).map { text, column in
        column.numeric ? Double(text).map(XLSXCell.number) ?? .text(text) : .text(text)
      }
    }
    return XLSXSheet(name: table.sheet, rows: [header] + rows)
  }

  /// The headline figures, one per row. No solve time: the same timetable gives the same bytes.
  static func overview(_ s: Summary) -> XLSXSheet {
    func n(_ value: Int?) -> XLSXCell { value.map { .number(Double($0)) } ?? .text("") }
    func rate(_ value: Double) -> XLSXCell { .number((value * 10000).rounded() / 10000) }
    let rows: [(String, XLSXCell)] = [
      ("学校", .text(s.school)), ("学期", .text(s.term)), ("求解状态", .text(s.status)), ("目标值", n(s.objective)),
      ("上界", n(s.bound)), ("差距", s.gap.map(rate) ?? .text("")), ("学生人数", n(s.students)),
      ("申请课程数", n(s.electivesAsked)), ("录取课程数", n(s.electivesPlaced)), ("第一志愿录取人数", n(s.firstChoice)),
      ("第一志愿满足率", rate(s.firstChoiceRate)), ("前三志愿录取人数", n(s.topThree)), ("前三志愿满足率", rate(s.topThreeRate)),
      ("开班课程", n(s.coursesOpened)), ("未开课程", n(s.coursesCancelled)), ("教学班", n(s.sectionsOpened)),
      ("未满足学生", n(s.studentsUnplaced)), ("优先保障学生", n(s.priorityStudents)),
      ("优先保障学生第一志愿录取", n(s.priorityFirstChoice)), ("优先保障学生未满足", n(s.priorityUnplaced)),
    ]
    return XLSXSheet(name: "概况", rows: [[.text("项目"), .text("数值")]] + rows.map { [.text($0.0), $0.1] })
  }
}
