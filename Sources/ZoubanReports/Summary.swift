import Foundation
import ZoubanModel

/// The headline figures of a solve: `summary.json`, the terminal summary and the page's header.
public struct Summary: Sendable {
  public let status: String
  public let objective: Int?
  public let bound: Int?
  public let gap: Double?
  public let students: Int
  /// Σ `electives` as written.
  public let electivesAsked: Int
  public let electivesPlaced: Int
  /// Students placed in their 1st choice.
  public let firstChoice: Int
  public let solveSeconds: Double
  public let sectionsOpened: Int
  public let coursesOpened: Int
  public let coursesCancelled: Int
  public let studentsUnplaced: Int

  public init(
    analysis a: Analysis, status: String, objective: Int?, bound: Int?, gap: Double?, solveSeconds: Double
  ) {
    self.status = status
    self.objective = objective
    self.bound = bound
    self.gap = gap
    self.solveSeconds = solveSeconds
    students = a.school.students.count
    electivesAsked = a.school.students.reduce(0) { $0 + $1.electives }
    electivesPlaced = a.attendances.count
    firstChoice = a.school.students.filter { s in
      guard let first = s.choices.first else { return false }
      return (a.sectionsOf[s.id] ?? []).contains { $0.course == first }
    }.count
    sectionsOpened = a.solution.sections.count
    coursesOpened = a.fill.filter { $0.sections > 0 }.count
    coursesCancelled = a.fill.count - coursesOpened
    studentsUnplaced = a.school.students.filter { a.counts(of: $0).got < $0.electives }.count
  }

  /// `summary.json`: keys in a fixed order, numbers in fixed formats. `solve_seconds` is the
  /// only value that changes between two runs on the same input.
  public func json(school: School) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    // Foundation escapes the strings; the keys keep SPEC §3's order, which a dictionary would not.
    func str(_ s: String) -> String { (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "null" }
    let fields: [(String, String)] = [
      ("status", str(status)),
      ("objective", objective.map(String.init) ?? "null"),
      ("bound", bound.map(String.init) ?? "null"),
      ("gap", gap.map { String(format: "%.6f", $0) } ?? "null"),
      ("students", String(students)),
      ("electives_asked", String(electivesAsked)),
      ("electives_placed", String(electivesPlaced)),
      ("first_choice", String(firstChoice)),
      ("solve_seconds", String(format: "%.3f", solveSeconds)),
      ("school", str(school.name)),
      ("term", str(school.term)),
      ("sections_opened", String(sectionsOpened)),
      ("courses_opened", String(coursesOpened)),
      ("courses_cancelled", String(coursesCancelled)),
      ("students_unplaced", String(studentsUnplaced)),
    ]
    return "{\n" + fields.map { "  \(str($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }
}
