import Foundation
import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct AssignmentsReaderTests {
  func file(_ bytes: [UInt8]) -> String {
    let path = NSTemporaryDirectory() + "assignments-" + UUID().uuidString + ".csv"
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func file(_ text: String) -> String { file([0xEF, 0xBB, 0xBF] + Array(text.utf8)) }

  @Test func rowsKeepTheirLinesAndIgnoreExtraColumns() {
    let path = file(
      "student,student_name,grade,class,course,course_name,section,slot,room,teacher,rank\r\n"
        + "S1,\"张\n三\",3,3-1,C07,围棋,C07/Tue-2,Tue-2,R1,T1,1\r\n\r\n" + "S2,李四,3,3-1,C07,围棋,C07/Tue-2/2,Tue-2,R2,T2,\r\n")
    let (rows, diagnostics) = AssignmentsReader.read(path: path)
    #expect(diagnostics.isEmpty)
    #expect(
      rows == [
        AssignmentRow(line: 2, student: "S1", course: "C07", section: "C07/Tue-2", slot: "Tue-2", room: "R1", teacher: "T1"),
        AssignmentRow(line: 5, student: "S2", course: "C07", section: "C07/Tue-2/2", slot: "Tue-2", room: "R2", teacher: "T2"),
      ])
  }

  @Test func formulaGuardIsUndone() {
    let path = file("student,course,section,slot,room,teacher\n'-5,'=C1,'@x,Mon-1,'+R,'plain\n")
    let (rows, _) = AssignmentsReader.read(path: path)
    #expect(rows.map { [$0.student, $0.course, $0.section, $0.room, $0.teacher] } == [["-5", "=C1", "@x", "+R", "'plain"]])
  }

  @Test func referencesAreNotChecked() {
    let path = file("student,course,section,slot,room,teacher\nnobody,,x,Zzz-9,,\n")
    let (rows, diagnostics) = AssignmentsReader.read(path: path)
    #expect(diagnostics.isEmpty && rows.count == 1 && rows[0].slot == "Zzz-9")
  }

  @Test func gb18030IsRead() {
    // 张 in GB18030 is D5 C5.
    let path = file(Array("student,course,section,slot,room,teacher\n".utf8) + [0xD5, 0xC5] + Array(",C1,C1/Mon-1,Mon-1,R,T\n".utf8))
    #expect(AssignmentsReader.read(path: path).rows.first?.student == "张")
  }

  @Test func structuralProblemsAreDiagnostics() {
    let missing = AssignmentsReader.read(path: "/no/such/assignments.csv")
    #expect(missing.rows.isEmpty && missing.diagnostics.map(\.description) == ["/no/such/assignments.csv: error: file not found"])

    let path = file("student,course,section,slot,rank\nS1,C1,C1/Mon-1,Mon-1,\n")
    #expect(
      AssignmentsReader.read(path: path).diagnostics.map(\.description) == [
        "\(path):1: error: missing required column room (hint: add a column headed room)",
        "\(path):1: error: missing required column teacher (hint: add a column headed teacher)",
      ])

    let open = file("student,course,section,slot,room,teacher\nS1,\"C1,x,Mon-1,R,T\n")
    let result = AssignmentsReader.read(path: open)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(open):2: error: a quoted cell starts here and is never closed (hint: add the missing \" (the rest of the file was read as one cell))"
      ])
    #expect(result.rows.isEmpty)

    let bad = file([0xFF, 0xFE, 0x41])
    #expect(
      AssignmentsReader.read(path: bad).diagnostics.map(\.description) == [
        "\(bad): error: the file is neither UTF-8 nor GB18030 text (hint: save it from Excel or WPS as \"CSV UTF-8\")"
      ])
  }
}

@Suite struct CannotOpenReasonTests {
  let week = Week(days: [.mon, .tue], periods: [Period(start: "16:00", end: "16:40")])

  func course(minSize: Int = 10, maxSize: Int = 20, slots: [String] = ["Mon-1", "Tue-1"], teachers: [String] = ["T1"]) -> Course {
    Course(
      code: "C05", name: "机器人班", grades: GradeSet([3]), maxSize: maxSize, minSize: minSize, slots: slots.map { Slot(id: $0)! },
      roomType: "机房", teachers: teachers)
  }

  func school(rooms: [Room], teachers: [Teacher] = [Teacher(id: "T1")]) -> School {
    School(week: week, courses: [], rooms: rooms, teachers: teachers, students: [])
  }

  let lab = Room(id: "R1", type: "机房", capacity: 30)
  let mon = Slot(id: "Mon-1")!
  let tue = Slot(id: "Tue-1")!

  @Test func opensWhenSomeSlotHasRoomAndTeacher() {
    #expect(school(rooms: [lab]).cannotOpenReason(course()) == nil)
  }

  @Test func reasons() {
    #expect(school(rooms: [lab]).cannotOpenReason(course(slots: ["Wed-1"])) == "none of its slots is in the week")
    #expect(school(rooms: [lab]).cannotOpenReason(course(minSize: 25)) == "max_size 20 is below min_size 25")
    #expect(school(rooms: []).cannotOpenReason(course()) == "no room of type 机房")
    #expect(
      school(rooms: [Room(id: "R1", type: "机房", capacity: 8), Room(id: "R2", type: "机房", capacity: 9)]).cannotOpenReason(course())
        == "no room of type 机房 holds min_size 10 (the largest holds 9)")
    #expect(school(rooms: [lab]).cannotOpenReason(course(teachers: ["T9"])) == "none of its teachers is in the school")
    #expect(
      school(rooms: [Room(id: "R1", type: "机房", capacity: 30, unavailable: [mon, tue])]).cannotOpenReason(course())
        == "no room of type 机房 that holds min_size 10 is available in its slots")
    #expect(
      school(rooms: [lab], teachers: [Teacher(id: "T1", unavailable: [mon, tue])]).cannotOpenReason(course())
        == "none of its teachers (T1) is available in its slots")
    #expect(
      school(rooms: [Room(id: "R1", type: "机房", capacity: 30, unavailable: [mon])], teachers: [Teacher(id: "T1", unavailable: [tue])])
        .cannotOpenReason(course()) == "no slot has both a room of type 机房 and one of its teachers available")
  }
}
