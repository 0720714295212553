import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct CellParsersTests {
  let week = Week(days: [.mon, .tue, .fri], periods: [Period(start: "16:00", end: "16:40"), Period(start: "16:50", end: "17:30")])
  let tiers = TierLookup(tiers: [Tier(name: "低段", grades: GradeSet(1...2)), Tier(name: "高段", grades: GradeSet(5...6))])

  func problem<T>(_ result: Result<T, CellProblem>) -> String? {
    if case .failure(let p) = result { return p.message + (p.hint.map { " (hint: \($0))" } ?? "") }
    return nil
  }

  func messages(_ problems: [CellProblem]) -> [String] {
    problems.map { $0.message + ($0.hint.map { " (hint: \($0))" } ?? "") }
  }

  @Test func listsSplitOnAllThreeSeparators() {
    #expect(CellParsers.list(" a; b；c、 d ;;") == ["a", "b", "c", "d"])
    #expect(CellParsers.list("") == [])
  }

  @Test(arguments: ["yes", "TRUE", "1", "是", "y", "Y"]) func yes(cell: String) throws {
    #expect(try CellParsers.yesNo(cell, column: "accept_any").get() == true)
  }

  @Test(arguments: ["no", "False", "0", "否", "n", "N"]) func no(cell: String) throws {
    #expect(try CellParsers.yesNo(cell, column: "accept_any").get() == false)
  }

  @Test func yesNoRejectsOtherWords() {
    #expect(
      problem(CellParsers.yesNo("maybe", column: "服从调剂"))
        == "服从调剂 \"maybe\" is not yes or no (hint: write yes/no, true/false, 1/0, 是/否 or Y/N)")
  }

  @Test func wholeNumbers() throws {
    #expect(try CellParsers.wholeNumber("15", column: "max_size", minimum: 1).get() == 15)
    #expect(problem(CellParsers.wholeNumber("1.5", column: "max_size", minimum: 1)) == "max_size \"1.5\" is not a whole number")
    #expect(problem(CellParsers.wholeNumber("二十", column: "容量", minimum: 1)) == "容量 \"二十\" is not a whole number")
    #expect(problem(CellParsers.wholeNumber("0", column: "max_size", minimum: 1)) == "max_size 0 must be at least 1")
    #expect(problem(CellParsers.wholeNumber("-1", column: "electives", minimum: 0)) == "electives -1 must be at least 0")
    #expect(try CellParsers.wholeNumber("0", column: "electives", minimum: 0).get() == 0)
  }

  @Test func amounts() throws {
    #expect(try CellParsers.amount("2.5", column: "fee").get() == 2.5)
    #expect(try CellParsers.amount("0", column: "fee").get() == 0)
    #expect(problem(CellParsers.amount("-1", column: "fee")) == "fee -1 must not be negative")
    #expect(problem(CellParsers.amount("二元", column: "收费")) == "收费 \"二元\" is not a number")
    #expect(problem(CellParsers.amount("nan", column: "rate")) == "rate \"nan\" is not a number")
  }

  @Test func grades() throws {
    #expect(try CellParsers.grade("12", column: "grade").get() == 12)
    #expect(problem(CellParsers.grade("0", column: "grade")) == "grade 0 is not a grade from 1 to 12")
    #expect(problem(CellParsers.grade("13", column: "年级")) == "年级 13 is not a grade from 1 to 12")
    #expect(
      problem(CellParsers.grade("三年级", column: "年级")) == "年级 \"三年级\" is not a grade (hint: grades are whole numbers from 1 to 12)")
  }

  @Test func gradeSetsMixGradesRangesAndTiers() {
    let (set, problems) = CellParsers.gradeSet("低段;4、 7-8", column: "grades", tiers: tiers)
    #expect(problems.isEmpty)
    #expect(set == GradeSet([1, 2, 4, 7, 8]))
    #expect(CellParsers.gradeSet("3-6", column: "grades", tiers: tiers).0 == GradeSet(3...6))
  }

  @Test func gradeSetErrors() {
    #expect(
      messages(CellParsers.gradeSet("中段;13;6-3;0-2", column: "grades", tiers: tiers).1) == [
        "\"中段\" in grades is not a grade, a range like 3-6, or a tier (hint: tiers in school.toml: 低段, 高段)",
        "13 in grades is not a grade from 1 to 12",
        "range 6-3 in grades runs backwards (hint: write 3-6)",
        "range 0-2 in grades has a grade outside 1 to 12",
      ])
    #expect(
      messages(CellParsers.gradeSet("初中", column: "年级", tiers: TierLookup()).1) == [
        "\"初中\" in 年级 is not a grade, a range like 3-6, or a tier (hint: school.toml defines no [tiers])"
      ])
    #expect(messages(CellParsers.gradeSet(";", column: "grades", tiers: tiers).1) == ["grades is empty"])
  }

  @Test func gradeSetIsUnknownWithoutErrorWhenTiersAreBroken() {
    var broken = tiers
    broken.brokenNames = ["中段"]
    let (set, problems) = CellParsers.gradeSet("中段", column: "grades", tiers: broken)
    #expect(set == nil && problems.isEmpty)
    var incomplete = TierLookup()
    incomplete.complete = false
    let (set2, problems2) = CellParsers.gradeSet("初中", column: "grades", tiers: incomplete)
    #expect(set2 == nil && problems2.isEmpty)
  }

  @Test func slotSetsMixIdsAndDayNames() {
    let (slots, problems) = CellParsers.slotSet("Mon-1;周二、星期五", column: "slots", week: week)
    #expect(problems.isEmpty)
    #expect(slots == [Slot(id: "Mon-1")!, Slot(id: "Tue-1")!, Slot(id: "Tue-2")!, Slot(id: "Fri-1")!, Slot(id: "Fri-2")!])
    #expect(CellParsers.slotSet("fri", column: "slots", week: week).0 == [Slot(id: "Fri-1")!, Slot(id: "Fri-2")!])
  }

  @Test func slotSetErrors() {
    let hint = " (hint: the week has periods 1-2 on Mon, Tue, Fri)"
    #expect(
      messages(CellParsers.slotSet("Wed;周三;Mon-3;Tues;周一-1", column: "unavailable", week: week).1) == [
        "Wed in unavailable is not a day of the week in school.toml" + hint,
        "周三 in unavailable is not a day of the week in school.toml" + hint,
        "Mon-3 in unavailable is not a slot of the week in school.toml" + hint,
        "\"Tues\" in unavailable is neither a slot id like Tue-2 nor a day name",
        "\"周一-1\" in unavailable is not a slot id (hint: slot ids use the English day: Mon-1)",
      ])
  }

  @Test func slotSetIsUnknownWithoutAWeek() {
    let (slots, problems) = CellParsers.slotSet("Mon-1", column: "slots", week: nil)
    #expect(slots == nil && problems.isEmpty)
  }

  @Test func singleSlotIds() throws {
    #expect(try CellParsers.slot("Tue-2", column: "slot", week: week).get() == Slot(id: "Tue-2")!)
    #expect(problem(CellParsers.slot("Tue", column: "slot", week: week)) == "slot \"Tue\" is not a slot id like Tue-2")
    #expect(
      problem(CellParsers.slot("Wed-1", column: "时段", week: week))
        == "时段 Wed-1 is not a slot of the week in school.toml (hint: the week has periods 1-2 on Mon, Tue, Fri)")
    #expect(
      problem(CellParsers.slot("tue-1", column: "slot", week: week))
        == "slot \"tue-1\" is not a slot id (hint: slot ids use the English day: Tue-1)")
  }

  @Test func weekHintForOnePeriod() {
    #expect(CellParsers.weekHint(Week(days: [.sat], periods: [Period(start: "9:00", end: "9:40")])) == "the week has period 1 on Sat")
  }
}
