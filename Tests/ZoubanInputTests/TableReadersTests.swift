import Testing
import ZoubanModel

@testable import ZoubanInput

/// courses.csv, rooms.csv and teachers.csv, one rule per test, messages verbatim.
@Suite struct TableReadersTests {
  func courses(_ rows: String) -> [String] {
    TempSchool(["courses.csv": TempSchool.base["courses.csv"]! + rows]).lines()
  }

  @Test func courseCellErrors() {
    #expect(
      courses(
        "C04,围棋,益智,3-6,20,0,0,,教室,T02,,school\n" + "C05,象棋,益智,3-6,20,,1,,教室,T02,,partner\n"
          + ",,益智,3-6,20,,1,,,,,\n" + "C06,跳棋,益智,3-6,1,,1,,教室,T02,,\n") == [
        "x/courses.csv:5: error: min_size 0 must be at least 1",
        "x/courses.csv:5: error: max_sections 0 must be at least 1",
        "x/courses.csv:6: error: provider \"partner\" is not school or external (hint: write school (本校) or external (校外机构))",
        "x/courses.csv:7: error: code is empty",
        "x/courses.csv:7: error: name is empty",
        "x/courses.csv:7: error: room_type is empty",
        "x/courses.csv:7: error: teachers is empty",
        "x/courses.csv:8: error: min_size 2 from rules.min_size in school.toml is greater than max_size 1 (hint: give this course its own min_size)",
      ])
  }

  @Test func teacherListsAreCheckedOneByOne() {
    #expect(
      courses("C04,围棋,益智,3-6,20,,1,,教室,T01；t02、X9,0,school\nC05,象棋,益智,3-6,20,,1,,教室,;,0,school\n") == [
        "x/courses.csv:5: error: unknown teacher t02 in teachers (hint: did you mean T02 or T01?)",
        "x/courses.csv:5: error: unknown teacher X9 in teachers (hint: add it to teachers.csv)",
        "x/courses.csv:6: error: teachers names no teacher",
      ])
  }

  @Test func providerAliasesAndAcademicCategories() throws {
    let school = TempSchool([
      "courses.csv": TempSchool.base["courses.csv"]! + "C04,围棋,益智,3-6,20,,1,,教室,T02,0,校外\nC05,答疑,学科类,3-6,20,,1,,教室,T02,0,本校\n"
    ])
    let loaded = try #require(school.load().school)
    #expect(loaded.courses[3].provider == .external)
    #expect(loaded.courses[4].provider == .school && loaded.courses[4].isAcademic)
    #expect(
      courses("C04,英语,Academic,3-6,20,,1,,教室,T02,0,校外机构\n") == [
        "x/courses.csv:5: error: course C04 is academic (category Academic) and may not be run by an external provider (hint: academic (学科类) services may not be run by outside institutions)"
      ])
  }

  @Test func codeCharacters() throws {
    #expect(
      courses("C 4,围棋,益智,3-6,20,,1,,教室,T02,0,\n") == ["x/courses.csv:5: error: code \"C 4\" may hold only letters, digits, - and _"])
    let school = TempSchool(["courses.csv": TempSchool.base["courses.csv"]! + "围棋-a_1,围棋,益智,3-6,20,,1,,教室,T02,0,\n"])
    #expect(try #require(school.load().school).courses[3].code == "围棋-a_1")
  }

  @Test func roomErrors() {
    let school = TempSchool(["rooms.csv": "编号,名称,场地类型,容量,不可用时段\nR01,操场,操场,四十,\nR02,,,45,Sun\nR01,x,教室,3,\n"])
    #expect(
      school.lines() == [
        "x/rooms.csv:2: error: 容量 \"四十\" is not a whole number",
        "x/rooms.csv:3: error: 场地类型 is empty",
        "x/rooms.csv:3: error: Sun in 不可用时段 is not a day of the week in school.toml (hint: the week has periods 1-2 on Mon, Tue, Wed, Thu, Fri)",
        "x/rooms.csv:4: error: duplicate 编号 R01 (first on line 2)",
      ])
  }

  @Test func teacherErrors() {
    let school = TempSchool(["teachers.csv": "工号,姓名,每周最多节数,不可用时段,课时费\nT01,王,0,,\nT02,李,,Fri-3,-40\nT02,赵,,,\n"])
    #expect(
      school.lines() == [
        "x/teachers.csv:2: error: 每周最多节数 0 must be at least 1",
        "x/teachers.csv:3: error: Fri-3 in 不可用时段 is not a slot of the week in school.toml (hint: the week has periods 1-2 on Mon, Tue, Wed, Thu, Fri)",
        "x/teachers.csv:3: error: 课时费 -40 must not be negative",
        "x/teachers.csv:4: error: duplicate 工号 T02 (first on line 3)",
      ])
  }
}
