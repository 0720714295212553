import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// Every report's numbers on 小苗小学 (Catalogs/tiny), against the figures worked out by hand in
/// Catalogs/tiny/README.md ("Reports by hand"). Its optimum is unique, so the figures are too.
@Suite struct ReportFiguresTests {
  let analysis: Analysis
  let summary: Summary

  init() throws {
    let school = try #require(SchoolLoader.load(directory: Fixtures.catalog("tiny")).school)
    let outcome = try TimetableSolver.solve(school)
    #expect(outcome.objective == 735)
    let outputs = try Pipeline.outputs(school: school, outcome: outcome)
    analysis = outputs.analysis
    summary = outputs.summary
  }

  @Test func money() {
    let m = analysis.money
    let clubs = Dictionary(uniqueKeysWithValues: m.clubs.map { ($0.course.code, $0) })
    #expect(clubs.keys.sorted() == ["ART", "FB"], "围棋 did not open, so it earns and costs nothing")
    // 绘画: S01 S02 S05 S09 S10 at 10 yuan; S05's family has a waiver. 王老师 is paid 40.
    #expect(clubs["ART"].map { [$0.enrolled, $0.paying] } == [5, 4])
    #expect(clubs["ART"].map { [$0.income, $0.waived, $0.teacherPay, $0.balance] } == [40, 10, 40, 0])
    // 足球: S01–S08 at 15 yuan, S05 waived; 李教练 is paid 80.
    #expect(clubs["FB"].map { [$0.income, $0.waived, $0.teacherPay, $0.balance] } == [105, 15, 80, 25])
    #expect([m.income, m.waived, m.teacherPay, m.balance] == [145, 25, 120, 25])
    #expect(m.teachers.map(\.sessions) == [1, 1, 0], "张老师 teaches nothing")
  }

  @Test func basicService() {
    let b = analysis.basicService
    let rows = b.entries.map { "\($0.slot.id) \($0.homeClass) \($0.present) \($0.inClubs) \($0.staying) \($0.supervisors)" }
    #expect(
      rows == [
        // Mon-1: 绘画 takes S10 (1-1), S01 S02 S09 (2-1), S05 (3-1); S04 (4-1) is not at school.
        "Mon-1 1-1 2 1 1 1", "Mon-1 2-1 3 3 0 0", "Mon-1 3-1 3 1 2 1", "Mon-1 4-1 1 0 1 1",
        // Mon-2: 足球 takes S06 (1-1), S01 S02 (2-1), S03 S05 S07 (3-1), S04 S08 (4-1).
        "Mon-2 1-1 2 1 1 1", "Mon-2 2-1 3 2 1 1", "Mon-2 3-1 3 3 0 0", "Mon-2 4-1 2 2 0 0",
      ])
    #expect(b.supervisors(in: Fixtures.slot("Mon-1")) == 3)
    #expect(b.supervisors(in: Fixtures.slot("Mon-2")) == 2)
  }

  @Test func satisfaction() throws {
    let groups = Dictionary(uniqueKeysWithValues: analysis.satisfactionGroups.map { ($0.label, $0) })
    let all = try #require(groups["全校"])
    #expect(all.byRank == [6, 4, 2] && all.unranked == 1, "S06's 足球 is the one unranked placement")
    #expect([all.students, all.studentsWithChoices, all.electivesAsked, all.electivesPlaced] as [Int] == [10, 9, 15, 13])
    #expect([all.firstChoice, all.topThree, all.studentsUnplaced] as [Int] == [6, 9, 2])
    let priority = try #require(groups["优先保障学生"])
    #expect([priority.students, priority.firstChoice, priority.studentsUnplaced] as [Int] == [1, 1, 0])
    #expect(groups["3年级"].map { [$0.students, $0.firstChoice, $0.studentsUnplaced] } == [3, 1, 1])
    #expect(summary.firstChoice == 6 && summary.topThree == 9 && summary.studentsWithChoices == 9)
    #expect(Tables.satisfaction(analysis).rows.first?.contains("0.6667") == true)
  }

  @Test func unplacedReasons() {
    let reasons = Dictionary(uniqueKeysWithValues: Tables.unplaced(analysis).rows.map { ($0[0], $0[6]) })
    #expect(
      reasons == [
        "S03": "第1志愿围棋未开班（报名不足4人）；第2志愿绘画已满",
        "S06": "未填写志愿，且没有可调剂的课程名额",
      ])
  }

  @Test func rostersAndClassLists() {
    let rosters = analysis.rosters.map { "\($0.section.id): \($0.students.map(\.id).joined(separator: " "))" }
    #expect(rosters == ["ART/Mon-1: S10 S01 S02 S09 S05", "FB/Mon-2: S06 S01 S02 S03 S05 S07 S04 S08"])
    let table = Tables.rosters(analysis)
    #expect(table.rows.count == 13 && table.rows.allSatisfy { $0.last == "" }, "one row per student, attendance blank")
    #expect(table.rows[0][2] == "周一第1节" && table.rows[0][5] == "1" && table.rows[0][7] == "冯十")
    let lists = Tables.classLists(analysis).rows.filter { $0[0] == "3-1" }.map { "\($0[1]) \($0[3]) \($0[5])" }
    #expect(lists == ["Mon-1 S05 绘画", "Mon-2 S03 足球", "Mon-2 S05 足球", "Mon-2 S07 足球"])
  }

  @Test func timetables() {
    let grid = Tables.timetable(analysis)
    #expect(grid.labels == ["时段", "时间", "美术室（小）", "操场"], "only rooms in use get a column")
    #expect(grid.rows == [["Mon-1", "16:00–16:40", "绘画 · 王老师 · 5人", ""], ["Mon-2", "16:50–17:30", "", "足球 · 李教练（校外） · 8人"]])
    let teachers = Tables.teacherTimetable(analysis)
    #expect(teachers.rows.map { Array($0.dropFirst(2)) } == [["绘画 @ 美术室（小）", ""], ["", "足球 @ 操场"]])
    let week = Tables.studentTimetable(analysis).rows.first { $0[0] == "S04" }
    #expect(week == ["S04", "周四", "4-1", "", "足球 @ 操场"])
  }

  @Test func terminalSummaryInBothLanguages() {
    let clubs = analysis.fill.map(ClubFill.init)
    let zh = TerminalText.summary(summary, clubs: clubs)
    #expect(zh.contains("第一志愿 66.7%（6 人），前三志愿 100.0%（9 人）"))
    #expect(zh.contains("开班 2 门（2 个教学班），未开 1 门"))
    #expect(zh.contains("因人数不足未开班：围棋"))
    #expect(!zh.contains("\u{1B}["), "no colour unless asked")
    let en = TerminalText.summary(summary, clubs: clubs, language: .en)
    #expect(en.contains("1st choice 66.7% (6), top 3 100.0% (9)"))
    #expect(en.contains("2 students got fewer electives than asked"))
    #expect(TerminalText.summary(summary, clubs: clubs, color: true).contains("\u{1B}[32m"), "optimal in green")
  }

  @Test func everyTableHasItsFileNameListedAndRectangularRows() {
    let tables = Tables.all(analysis)
    #expect(tables.map(\.file) == Tables.fileNames)
    #expect(Set(tables.map(\.sheet)).count == tables.count)
    for table in tables {
      #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(table.file)")
    }
  }
}
