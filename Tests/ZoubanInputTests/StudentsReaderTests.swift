import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct StudentsReaderTests {
  func load(_ students: String, fixed: String? = "student,course,slot\n") -> TempSchool {
    TempSchool(["students.csv": students, "fixed.csv": fixed])
  }

  @Test func blankChoiceCellsMoveLaterChoicesUp() throws {
    let school = load("id,grade,choice3,choice1,choice2\nA,3,C02,,足球\n")
    #expect(school.lines().isEmpty)
    #expect(try #require(school.load().school).students[0].choices == ["C01", "C02"])
  }

  @Test func oneCellChoicesUseAnySeparator() throws {
    let school = load("id,grade,志愿\nA,3,书法；足球\nB,3,\n")
    #expect(school.lines().isEmpty)
    let students = try #require(school.load().school).students
    #expect(students.map(\.choices) == [["C02", "C01"], []])
    #expect(students[1].electives == 1 && !students[1].acceptAny)
  }

  @Test func repeatsKeepTheirFirstRank() throws {
    let school = load("id,grade,choice1,choice2,choice3\nA,3,C01,书法,足球\n")
    #expect(school.lines() == ["x/students.csv:2: warning: course C01 (足球) is chosen in choice1 and again in choice3; its first rank is kept"])
    #expect(try #require(school.load().school).students[0].choices == ["C01", "C02"])
    #expect(
      load("id,grade,choices\nA,3,C01;C01\n").lines() == [
        "x/students.csv:2: warning: course C01 (足球) is chosen twice in choices; its first rank is kept"
      ])
  }

  @Test func choicesOutsideTheGradeAreDroppedWithAWarning() throws {
    let school = load("id,grade,choice1,choice2\nA,1,C01,C03\n")
    #expect(
      school.lines() == [
        "x/students.csv:2: warning: course C01 (足球) in choice1 is not open to grade 1 (grades 3-6); the choice is dropped"
      ])
    #expect(try #require(school.load().school).students[0].choices == ["C03"])
  }

  @Test func unknownCoursesGetCloseMatches() {
    #expect(
      load("id,grade,choice1,choice2\nA,3,c01,书 法\n").lines() == [
        "x/students.csv:2: error: unknown course c01 in choice1 (hint: did you mean C01 or C02 or C03?)".replacingOccurrences(
          of: "C01 or C02 or C03", with: "C01, C02 or C03"),
        "x/students.csv:2: error: unknown course 书 法 in choice2 (hint: did you mean 书法?)",
      ])
  }

  @Test func studentCellErrors() {
    #expect(
      load("学号,年级,选课数,服从调剂,减免,不可用时段\nA,,x,也许,2,Mon-9\nA,三,-1,,,\n").lines() == [
        "x/students.csv:2: error: 年级 is empty",
        "x/students.csv:2: error: 选课数 \"x\" is not a whole number",
        "x/students.csv:2: error: 服从调剂 \"也许\" is not yes or no (hint: write yes/no, true/false, 1/0, 是/否 or Y/N)",
        "x/students.csv:2: error: 减免 \"2\" is not yes or no (hint: write yes/no, true/false, 1/0, 是/否 or Y/N)",
        "x/students.csv:2: error: Mon-9 in 不可用时段 is not a slot of the week in school.toml (hint: the week has periods 1-2 on Mon, Tue, Wed, Thu, Fri)",
        "x/students.csv:3: error: duplicate 学号 A (first on line 2)",
        "x/students.csv:3: error: 年级 \"三\" is not a grade (hint: grades are whole numbers from 1 to 12)",
        "x/students.csv:3: error: 选课数 -1 must be at least 0",
      ])
  }

  @Test func allStudentFieldsAreRead() throws {
    let school = load("id,name,grade,class,electives,priority,accept_any,fee_waiver,unavailable\nA,甲,6,6-2,0,残疾,TRUE,1,周一;Tue-2\n")
    let student = try #require(school.load().school).students[0]
    #expect(
      student
        == Student(
          id: "A", name: "甲", grade: 6, homeClass: "6-2", electives: 0, priority: "残疾", acceptAny: true, feeWaiver: true,
          unavailable: [Slot(id: "Mon-1")!, Slot(id: "Mon-2")!, Slot(id: "Tue-2")!], choices: []))
  }
}

@Suite struct FixedReaderTests {
  func lines(_ fixed: String) -> [String] { TempSchool(["fixed.csv": fixed]).lines() }

  @Test func validRowsByCodeOrNameWithOrWithoutSlot() throws {
    let school = TempSchool(["fixed.csv": "学号,课程,时段\nS003,绘本阅读,Wed-1\nS004,C03,\n"])
    #expect(school.lines().isEmpty)
    #expect(
      try #require(school.load().school).fixed == [
        FixedPlacement(student: "S003", course: "C03", slot: Slot(id: "Wed-1"), line: 2),
        FixedPlacement(student: "S004", course: "C03", line: 3),
      ])
  }

  @Test func slotOutsideTheWeekAndEmptyCells() {
    #expect(
      lines("student,course,slot\nS001,C01,Sat-1\n,,\nS001,,Mon-1\n") == [
        "x/fixed.csv:2: error: slot Sat-1 is not a slot of the week in school.toml (hint: the week has periods 1-2 on Mon, Tue, Wed, Thu, Fri)",
        "x/fixed.csv:4: error: course is empty",
      ])
  }

  @Test func severalRulesOnOneRow() {
    #expect(
      lines("student,course,slot\nS003,C01,Fri-2\n") == [
        "x/fixed.csv:2: error: course C01 (足球) is not open to grade 1 of student S003 (grades 3-6)"
      ])
    #expect(
      lines("student,course,slot\nS002,C02,Fri-1\n") == [
        "x/fixed.csv:2: error: course C02 (书法) may not run in Fri-1 (hint: its slots are Mon-1, Mon-2, Tue-1, Tue-2)",
        "x/fixed.csv:2: error: student S002 cannot attend Fri-1 (unavailable in students.csv)",
      ])
  }

  @Test func aStudentWithABrokenRowIsStillKnown() {
    let school = TempSchool([
      "students.csv": TempSchool.edit("students.csv", "S001,张三,3,3-1,1,,no,no,,C01,C02", "S001,张三,3,3-1,1,,no,no,,C01,C09")
    ])
    #expect(school.lines() == ["x/students.csv:2: error: unknown course C09 in choice2 (hint: did you mean C01, C02 or C03?)"])
  }

  @Test func tooManyRowsIsReportedOnceWithTheTotal() {
    #expect(
      lines("student,course\nS003,C03\nS003,C02\nS003,书法\n") == [
        "x/fixed.csv:3: error: student S003 has 3 fixed rows but electives is 1 (hint: raise electives in students.csv or remove a row)",
        "x/fixed.csv:4: error: student S003 is fixed to course C02 twice (first on line 3)",
      ])
  }
}
