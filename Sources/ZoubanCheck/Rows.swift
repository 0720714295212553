import Foundation
import ZoubanModel

/// A section id taken apart: `C07/Tue-2/2` is course C07, slot Tue-2, 2nd parallel section.
struct SectionKey: Hashable, Comparable {
  let course: String
  let slot: Slot
  let index: Int

  var id: String { Section.id(course: course, slot: slot, parallelIndex: index) }

  /// Reads an id in SPEC §3's one spelling: `<course>/<slot>` or `<course>/<slot>/<n>` with n ≥ 2.
  ///
  /// The id must be exactly what the rule would write (no `/1`, no `/02`, no spaces inside), so
  /// that two spellings can never name the same section.
  init?(id: String) {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty,
      let slot = Slot(id: parts[1]), slot.id == parts[1]
    else { return nil }
    var index = 1
    if parts.count == 3 {
      guard let n = Int(parts[2]), n >= 2, String(n) == parts[2] else { return nil }
      index = n
    }
    self.course = parts[0]
    self.slot = slot
    self.index = index
  }

  static func < (a: SectionKey, b: SectionKey) -> Bool {
    (a.course, a.slot, a.index) < (b.course, b.slot, b.index)
  }
}

/// A row whose every id resolves: one student attending one section.
struct Attendance {
  let line: Int
  let student: Student
  let course: Course
  let section: SectionKey
  /// The room and teacher this row names (both known; they may disagree with the section's).
  let room: String
  let teacher: String

  var slot: Slot { section.slot }
}

/// The rows read into attendances, with every fault of a single row reported against its line.
///
/// A row with an unknown id, a slot outside the week, or a section id that is malformed or does not
/// match the row's course and slot cannot be placed anywhere in the timetable; it is reported and
/// left out of every further check and of the objective. A repeated (student, section) row is
/// reported and counted once.
struct ReadRows {
  private(set) var attendances: [Attendance] = []
  private(set) var violations: [Violation] = []

  init(_ rows: [AssignmentRow], in directory: Directory) {
    var firstLine: [StudentSection: Int] = [:]
    for row in rows {
      let f = Fields(row)
      var faults: [String] = []
      let student = directory.students[f.student]
      if student == nil { faults.append(Self.unknown("student", f.student)) }
      let course = directory.courses[f.course]
      if course == nil { faults.append(Self.unknown("course", f.course)) }
      if directory.slots[f.slot] == nil {
        faults.append(
          f.slot.isEmpty ? "the row names no slot" : "slot \(Wording.quoted(f.slot)) is not a slot of the school's week"
        )
      }
      if directory.rooms[f.room] == nil { faults.append(Self.unknown("room", f.room)) }
      if directory.teachers[f.teacher] == nil { faults.append(Self.unknown("teacher", f.teacher)) }
      let key = SectionKey(id: f.section)
      if let key {
        if key.course != f.course {
          faults.append(
            "section \(key.id) belongs to course \(key.course), but the row's course is \(Wording.quoted(f.course))")
        }
        if key.slot.id != f.slot {
          faults.append("section \(key.id) is on \(key.slot.id), but the row's slot is \(Wording.quoted(f.slot))")
        }
      } else {
        faults.append(
          f.section.isEmpty
            ? "the row names no section"
            : "section id \(Wording.quoted(f.section)) does not follow the form <course>/<slot> or <course>/<slot>/<n> with n ≥ 2"
        )
      }
      violations += faults.map { Violation(line: row.line, message: $0) }
      guard faults.isEmpty, let student, let course, let key else { continue }

      let pair = StudentSection(student: student.id, section: key)
      if let earlier = firstLine[pair] {
        violations.append(
          Violation(
            line: row.line,
            message: "duplicate row: \(directory.student(student.id)) is already in \(key.id) on line \(earlier)"))
        continue
      }
      firstLine[pair] = row.line
      attendances.append(
        Attendance(line: row.line, student: student, course: course, section: key, room: f.room, teacher: f.teacher))
    }
    violations += Self.disagreements(attendances, in: directory)
  }

  /// `unknown room "R9"`, or `the row names no room` for a blank cell.
  private static func unknown(_ kind: String, _ raw: String) -> String {
    raw.isEmpty ? "the row names no \(kind)" : "unknown \(kind) \(Wording.quoted(raw))"
  }

  /// Rows of one section must agree on its room and teacher; the section's first row sets them,
  /// and each later row that differs is the one reported.
  private static func disagreements(_ attendances: [Attendance], in directory: Directory) -> [Violation] {
    var first: [SectionKey: Attendance] = [:]
    var found: [Violation] = []
    for a in attendances {
      guard let f = first[a.section] else {
        first[a.section] = a
        continue
      }
      let section = directory.section(a.section)
      if a.room != f.room {
        found.append(
          Violation(
            line: a.line,
            message:
              "\(section) is in \(directory.room(a.room)) on this line but in \(directory.room(f.room)) on line \(f.line)"
          ))
      }
      if a.teacher != f.teacher {
        found.append(
          Violation(
            line: a.line,
            message:
              "\(section) is taught by \(directory.teacher(a.teacher)) on this line but by \(directory.teacher(f.teacher)) on line \(f.line)"
          ))
      }
    }
    return found
  }
}

/// The key that makes two rows duplicates: the same student in the same section.
private struct StudentSection: Hashable {
  let student: String
  let section: SectionKey
}

/// A row's cells with surrounding spaces removed: a stray space typed in a spreadsheet is not
/// a different id.
private struct Fields {
  let student, course, section, slot, room, teacher: String

  init(_ row: AssignmentRow) {
    func clean(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
    student = clean(row.student)
    course = clean(row.course)
    section = clean(row.section)
    slot = clean(row.slot)
    room = clean(row.room)
    teacher = clean(row.teacher)
  }
}

/// The timetable the rows describe: every section that has at least one row, with its room,
/// teacher and students.
///
/// A section's room and teacher are those of its first row; rows that name others are reported
/// by `ReadRows` and still count as attending the section, since the student and section they
/// name are clear.
struct Timetable {
  struct OpenSection {
    let key: SectionKey
    let course: Course
    let room: Room
    let teacher: Teacher
    /// The section's rows, in file order.
    let attendances: [Attendance]
  }

  /// Sorted by course, slot and parallel index.
  let sections: [OpenSection]
  /// Every attendance, in file order.
  let attendances: [Attendance]

  init(_ attendances: [Attendance], in directory: Directory) {
    let bySection = Dictionary(grouping: attendances, by: \.section)
    sections = bySection.keys.sorted().compactMap { key in
      let rows = bySection[key]!
      let first = rows[0]
      // `ReadRows` only keeps rows whose room and teacher are known.
      guard let room = directory.rooms[first.room], let teacher = directory.teachers[first.teacher] else { return nil }
      return OpenSection(key: key, course: first.course, room: room, teacher: teacher, attendances: rows)
    }
    self.attendances = attendances
  }
}

extension Dictionary where Value == [Timetable.OpenSection] {
  /// The groups holding more than one section, by ascending key: what "two sections on Tue-2"
  /// and "two sections of C07" messages are made of.
  func crowded() -> [(key: Key, sections: [Timetable.OpenSection])] where Key: Comparable {
    keys.sorted().compactMap { key in
      let group = self[key]!
      return group.count > 1 ? (key, group) : nil
    }
  }
}

extension Array where Element == Timetable.OpenSection {
  /// `C03/Tue-2 and C07/Tue-2`: the ids in timetable order.
  var idList: String { Wording.list(map(\.key).sorted().map(\.id)) }
}
