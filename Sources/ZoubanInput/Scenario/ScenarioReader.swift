import Foundation
import TOMLKit
import ZoubanModel

/// Reads a scenario file (TOML; the format is in Catalogs/README.md) with every problem located
/// at its line, like any input file.
public enum ScenarioReader {
  /// The tables a scenario may edit, the column that identifies a row, and the columns it knows.
  static let tables: [(name: String, file: String, key: String, columns: [ColumnSpec])] = [
    ("rooms", "rooms.csv", "id", RoomsReader.columns),
    ("teachers", "teachers.csv", "id", TeachersReader.columns),
    ("courses", "courses.csv", "code", CoursesReader.columns),
    ("students", "students.csv", "id", StudentsReader.columns),
  ]

  /// `available` (可用时段) in an added or changed row: the slots it may be used, written as the
  /// complement into `unavailable` once the week is known.
  static let available = ColumnSpec("available", ["可用时段"])

  /// The scenario, `nil` only when the file cannot be read as TOML at all: with errors in some
  /// values, the rest still applies, so that one run lists every problem of scenario and school.
  public static func read(path: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard let bytes = TextDecoding.readBytes(path: path) else {
      log.error(path, nil, "file not found", hint: "give a scenario .toml file (see Catalogs/README.md)")
      return (nil, log.diagnostics)
    }
    guard let text = TextDecoding.decode(bytes) else {
      log.error(path, nil, "the file is neither UTF-8 nor GB18030 text", hint: "save it as UTF-8")
      return (nil, log.diagnostics)
    }
    let scenario = parse(text: text, file: path, log: log)
    return (scenario, log.diagnostics)
  }

  /// A scenario from TOML text that a program wrote (`zouban suggest`), with its problems.
  public static func read(text: String, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    let scenario = parse(text: text, file: file, log: log)
    return (scenario, log.diagnostics)
  }

