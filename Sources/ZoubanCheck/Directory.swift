import ZoubanModel

/// The school's ids looked up by key, and the words used to name them in messages.
///
/// Messages always give an id with its display name (`student S0012 (王小明)`), because the office
/// staff who fix a hand-edited file search by id but recognise people and clubs by name.
struct Directory {
  let school: School
  let students: [String: Student]
  let courses: [String: Course]
  let rooms: [String: Room]
  let teachers: [String: Teacher]
  /// The week's slots by id: only these may appear in an assignment.
  let slots: [String: Slot]

  init(_ school: School) {
    self.school = school
    // A school read from files has unique ids; should one repeat anyway, the first one wins, as
    // it would for someone reading the file top-down.
    students = Dictionary(school.students.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    courses = Dictionary(school.courses.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    teachers = Dictionary(school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    slots = Dictionary(school.week.slots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// True when the course is fixed for the student in `fixed.csv`, in any slot.
  func isFixed(student: String, course: String) -> Bool {
    school.fixed.contains { $0.student == student && $0.course == course }
  }

  func student(_ id: String) -> String { "student " + Wording.named(id, students[id]?.name) }
  func course(_ code: String) -> String { Wording.named(code, courses[code]?.name) }
  func room(_ id: String) -> String { "room " + Wording.named(id, rooms[id]?.name) }
  func teacher(_ id: String) -> String { "teacher " + Wording.named(id, teachers[id]?.name) }

  /// `section C07/Tue-2 (机器人班)`: the section id with its course's name.
  func section(_ key: SectionKey) -> String {
    let name = courses[key.course]?.name ?? ""
    return name.isEmpty ? "section \(key.id)" : "section \(key.id) (\(name))"
  }
}

/// Small helpers that keep every message in the same plain English.
enum Wording {
  /// `S0012 (王小明)`, or the bare id when there is no name.
  static func named(_ id: String, _ name: String?) -> String {
    guard let name, !name.isEmpty else { return id }
    return "\(id) (\(name))"
  }

  /// `A`, `A and B`, `A, B and C`.
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    guard items.count > 1 else { return last }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  /// `two`, `three`, … for the small counts that read better as words; digits past nine.
  static func count(_ n: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return n >= 0 && n < words.count ? words[n] : String(n)
  }

  /// `Tue-1, Tue-2`, or `none` for an empty list of slots.
  static func slots(_ slots: [Slot]) -> String {
    slots.isEmpty ? "none" : slots.sorted().map(\.id).joined(separator: ", ")
  }

  /// A raw value from the file, quoted so that blanks and stray spaces show.
  static func quoted(_ raw: String) -> String { "\"\(raw)\"" }
}
