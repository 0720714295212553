import Foundation
import ZoubanFormulation
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// Re-solving without moving everyone (`zouban solve SCHOOL --previous OLD/assignments.csv`):
/// reading the previous timetable, and telling who moved and why.
public enum StableResolve {
  /// What the previous file held that the school no longer has (not errors: students leave,
  /// clubs are removed).
  public struct Gone: Sendable, Equatable {
    /// Students in the file who are no longer in `students.csv`, and their rows.
    public var students = 0
    public var studentRows = 0
    /// Rows (of students still in the school) naming a course no longer in `courses.csv`.
    public var courseRows = 0
    /// Rows (of students still in the school) naming a slot no longer in the week.
    public var slotRows = 0
  }

  /// Reads a previous `assignments.csv` (or `.xlsx`) as a timetable. Problems are `file:line`
  /// diagnostics; with any error the timetable is `nil` (exit 65, like any bad input).
  ///
  /// Each row needs a student, a course and a slot id; its section, room and teacher are used
  /// to offer the same section again when they still fit. Rows naming students, courses or
  /// slots the school no longer has are counted in `gone`, not reported.
  public static func readPrevious(path: String, school: School) -> (previous: Solution?, gone: Gone, diagnostics: [Diagnostic]) {
    let (rows, read) = AssignmentsReader.read(path: path)
    var diagnostics = read
    guard !read.contains(where: { $0.severity == .error }) else { return (nil, Gone(), diagnostics) }
    let file = actualFile(path)
    var sections: [String: Section] = [:]
    var sectionOrder: [String] = []
    var placements = Set<Placement>()
    for row in rows {
      var problems: [(String, String?)] = []
      if row.student.isEmpty { problems.append(("the row names no student", nil)) }
      if row.course.isEmpty { problems.append(("the row names no course", nil)) }
      let slot = Slot(id: row.slot)
      if slot == nil || slot?.id != row.slot {
        problems.append(
          row.slot.isEmpty
            ? ("the row names no slot", nil) : ("slot \"\(row.slot)\" is not a slot id", "write the slot as in assignments.csv, e.g. Tue-2"))
      }
      for (message, hint) in problems { diagnostics.append(Diagnostic(.error, file: file, line: row.line, message, hint: hint)) }
      guard problems.isEmpty, let slot else { continue }
      let section = Section(course: row.course, slot: slot, parallelIndex: parallelIndex(row), room: row.room, teacher: row.teacher)
      if sections[section.id] == nil {
        sections[section.id] = section
        sectionOrder.append(section.id)
      }
      placements.insert(Placement(student: row.student, section: section.id))
    }
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, Gone(), diagnostics) }
    let previous = Solution(sections: sectionOrder.map { sections[$0]! }, placements: Array(placements))
    return (previous, gone(previous, school: school), diagnostics)
  }

  /// The parallel index a row's section id gives (`C07/Tue-2/2` → 2), else 1.
  private static func parallelIndex(_ row: AssignmentRow) -> Int {
    let parts = row.section.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, parts[0] == row.course, parts[1] == row.slot, let n = Int(parts[2]), n >= 2 else { return 1 }
    return n
  }

  /// The file `AssignmentsReader` reads for `path` (an `.xlsx` of the same name stands in for
  /// a missing `.csv`), so that diagnostics name it.
  private static func actualFile(_ path: String) -> String {
    let fm = FileManager.default
    guard path.lowercased().hasSuffix(".csv"), !fm.fileExists(atPath: path) else { return path }
    let workbook = String(path.dropLast(3)) + "xlsx"
    return fm.fileExists(atPath: workbook) ? workbook : path
  }

  private static func gone(_ previous: Solution, school: School) -> Gone {
    let students = Set(school.students.map(\.id))
    let courses = Set(school.courses.map(\.code))
    let slots = Set(school.week.slots)
    let byID = Dictionary(uniqueKeysWithValues: previous.sections.map { ($0.id, $0) })
    var gone = Gone()
    var left = Set<String>()
    for p in previous.placements {
      let section = byID[p.section]!
      if !students.contains(p.student) {
        left.insert(p.student)
        gone.studentRows += 1
      } else if !courses.contains(section.course) {
        gone.courseRows += 1
      } else if !slots.contains(section.slot) {
        gone.slotRows += 1
      }
    }
    gone.students = left.count
    return gone
  }

  /// Who moved between the previous timetable and `solution`, and why.
  public struct Report: Sendable {
    /// One row per moved student, by student id.
    public let moves: [MoveRow]
    /// Students with a previous placement who lost at least one.
    public var movedStudents: Int { moves.count }
    /// Of those, the ones whose move the school's changes made necessary (outside `--max-moves`).
    public var forcedMoves: Int { moves.filter(\.isForced).count }
    /// Students with a previous placement who kept every one.
    public let keptStudents: Int
    /// Students in the school without a row in the previous file (new, or placed nowhere before:
    /// `assignments.csv` cannot tell them apart).
    public let joined: Int
    /// Students in the previous file who are no longer in the school.
    public let left: Int
    public let keepBonus: Int
    public let maxMoves: Int?

    public var counts: MoveCounts {
      MoveCounts(moved: movedStudents, forced: forcedMoves, kept: keptStudents, joined: joined, left: left)
    }

    /// The figures appended to `summary.json`.
    public var summaryFields: [(key: String, value: String)] {
      [
        ("moved_students", String(movedStudents)), ("moved_forced", String(forcedMoves)), ("kept_students", String(keptStudents)),
        ("joined", String(joined)), ("left", String(left)), ("keep_bonus", String(keepBonus)),
        ("max_moves", maxMoves.map(String.init) ?? "null"),
      ]
    }

    /// `moves: 2 students moved (1 forced by the school's changes), 560 kept, 1 joined, 1 left`
    public var line: String {
      "moves: \(movedStudents) student\(movedStudents == 1 ? "" : "s") moved (\(forcedMoves) forced by the school's changes), \(keptStudents) kept, \(joined) joined, \(left) left"
    }
  }

  /// Compares a timetable with the previous one. A student **stays** when every (course, slot)
  /// they had is theirs again, whatever room, teacher or parallel section; otherwise they
  /// **moved**, and each lost placement gets its reason.
  public static func report(school: School, solution: Solution, stability: Stability) -> Report {
    let keepability = stability.keepability(in: school)
    let before = Dictionary(grouping: stability.placements, by: \.student)
    let sectionByID = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0) })
    var after: [String: Set<Key>] = [:]
    for p in solution.placements {
      let section = sectionByID[p.section]!
      after[p.student, default: []].insert(Key(course: section.course, slot: section.slot))
    }
    let openCourses = Set(solution.sections.map(\.course))
    let openPairs = Set(solution.sections.map { Key(course: $0.course, slot: $0.slot) })
    let courses = Dictionary(school.courses.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    var moves: [MoveRow] = []
    var kept = 0
    for student in school.students.sorted(by: { $0.id < $1.id }) {
      guard let old = before[student.id] else { continue }
      let now = after[student.id] ?? []
      let lost = old.filter { !now.contains(Key(course: $0.course, slot: $0.slot)) }
      guard !lost.isEmpty else {
        kept += 1
        continue
      }
      let fewer = old.count > student.electives
      let reasons = lost.sorted(by: { ($0.slot, $0.course) < ($1.slot, $1.course) }).map { p in
        let key = Key(course: p.course, slot: p.slot)
        var reason: MoveReason
        switch keepability[p] ?? .keepable {
        case .courseRemoved: reason = .courseRemoved
        case .slotRemoved: reason = .slotRemoved
        case .noElectives: reason = .noElectives
        case .notEligible: reason = .notEligible
        case .studentUnavailable: reason = .studentUnavailable
        case .pinnedElsewhere: reason = .pinnedElsewhere
        case .notOffered: reason = .notOffered
        case .keepable:
          reason = fewer ? .electivesReduced : !openCourses.contains(p.course) ? .courseCancelled : !openPairs.contains(key) ? .sectionGone : .adjusted
        }
        return (placement: key.text, courseName: courses[p.course]?.name ?? "", reason: reason)
      }
      moves.append(
        MoveRow(
          student: student.id, name: student.name, homeClass: student.homeClass,
          before: old.map { Key(course: $0.course, slot: $0.slot) }.sorted().map(\.text),
          after: now.sorted().map(\.text), lost: reasons))
    }
    let current = Set(school.students.map(\.id))
    return Report(
      moves: moves, keptStudents: kept, joined: school.students.filter { before[$0.id] == nil }.count,
      left: Set(before.keys).subtracting(current).count, keepBonus: stability.keepBonus, maxMoves: stability.maxMoves)
  }

  /// `summary.json` with the re-solve's figures appended, in the order given.
  static func appending(_ fields: [(key: String, value: String)], to json: String) -> String {
    guard json.hasSuffix("\n}\n"), !fields.isEmpty else { return json }
    let extra = fields.map { "  \"\($0.key)\": \($0.value)" }.joined(separator: ",\n")
    return String(json.dropLast(3)) + ",\n" + extra + "\n}\n"
  }

  /// A (course, slot) of a student's week.
  private struct Key: Hashable, Comparable {
    let course: String
    let slot: Slot
    var text: String { "\(course)@\(slot.id)" }
    static func < (a: Key, b: Key) -> Bool { (a.slot, a.course) < (b.slot, b.course) }
  }
}
