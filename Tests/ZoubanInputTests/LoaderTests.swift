import Foundation
import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct LoaderTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

  @Test func baseSchoolLoadsClean() throws {
    let result = TempSchool().load()
    #expect(result.diagnostics.isEmpty)
    let school = try #require(result.school)
    #expect(school.name == "测试小学" && school.term == "2026 秋季学期")
    #expect(school.week.slots.count == 10)
    #expect(school.tiers.map(\.name) == ["低段", "高段"])
    #expect(school.rules == Rules(minSize: 2, electivesPerStudent: 1))
    #expect(school.courses.map(\.code) == ["C01", "C02", "C03"])
    #expect(school.courses[1].minSize == 2 && school.courses[1].fee == 2.5 && school.courses[1].slots.count == 4)
    #expect(school.courses[0].slots == school.week.slots)
    #expect(school.courses[2].provider == .external)
    #expect(school.rooms[1].unavailable == [Slot(id: "Fri-1")!, Slot(id: "Fri-2")!])
    #expect(school.teachers[0].maxSections == 2 && school.teachers[1].maxSections == nil && school.teachers[1].rate == 40)
    #expect(school.students.map(\.choices) == [["C01", "C02"], ["C01"], ["C03", "C02"], ["C03"]])
    #expect(school.students[1].electives == 1 && school.students[1].acceptAny && school.students[1].priority == "留守")
    #expect(school.students[3].feeWaiver)
    #expect(school.fixed == [FixedPlacement(student: "S001", course: "C01", slot: Slot(id: "Tue-1"), line: 2)])
  }

  @Test func gb18030SchoolWithCRLFAndMultiLineCellsLoadsClean() throws {
    let result = SchoolLoader.load(directory: "\(Self.fixtures)/gb18030-crlf")
    #expect(result.diagnostics.map(\.description) == [])
    let school = try #require(result.school)
    #expect(school.name == "晨光中学")
    #expect(school.week.days == [.mon, .wed, .fri])
    #expect(school.courses.map(\.name) == ["篮球,初级", "书法\"软笔\""])
    #expect(school.courses[1].grades == GradeSet([7, 8]) && school.courses[1].provider == .external)
    #expect(school.rooms[0].name == "体育馆\n（东侧）")
    #expect(school.teachers[1].name == "外聘\n书法老师")
    #expect(school.students.map(\.id) == ["7001", "8001", "9001"])
    #expect(school.students[0].priority == "留守\n（父母在外务工）")
    #expect(school.students[0].choices == ["M02", "M01"])
    #expect(school.students[1].choices == ["M02"] && school.students[1].feeWaiver && !school.students[1].acceptAny)
    #expect(school.students[2].electives == 0)
  }

  @Test func chineseHeadersLoadClean() throws {
    let result = SchoolLoader.load(directory: "\(Self.fixtures)/chinese-headers")
    #expect(result.diagnostics.map(\.description) == [])
    let school = try #require(result.school)
    #expect(school.courses.map(\.teachers) == [["J01", "J02"], ["J02"]])
    #expect(school.courses[0].slots == [Slot(id: "Mon-1")!, Slot(id: "Mon-2")!])
    #expect(school.rooms.map(\.type) == ["教室", "音乐室"])
    #expect(school.teachers[0].unavailable == [Slot(id: "Tue-2")!])
    #expect(school.students.map(\.choices) == [["K01", "K02"], ["K02"], ["K01", "K02"]])
    #expect(school.students[1].unavailable.count == 2 && school.students[1].priority == "随迁")
    #expect(school.fixed == [FixedPlacement(student: "20260103", course: "K02", line: 2)])
  }

  @Test func missingDirectory() {
    let result = SchoolLoader.load(directory: "no/such/school")
    #expect(result.diagnostics.map(\.description) == ["no/such/school: error: no such school directory (hint: give the folder that holds school.toml)"])
    #expect(result.school == nil)
  }

  @Test func pathsJoinAsTheUserTypedThem() {
    #expect(SchoolLoader.join("Catalogs/x", "courses.csv") == "Catalogs/x/courses.csv")
    #expect(SchoolLoader.join("Catalogs/x/", "courses.csv") == "Catalogs/x/courses.csv")
    #expect(SchoolLoader.join(".", "courses.csv") == "courses.csv")
  }

  @Test func fixedFileIsOptional() {
    let result = TempSchool(["fixed.csv": nil]).load()
    #expect(result.diagnostics.isEmpty)
    #expect(result.school?.fixed == [])
  }

  @Test func everyProblemInEveryFileIsReportedInFileThenLineOrder() {
    let school = TempSchool([
      "students.csv": TempSchool.edit("students.csv", "S004,赵六,2", "S004,赵六,0"),
      "rooms.csv": TempSchool.edit("rooms.csv", "R01,操场,操场,40", "R01,操场,操场,-4"),
      "courses.csv": TempSchool.edit("courses.csv", "T02,0,external", "T02,x,external").replacingOccurrences(of: "艺术,1-6,15", with: "艺术,1-6,0"),
      "school.toml": TempSchool.base["school.toml"]! + "color = 1\n",
    ])
    #expect(
      school.lines() == [
        "x/school.toml:18: warning: unknown key rules.color is ignored (hint: known here: min_size, electives_per_student, teacher_pay_budget)",
        "x/courses.csv:3: error: max_size 0 must be at least 1",
        "x/courses.csv:4: error: fee \"x\" is not a number",
        "x/rooms.csv:2: error: capacity -4 must be at least 1",
        "x/students.csv:5: error: grade 0 is not a grade from 1 to 12",
      ])
  }

  @Test func aBrokenCourseRowIsStillKnownToOtherTables() {
    let school = TempSchool(["courses.csv": TempSchool.edit("courses.csv", "C03,绘本阅读,阅读,低段,15,2", "C03,绘本阅读,阅读,低段,15,二")])
    #expect(school.lines() == ["x/courses.csv:4: error: min_size \"二\" is not a whole number"])
  }

  @Test func aBrokenTableSilencesReferencesToIt() {
    var school = TempSchool(["courses.csv": "name,grades\n足球,3\n"])
    #expect(
      school.lines() == [
        "x/courses.csv:1: error: missing required column code (hint: add a column headed code (or 编号, 课程编号))",
        "x/courses.csv:1: error: missing required column max_size (hint: add a column headed max_size (or 最多人数, 容量))",
        "x/courses.csv:1: error: missing required column room_type (hint: add a column headed room_type (or 场地类型))",
        "x/courses.csv:1: error: missing required column teachers (hint: add a column headed teachers (or 教师, 任课教师))",
        // Codes are unknowable without the column (no "unknown course C01"), but names still resolve.
        "x/students.csv:3: warning: course 足球 in choice1 is not open to grade 4 (grades 3); the choice is dropped",
      ])
    school = TempSchool(["teachers.csv": nil])
    #expect(
      school.lines() == [
        "x/teachers.csv: error: file not found (hint: a school directory needs school.toml, courses.csv, rooms.csv, teachers.csv and students.csv)"
      ])
  }

  @Test func aBrokenSchoolTomlDoesNotCascadeIntoTheTables() {
    let school = TempSchool(["school.toml": "[week\n"])
    #expect(school.lines().count == 1)
    #expect(school.lines()[0].hasPrefix("x/school.toml:1: error: invalid TOML"))
  }

  @Test func unreadableOrEmptyFiles() {
    let school = TempSchool(["rooms.csv": ""])
    school.writeBytes("students.csv", [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00])
    #expect(
      school.lines() == [
        "x/rooms.csv: error: the file is empty (hint: the first row must be the header)",
        "x/students.csv: error: the file is neither UTF-8 nor GB18030 text (hint: save it from Excel or WPS as \"CSV UTF-8\")",
      ])
  }

  @Test func extraCellsAreAWarning() {
    let school = TempSchool(["rooms.csv": TempSchool.edit("rooms.csv", "R01,操场,操场,40,", "R01,操场,操场,40,,东侧")])
    #expect(school.lines() == ["x/rooms.csv:2: warning: the row has 6 cells but the header has 5; the extra cells are ignored"])
    #expect(school.load().school != nil)
  }

  @Test func unknownColumnIsAWarningAndTheSchoolStillLoads() {
    let school = TempSchool(["teachers.csv": "id,备注\nT01,x\nT02,y\n"])
    #expect(school.lines() == ["x/teachers.csv:1: warning: unknown column 备注 is ignored"])
    #expect(school.load().school?.teachers.count == 2)
  }

  @Test func coursesThatCannotOpenAreWarnedAtTheirLine() {
    let school = TempSchool([
      "courses.csv": TempSchool.base["courses.csv"]! + "C04,机器人班,科技,3-6,12,2,1,,机房,T01,0,school\n"
        + "C05,合唱,艺术,3-6,50,46,1,,教室,T02,0,school\n" + "C06,舞蹈,艺术,3-6,20,2,1,Fri,教室,T02,0,school\n"
    ])
    #expect(
      school.lines() == [
        "x/courses.csv:5: warning: course C04 (机器人班) cannot open: no room of type 机房",
        "x/courses.csv:6: warning: course C05 (合唱) cannot open: no room of type 教室 holds min_size 46 (the largest holds 45)",
        "x/courses.csv:7: warning: course C06 (舞蹈) cannot open: no room of type 教室 that holds min_size 2 is available in its slots",
      ])
    #expect(school.load().school?.courses.count == 6)
  }
}
