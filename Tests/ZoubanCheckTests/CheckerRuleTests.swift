import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

/// SPEC §2 rule by rule: each test breaks one rule of the demo's clean timetable.
@Suite struct CheckerRuleTests {
  // Rule 1: one section per slot, one per course, at most `electives`.

  @Test func studentInTwoSectionsInOneSlot() {
    let rows =
      Demo.rows + [
        Fixtures.row(8, "S6", "C01/Mon-1", room: "R1", teacher: "T1"),
        Fixtures.row(9, "S6", "C03/Mon-1", room: "R3", teacher: "T3"),
      ]
    #expect(
      Demo.violations(rows) == [
        Violation(line: nil, message: "student S6 (陈九) is in two sections on Mon-1: C01/Mon-1 and C03/Mon-1")
      ])
  }

  @Test func studentInTwoSectionsOfOneCourse() {
    let rows =
      Demo.rows + [
        Fixtures.row(8, "S6", "C01/Mon-1", room: "R1", teacher: "T1"),
        Fixtures.row(9, "S3", "C01/Tue-2", room: "R1", teacher: "T1"),
        Fixtures.row(10, "S6", "C01/Tue-2", room: "R1", teacher: "T1"),
      ]
    #expect(
      Demo.violations(rows) == [
        Violation(line: nil, message: "student S6 (陈九) is in two sections of C01 (足球): C01/Mon-1 and C01/Tue-2")
      ])
  }

  @Test func studentOverElectives() {
    let school = Demo.school(changing: "S1") { $0.with(electives: 1) }
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(line: nil, message: "student S1 (王小明) attends 2 sections, more than the 1 elective asked for")
      ])
  }

  // Rule 2: grade, availability, and the student's wishes.

  @Test func gradeNotAllowed() {
    let school = Demo.school(changing: "S1") { $0.with(grade: 3) }
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(line: 3, message: "student S1 (王小明) is in grade 3, but C02 (机器人) is for grades 4-6")
      ])
  }

  @Test func studentUnavailable() {
    let school = Demo.school(changing: "S1") { $0.with(unavailable: [Fixtures.slot("Tue-1")]) }
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(line: 3, message: "student S1 (王小明) is not available on Tue-1 but is placed in C02/Tue-1")
      ])
  }

  @Test func courseNotWanted() {
    let school = Demo.school(changing: "S1") { $0.with(choices: ["C01"]) }
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(
          line: 3,
          message:
            "student S1 (王小明) is placed in C02 (机器人), which is not one of their choices; they do not accept other courses (服从调剂) and it is not fixed for them"
        )
      ])
  }

  @Test func fixedCourseNeedsNoChoice() {
    let school = Demo.school(changing: "S3") { $0.with(choices: []) }
    #expect(Demo.violations(Demo.rows, in: school) == [])
  }

  // Rule 3: sizes, weekly sections, allowed slots.

  @Test func sectionUnderMinimum() {
    #expect(
      Demo.violations(Demo.rows(replacing: 4, with: nil)) == [
        Violation(line: nil, message: "section C01/Mon-1 (足球) has 1 student, fewer than its minimum 2")
      ])
  }

  @Test func sectionOverMaximum() {
    let rows =
      Demo.rows + [
        Fixtures.row(8, "S3", "C01/Mon-1", room: "R1", teacher: "T1"),
        Fixtures.row(9, "S6", "C01/Mon-1", room: "R1", teacher: "T1"),
      ]
    #expect(
      Demo.violations(rows) == [
        Violation(line: nil, message: "section C01/Mon-1 (足球) has 4 students, more than its maximum 3")
      ])
  }

  @Test func sectionOverRoomCapacity() {
    let rows = Demo.rows + [Fixtures.row(8, "S6", "C02/Tue-1", room: "R2", teacher: "T2")]
    #expect(
      Demo.violations(rows) == [
        Violation(line: nil, message: "section C02/Tue-1 (机器人) has 3 students, more than room R2 (机房一) holds (2)")
      ])
  }

  @Test func courseOverMaxSections() {
    let rows = Demo.rows + [Fixtures.row(8, "S6", "C03/Tue-2", room: "R3", teacher: "T3")]
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: nil,
          message: "course C03 (书法) opens 2 sections, more than its maximum 1 per week: C03/Mon-1 and C03/Tue-2")
      ])
  }

  @Test func slotNotAllowedForTheCourse() {
    var school = Demo.school
    let c = school.courses[0]
    school.courses[0] = Course(
      code: c.code, name: c.name, grades: c.grades, maxSize: c.maxSize, minSize: c.minSize,
      maxSections: c.maxSections, slots: Fixtures.slots("Tue-1", "Tue-2"), roomType: c.roomType, teachers: c.teachers)
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(
          line: nil,
          message:
            "section C01/Mon-1 (足球) is on Mon-1, which is not one of the slots allowed for C01 (足球): Tue-1, Tue-2")
      ])
  }

  // Rule 4: the teacher.

  @Test func teacherNotQualified() {
    let rows = Demo.rows.map { $0.line == 3 || $0.line == 5 ? Self.moved($0, teacher: "T3") : $0 }
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: nil,
          message: "section C02/Tue-1 (机器人) is taught by teacher T3 (张老师), who is not listed as a teacher of C02 (机器人)")
      ])
  }

  @Test func teacherUnavailable() {
    var school = Demo.school
    school.teachers[2] = Teacher(id: "T3", name: "张老师", unavailable: [Fixtures.slot("Mon-1")])
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(
          line: nil, message: "section C03/Mon-1 (书法) is taught by teacher T3 (张老师), who is not available on Mon-1")
      ])
  }

  @Test func teacherInTwoSectionsInOneSlot() {
    let rows = Demo.rows.map { $0.line >= 6 ? Self.moved($0, teacher: "T1") : $0 }
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: nil,
          message: "section C03/Mon-1 (书法) is taught by teacher T1 (王老师), who is not listed as a teacher of C03 (书法)"),
        Violation(line: nil, message: "teacher T1 (王老师) teaches two sections on Mon-1: C01/Mon-1 and C03/Mon-1"),
      ])
  }

  @Test func teacherOverMaxSections() {
    let rows = Demo.rows.map { $0.line >= 6 ? Self.moved($0, section: "C03/Tue-2", teacher: "T2") : $0 }
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: nil,
          message: "teacher T2 (李老师) teaches 2 sections, more than their maximum 1 per week: C02/Tue-1 and C03/Tue-2")
      ])
  }

  // Rule 5: the room.

  @Test func roomOfTheWrongType() {
    let rows = Demo.rows.map { $0.line >= 6 ? Self.moved($0, room: "R2") : $0 }
    #expect(
      Demo.violations(rows) == [
        Violation(
          line: nil, message: "section C03/Mon-1 (书法) is in room R2 (机房一) of type 机房, but C03 (书法) needs type 教室")
      ])
  }

  @Test func roomUnavailable() {
    var school = Demo.school
    school.rooms[2] = Room(id: "R3", name: "301教室", type: "教室", capacity: 4, unavailable: [Fixtures.slot("Mon-1")])
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(line: nil, message: "section C03/Mon-1 (书法) is in room R3 (301教室), which is not available on Mon-1")
      ])
  }

  @Test func roomHoldingTwoSectionsInOneSlot() {
    let rows = Demo.rows.map { $0.line >= 6 ? Self.moved($0, room: "R1") : $0 }
    #expect(
      Demo.violations(rows) == [
        Violation(line: nil, message: "room R1 (东操场) holds two sections on Mon-1: C01/Mon-1 and C03/Mon-1"),
        Violation(
          line: nil, message: "section C03/Mon-1 (书法) is in room R1 (东操场) of type 操场, but C03 (书法) needs type 教室"),
      ])
  }

  // Rule 6: fixed rows.

  @Test func fixedRowNotHonouredInItsSlot() {
    var school = Demo.school
    school.fixed = [FixedPlacement(student: "S3", course: "C02", slot: Fixtures.slot("Tue-2"))]
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(
          line: nil,
          message:
            "fixed placement not honoured: student S3 (赵六) must attend C02 (机器人) on Tue-2, but attends it on Tue-1")
      ])
  }

  @Test func fixedRowNotHonouredAtAll() {
    var school = Demo.school
    school.fixed.append(FixedPlacement(student: "S6", course: "C03"))
    #expect(
      Demo.violations(Demo.rows, in: school) == [
        Violation(
          line: nil,
          message: "fixed placement not honoured: student S6 (陈九) must attend C03 (书法), but is not placed in it")
      ])
  }

  /// The row with its section, room or teacher changed, the rest kept.
  private static func moved(
    _ row: AssignmentRow, section: String? = nil, room: String? = nil, teacher: String? = nil
  ) -> AssignmentRow {
    Fixtures.row(row.line, row.student, section ?? row.section, room: room ?? row.room, teacher: teacher ?? row.teacher)
  }
}