  static func parse(text: String, file: String, log: DiagnosticLog) -> Scenario? {
    if let (line, message) = TOMLParserGuard.problem(in: text) {
      log.error(file, line, message)
      return nil
    }
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      log.error(file, error.source.begin.line, SchoolSettingsReader.syntaxMessage(error.description))
      return nil
    } catch {
      log.error(file, nil, "invalid TOML: \(error)")
      return nil
    }
    let lines = ScenarioLines(text: text)
    let context = Context(file: file, lines: lines, log: log)
    let known = ["name", "description", "rules", "objective"] + tables.map(\.name)
    for key in root.keys.sorted() where !known.contains(key) {
      log.warning(file, lines.line(key), "unknown key \(key) is ignored", hint: "known here: \(known.joined(separator: ", "))")
    }
    let fallback = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var scenario = Scenario(file: file, name: context.string(root, "name", path: "name") ?? fallback)
    if let rules = context.table(root, "rules") { readRules(rules, context: context, into: &scenario.settings) }
    if let objective = context.table(root, "objective") { readObjective(objective, context: context, into: &scenario.settings) }
    for spec in tables {
      guard let table = context.table(root, spec.name) else { continue }
      scenario.edits[spec.file] = readEdits(table, spec: spec, context: context)
    }
    return scenario
  }

  private static func readRules(_ table: TOMLTable, context: Context, into settings: inout SettingsOverrides) {
    context.warnUnknown(table, path: "rules", known: ["min_size", "electives_per_student", "teacher_pay_budget"])
    settings.minSize = context.integer(table, "min_size", path: "rules.min_size", minimum: 1)
    settings.electivesPerStudent = context.integer(table, "electives_per_student", path: "rules.electives_per_student", minimum: 0)
    settings.teacherPayBudget = context.integer(table, "teacher_pay_budget", path: "rules.teacher_pay_budget", minimum: 0)
  }

  private static func readObjective(_ table: TOMLTable, context: Context, into settings: inout SettingsOverrides) {
    let known = ["rank_utility", "any_utility", "unplaced_penalty", "priority_multiplier"]
    context.warnUnknown(table, path: "objective", known: known)
    if let value = table["rank_utility"] {
      let line = context.lines.line("objective.rank_utility")
      if let items = value.array.map({ Array($0) }), items.allSatisfy({ ($0.int ?? -1) >= 0 }) {
        settings.rankUtility = (items.compactMap(\.int), line ?? 0)
      } else {
        context.log.error(context.file, line, "rank_utility must be a list of non-negative whole numbers", hint: "e.g. rank_utility = [100, 70, 50]")
      }
    }
    settings.anyUtility = context.integer(table, "any_utility", path: "objective.any_utility", minimum: 0)
    settings.unplacedPenalty = context.integer(table, "unplaced_penalty", path: "objective.unplaced_penalty", minimum: 0)
    settings.priorityMultiplier = context.integer(table, "priority_multiplier", path: "objective.priority_multiplier", minimum: 0)
  }

  /// `[rooms] remove = [...]`, `[[rooms.add]]`, `[[rooms.change]]` (and the same for the others).
  private static func readEdits(
    _ table: TOMLTable, spec: (name: String, file: String, key: String, columns: [ColumnSpec]), context: Context
  ) -> TableEdits {
    var edits = TableEdits()
    let name = spec.name
    context.warnUnknown(table, path: name, known: ["remove", "add", "change"])
    if let value = table["remove"] {
      let line = context.lines.line("\(name).remove") ?? 0
      if let items = value.array.map({ Array($0) }), items.allSatisfy({ $0.string != nil }) {
        edits.removals = items.compactMap(\.string).map { ($0.trimmingWhitespace, line) }
      } else {
        context.log.error(context.file, line, "\(name).remove must be a list of \(spec.key)s in quotes", hint: "e.g. remove = [\"R-101\"]")
      }
    }
    let columns = spec.columns + [available]
    for (kind, isChange) in [("add", false), ("change", true)] {
      guard let value = table[kind] else { continue }
      guard let items = value.array.map({ Array($0) }), items.allSatisfy({ $0.table != nil }) else {
        context.log.error(
          context.file, context.lines.line("\(name).\(kind)"), "\(name).\(kind) must be written as [[\(name).\(kind)]] tables")
        continue
      }
      for (index, item) in items.enumerated() {
        guard let row = item.table else { continue }
        let element = "\(name).\(kind)#\(index)"
        let line = context.lines.line(element) ?? 0
        var cells: [(String, String)] = []
        for key in row.keys.sorted(by: { (context.lines.line("\(element).\($0)") ?? 0, $0) < (context.lines.line("\(element).\($1)") ?? 0, $1) }) {
          let keyLine = context.lines.line("\(element).\(key)") ?? line
          guard let column = columns.first(where: { $0.name == key.lowercased() || $0.aliases.contains(key.lowercased()) }) else {
            context.log.warning(
              context.file, keyLine, "unknown column \(key) in [[\(name).\(kind)]] is ignored",
              hint: "known: \(columns.map(\.name).joined(separator: ", "))")
            continue
          }
          guard let text = row[key].flatMap(cellText) else {
            context.log.error(context.file, keyLine, "\(key) must be text, a number, yes/no or a list")
            continue
          }
          cells.append((column.name, text))
        }
        if isChange {
          guard let key = cells.first(where: { $0.0 == spec.key })?.1.trimmingWhitespace, !key.isEmpty else {
            context.log.error(context.file, line, "[[\(name).change]] needs \(spec.key), the \(spec.name.dropLast()) to change")
            continue
          }
          edits.changes.append(TableEdits.Change(key: key, cells: cells.filter { $0.0 != spec.key }, line: line))
        } else {
          edits.additions.append(TableEdits.Addition(cells: cells, line: line))
        }
      }
    }
    return edits
  }

  /// A TOML value as the CSV cell that would say the same: lists joined with `;`, yes/no for booleans.
  static func cellText(_ value: TOMLValueConvertible) -> String? {
    if let text = value.string { return text }
    if let number = value.int { return String(number) }
    if let number = value.double { return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number) }
    if let flag = value.bool { return flag ? "yes" : "no" }
    if let items = value.array {
      let texts = Array(items).map(cellText)
      guard texts.allSatisfy({ $0 != nil }) else { return nil }
      return texts.compactMap { $0 }.joined(separator: ";")
    }
    return nil
  }

  /// Typed access that reports at the key's line.
  struct Context {
    let file: String
    let lines: ScenarioLines
    let log: DiagnosticLog

    func table(_ parent: TOMLTable, _ key: String) -> TOMLTable? {
      guard let value = parent[key] else { return nil }
      guard let table = value.table else {
        log.error(file, lines.line(key), "\(key) must be a table, written [\(key)]")
        return nil
      }
      return table
    }

    func string(_ parent: TOMLTable, _ key: String, path: String) -> String? {
      guard let value = parent[key] else { return nil }
      guard let text = value.string else {
        log.error(file, lines.line(path), "\(key) must be text in quotes")
        return nil
      }
      return text
    }

    func integer(_ parent: TOMLTable, _ key: String, path: String, minimum: Int) -> (Int, Int)? {
      guard let value = parent[key] else { return nil }
      let line = lines.line(path)
      guard let n = value.int else {
        log.error(file, line, "\(key) must be a whole number")
        return nil
      }
      guard n >= minimum else {
        log.error(file, line, "\(key) \(n) must be at least \(minimum)")
        return nil
      }
      return (n, line ?? 0)
    }

    func warnUnknown(_ table: TOMLTable, path: String, known: [String]) {
      for key in table.keys.sorted() where !known.contains(key) {
        log.warning(file, lines.line("\(path).\(key)") ?? lines.line(path), "unknown key \(path).\(key) is ignored",
          hint: "known here: \(known.joined(separator: ", "))")
      }
    }
  }
}

/// Lines of a scenario's keys and tables: `rules.min_size`, `rooms.remove`, `rooms.add#0` (the
/// first `[[rooms.add]]`) and `rooms.add#0.capacity`. TOMLKit keeps no positions for values.
struct ScenarioLines {
  private var lines: [String: Int] = [:]

  init(text: String) {
    var context = ""
    var counts: [String: Int] = [:]
    for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = offset + 1
      let content = String(raw).trimmingWhitespace
      if content.hasPrefix("[[") {
        guard let close = content.range(of: "]]") else { continue }
        let name = Self.path(String(content[content.index(content.startIndex, offsetBy: 2)..<close.lowerBound]))
        let index = counts[name, default: 0]
        counts[name] = index + 1
        context = "\(name)#\(index)"
        record(context, line)
        record(name, line)
      } else if content.hasPrefix("[") {
        guard let close = content.firstIndex(of: "]") else { continue }
        context = Self.path(String(content[content.index(after: content.startIndex)..<close]))
        record(context, line)
      } else if let equals = content.firstIndex(of: "="), !content.hasPrefix("#") {
        let key = Self.path(String(content[..<equals]))
        guard !key.isEmpty else { continue }
        record(context.isEmpty ? key : "\(context).\(key)", line)
      }
    }
  }

  func line(_ path: String) -> Int? { lines[path] }

  private mutating func record(_ path: String, _ line: Int) {
    if lines[path] == nil { lines[path] = line }
  }

  /// `rooms . add` and `"rooms".add` → `rooms.add`.
  private static func path(_ raw: String) -> String {
    raw.split(separator: ".").map { String($0).trimmingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
      .joined(separator: ".")
  }
}
