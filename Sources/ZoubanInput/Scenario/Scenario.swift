import ZoubanModel

/// A what-if on top of a school (`zouban solve SCHOOL --scenario FILE`, `zouban compare`): new,
/// removed and changed rooms, teachers, clubs and students, and other rules or objective weights.
///
/// A scenario edits the school's tables before they are read, so every row it adds or changes
/// goes through the same checks as the school's own files, and a mistake is reported at the
/// scenario's line (Catalogs/README.md documents the format).
public struct Scenario: Sendable {
  /// The file, as diagnostics name it.
  public let file: String
  /// A short name for tables and pages (`name = "多一间音乐室"`; the file's base name otherwise).
  public let name: String
  var settings = SettingsOverrides()
  /// Edits by table file name (`rooms.csv`, `teachers.csv`, `courses.csv`, `students.csv`).
  var edits: [String: TableEdits] = [:]

  init(file: String, name: String) {
    self.file = file
    self.name = name
  }

  /// The numeric rules and weights `zouban sweep` varies, as they are named on its command line.
  public enum Rule: String, Sendable, CaseIterable {
    case minSize = "min-size"
    case electivesPerStudent = "electives-per-student"
    case unplacedPenalty = "unplaced-penalty"
    case anyUtility = "any-utility"
    case priorityMultiplier = "priority-multiplier"
    case teacherPayBudget = "teacher-pay-budget"

    /// The smallest value school.toml allows.
    public var minimum: Int { self == .minSize ? 1 : 0 }
  }

  /// A scenario that sets one numeric rule or weight (`zouban sweep`).
  public static func setting(_ rule: Rule, to value: Int) -> Scenario {
    var scenario = Scenario(file: "", name: "\(rule.rawValue) = \(value)")
    switch rule {
    case .minSize: scenario.settings.minSize = (value, 0)
    case .electivesPerStudent: scenario.settings.electivesPerStudent = (value, 0)
    case .unplacedPenalty: scenario.settings.unplacedPenalty = (value, 0)
    case .anyUtility: scenario.settings.anyUtility = (value, 0)
    case .priorityMultiplier: scenario.settings.priorityMultiplier = (value, 0)
    case .teacherPayBudget: scenario.settings.teacherPayBudget = (value, 0)
    }
    return scenario
  }

  /// A scenario that changes cells of existing rows (`zouban suggest`): `(table, key, column, value)`.
  public static func changes(name: String, _ cells: [(table: String, key: String, column: String, value: String)]) -> Scenario {
    var scenario = Scenario(file: "", name: name)
    for cell in cells {
      scenario.edits[cell.table, default: TableEdits()].changes.append(
        TableEdits.Change(key: cell.key, cells: [(cell.column, cell.value)], line: 0))
    }
    return scenario
  }

  /// A scenario that adds rows (`zouban suggest`'s extra room): `(table, cells by column)`.
  public static func additions(name: String, _ rows: [(table: String, cells: [(String, String)])]) -> Scenario {
    var scenario = Scenario(file: "", name: name)
    for row in rows {
      scenario.edits[row.table, default: TableEdits()].additions.append(TableEdits.Addition(cells: row.cells, line: 0))
    }
    return scenario
  }
}

extension Scenario {
  /// Students and courses the scenario removes: their fixed.csv rows go with them.
  var removedFixedOwners: (students: Set<String>, courses: Set<String>) {
    (Set(edits["students.csv"]?.removals.map(\.key) ?? []), Set(edits["courses.csv"]?.removals.map(\.key) ?? []))
  }
}

/// `[rules]` and `[objective]` values that replace school.toml's, each with its scenario line.
struct SettingsOverrides: Sendable {
  var minSize: (Int, Int)?
  var electivesPerStudent: (Int, Int)?
  var rankUtility: ([Int], Int)?
  var anyUtility: (Int, Int)?
  var unplacedPenalty: (Int, Int)?
  var priorityMultiplier: (Int, Int)?
  var teacherPayBudget: (Int, Int)?

  func apply(to settings: inout SchoolSettings) {
    if let (value, _) = teacherPayBudget { settings.teacherPayBudget = value }
    if let (value, _) = minSize { settings.minSize = value }
    if let (value, _) = electivesPerStudent { settings.electivesPerStudent = value }
    if let (value, _) = rankUtility { settings.objective.rankUtility = value }
    if let (value, _) = anyUtility { settings.objective.anyUtility = value }
    if let (value, _) = unplacedPenalty { settings.objective.unplacedPenalty = value }
    if let (value, _) = priorityMultiplier { settings.objective.priorityMultiplier = value }
  }
}

/// Row edits of one table: rows removed and changed by key (`id`, or `code` for courses), rows
/// added. Cells are text as a CSV cell would hold it, by column name or alias.
struct TableEdits: Sendable {
  struct Change: Sendable {
    let key: String
    var cells: [(String, String)]
    let line: Int
  }

  struct Addition: Sendable {
    let cells: [(String, String)]
    let line: Int
  }

  var removals: [(key: String, line: Int)] = []
  var changes: [Change] = []
  var additions: [Addition] = []
}
