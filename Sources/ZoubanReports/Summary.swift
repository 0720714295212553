import Foundation
import ZoubanModel

/// The headline figures of a solve: `summary.json`, the terminal summary and the page's header.
///
/// `summary.json` carries every figure the terminal summary shows, so `zouban report DIR` can
/// show a solve again from its directory alone, without the school or a new solve.
public struct Summary: Sendable, Equatable, Codable {
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
  public let school: String
  public let term: String
  public let sectionsOpened: Int
  public let coursesOpened: Int
  public let coursesCancelled: Int
  public let studentsUnplaced: Int
  /// Students who ranked at least one course: the denominator of the choice rates.
  public let studentsWithChoices: Int
  /// Students placed in at least one of their first three choices.
  public let topThree: Int
  public let priorityStudents: Int
  public let priorityFirstChoice: Int
  public let priorityWithChoices: Int
  public let priorityUnplaced: Int

  public var placedRate: Double { Satisfaction.rate(electivesPlaced, electivesAsked) }
  public var firstChoiceRate: Double { Satisfaction.rate(firstChoice, studentsWithChoices) }
  public var topThreeRate: Double { Satisfaction.rate(topThree, studentsWithChoices) }
  public var priorityFirstChoiceRate: Double { Satisfaction.rate(priorityFirstChoice, priorityWithChoices) }

  public init(
    analysis a: Analysis, status: String, objective: Int?, bound: Int?, gap: Double?, solveSeconds: Double
  ) {
    self.status = status
    self.objective = objective
    self.bound = bound
    self.gap = gap
    self.solveSeconds = solveSeconds
    school = a.school.name
    term = a.school.term
    let all = a.satisfaction(of: a.school.students, label: "")
    students = all.students
    electivesAsked = all.electivesAsked
    electivesPlaced = all.electivesPlaced
    firstChoice = all.firstChoice
    studentsWithChoices = all.studentsWithChoices
    topThree = all.topThree
    studentsUnplaced = all.studentsUnplaced
    sectionsOpened = a.solution.sections.count
    coursesOpened = a.fill.filter { $0.sections > 0 }.count
    coursesCancelled = a.fill.count - coursesOpened
    let priority = a.satisfaction(of: a.school.students.filter(\.isPriority), label: "")
    priorityStudents = priority.students
    priorityFirstChoice = priority.firstChoice
    priorityWithChoices = priority.studentsWithChoices
    priorityUnplaced = priority.studentsUnplaced
  }

  enum CodingKeys: String, CodingKey {
    case status, objective, bound, gap, students
    case electivesAsked = "electives_asked"
    case electivesPlaced = "electives_placed"
    case firstChoice = "first_choice"
    case solveSeconds = "solve_seconds"
    case school, term
    case sectionsOpened = "sections_opened"
    case coursesOpened = "courses_opened"
    case coursesCancelled = "courses_cancelled"
    case studentsUnplaced = "students_unplaced"
    case studentsWithChoices = "students_with_choices"
    case topThree = "top3"
    case priorityStudents = "priority_students"
    case priorityFirstChoice = "priority_first_choice"
    case priorityWithChoices = "priority_with_choices"
    case priorityUnplaced = "priority_unplaced"
  }

  /// `summary.json`: keys in a fixed order (SPEC §3's first), numbers in fixed formats.
  /// `solve_seconds` is the only value that changes between two runs on the same input.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    // Foundation escapes the strings; the keys keep SPEC §3's order, which a dictionary would not.
    func str(_ s: String) -> String { (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "null" }
    let fields: [(CodingKeys, String)] = [
      (.status, str(status)),
      (.objective, objective.map(String.init) ?? "null"),
      (.bound, bound.map(String.init) ?? "null"),
      (.gap, gap.map { String(format: "%.6f", $0) } ?? "null"),
      (.students, String(students)),
      (.electivesAsked, String(electivesAsked)),
      (.electivesPlaced, String(electivesPlaced)),
      (.firstChoice, String(firstChoice)),
      (.solveSeconds, String(format: "%.3f", solveSeconds)),
      (.school, str(school)),
      (.term, str(term)),
      (.sectionsOpened, String(sectionsOpened)),
      (.coursesOpened, String(coursesOpened)),
      (.coursesCancelled, String(coursesCancelled)),
      (.studentsUnplaced, String(studentsUnplaced)),
      (.studentsWithChoices, String(studentsWithChoices)),
      (.topThree, String(topThree)),
      (.priorityStudents, String(priorityStudents)),
      (.priorityFirstChoice, String(priorityFirstChoice)),
      (.priorityWithChoices, String(priorityWithChoices)),
      (.priorityUnplaced, String(priorityUnplaced)),
    ]
    return "{\n" + fields.map { "  \(str($0.0.rawValue)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }
}
