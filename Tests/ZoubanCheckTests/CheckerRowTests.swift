import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

/// The first pass: faults of a single row, reported against its line.
@Suite struct CheckerRowTests {
  @Test func cleanAssignmentHasNoViolations() {
    let report = Checker.check(school: Demo.school, rows: Demo.rows)
    #expect(report.violations == [])
    #expect(report.isClean)
    // S1 170, S2 2×100, S3 100−200 (one of two electives), S4 5 (accept-any), S5 100, S6 −400.
    #expect(report.objective == -25)
    #expect(report.electivesAsked == 9)
    #expect(report.electivesPlaced == 6)
    #expect(report.firstChoice == 4)
  }

  @Test func unknownStudent() {
    let rows = Demo.rows + [Fixtures.row(8, "S9", "C03/Mon-1", room: "R3", teacher: "T3")]
    #expect(Demo.violations(rows) == [Violation(line: 8, message: "unknown student \"S9\"")])
  }

  @Test func unknownCourse() {
    let rows = Demo.rows + [Fixtures.row(8, "S6", "C99/Tue-2", room: "R3", teacher: "T3")]
    #expect(Demo.violations(rows) == [Violation(line: 8, message: "unknown course \"C99\"")])
  }

  @Test func slotOutsideTheWeek() {
    let rows = Demo.rows + [Fixtures.row(8, "S6", "C03/Wed-1", room: "R3", teacher: "T3")]
    #expect(Demo.violations(rows) == [Violation(line: 8, message: "slot \"Wed-1\" is not a slot of the school's week")])
  }

  @Test func unknownRoomAndMissingTeacher() {
    let rows = Demo.rows + [Fixtures.row(8, "S6", "C03/Mon-1", room: "R9", teacher: "")]
    #expect(
      Demo.violations(rows) == [
        Violation(line: 8, message: "the row names no teacher"),
        Violation(line: 8, message: "unknown room \"R9\""),
      ])
  }

  @Test(arguments: ["C03-Mon-1", "C03/Mon-1/1", "C03/Mon-1/02", "C03/mon-1", "C03/Mon-1/2/3", "/Mon-1"])
  func malformedSectionID(id: String) {
    let row = AssignmentRow(
      line: 8, student: "S6", course: "C03", section: id, slot: "Mon-1", room: "R3", teacher: "T3")
    #expect(
      Demo.violations(Demo.rows + [row]) == [
        Violation(
          line: 8,
          message: "section id \"\(id)\" does not follow the form <course>/<slot> or <course>/<slot>/<n> with n ≥ 2")
      ])
  }

  @Test func sectionIDDisagreesWithTheRow() {
    let row = AssignmentRow(
      line: 8, student: "S6", course: "C03", section: "C01/Tue-2", slot: "Mon-1", room: "R3", teacher: "T3")
    #expect(
      Demo.violations(Demo.rows + [row]) == [
        Violation(line: 8, message: "section C01/Tue-2 belongs to course C01, but the row's course is \"C03\""),
        Violation(line: 8, message: "section C01/Tue-2 is on Tue-2, but the row's slot is \"Mon-1\""),
      ])
  }

  @Test func duplicateRowIsReportedAndCountedOnce() {
    let rows = Demo.rows + [Fixtures.row(8, "S5", "C03/Mon-1", room: "R3", teacher: "T3")]
    let report = Checker.check(school: Demo.school, rows: rows)
    #expect(
      report.violations == [
        Violation(line: 8, message: "duplicate row: student S5 (孙八) is already in C03/Mon-1 on line 7")
      ])
    #expect(report.objective == -25)
    #expect(report.electivesPlaced == 6)
  }

  @Test func rowsOfOneSectionDisagreeOnTheRoom() {
    let rows = Demo.rows(replacing: 7, with: Fixtures.row(7, "S5", "C03/Mon-1", room: "R1", teacher: "T3"))
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: 7, message: "section C03/Mon-1 (书法) is in room R1 (东操场) on this line but in room R3 (301教室) on line 6")
      ])
  }

  @Test func rowsOfOneSectionDisagreeOnTheTeacher() {
    let rows = Demo.rows(replacing: 7, with: Fixtures.row(7, "S5", "C03/Mon-1", room: "R3", teacher: "T2"))
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: 7,
          message: "section C03/Mon-1 (书法) is taught by teacher T2 (李老师) on this line but by teacher T3 (张老师) on line 6"
        )
      ])
  }

  @Test func spacesAroundCellsAreIgnored() {
    let row = AssignmentRow(
      line: 8, student: " S6", course: "C03 ", section: " C03/Mon-1 ", slot: "Mon-1", room: "R3\t", teacher: " T3")
    #expect(Demo.violations(Demo.rows + [row]) == [])
  }

  @Test func violationsAreSortedByLineThenMessage() {
    let rows =
      Demo.rows(replacing: 4, with: nil) + [
        Fixtures.row(9, "S9", "C03/Mon-1", room: "R3", teacher: "T3"),
        Fixtures.row(8, "S6", "C03/Mon-1", room: "R9", teacher: "T9"),
      ]
    #expect(
      Demo.violations(rows).map(\.description) == [
        "section C01/Mon-1 (足球) has 1 student, fewer than its minimum 2",
        "line 8: unknown room \"R9\"",
        "line 8: unknown teacher \"T9\"",
        "line 9: unknown student \"S9\"",
      ])
  }
}
