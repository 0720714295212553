import TOMLKit
import ZoubanModel

/// What `school.toml` says, with `nil` where a part is missing or broken.
///
/// A `nil` part is already reported; the CSV readers then skip the checks that depend on it
/// (slot cells without a week, grade cells naming a tier that failed), so one mistake in
/// `school.toml` does not turn into an error on every row of every table.
struct SchoolSettings {
  var name = ""
  var term = ""
  var week: Week?
  var tiers = TierLookup()
  var minSize: Int? = Rules().minSize
  var electivesPerStudent: Int? = Rules().electivesPerStudent
  /// `[rules] teacher_pay_budget`, or `nil` for no cap.
  var teacherPayBudget: Int?
  var objective = ObjectiveWeights()

  /// The settings when `school.toml` could not be read at all: nothing is known.
  static var unknown: SchoolSettings {
    var settings = SchoolSettings()
    settings.tiers.complete = false
    settings.minSize = nil
    settings.electivesPerStudent = nil
    return settings
  }
}

/// Reads `school.toml` with TOMLKit and checks every key of SPEC §1.
enum SchoolSettingsReader {
  static func read(path: String, file: String, log: DiagnosticLog) -> SchoolSettings {
    guard let bytes = TextDecoding.readBytes(path: path) else {
      log.error(file, nil, "file not found", hint: "a school directory needs school.toml, courses.csv, rooms.csv, teachers.csv and students.csv")
      return .unknown
    }
    guard let text = TextDecoding.decode(bytes) else {
      log.error(file, nil, "the file is neither UTF-8 nor GB18030 text", hint: "save it as UTF-8")
      return .unknown
    }
    return parse(text: text, file: file, log: log)
  }

  static func parse(text: String, file: String, log: DiagnosticLog) -> SchoolSettings {
    if let (line, message) = TOMLParserGuard.problem(in: text) {
      let isHeader = message.contains("table header")
      log.error(file, line, message, hint: isHeader ? "write section headers as [week], [tiers], [rules] or [objective]" : nil)
      return .unknown
    }
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      log.error(file, error.source.begin.line, syntaxMessage(error.description))
      return .unknown
    } catch {
      log.error(file, nil, "invalid TOML: \(error)")
      return .unknown
    }
    let context = TOMLContext(file: file, locator: TOMLKeyLocator(text: text), log: log)
    var settings = SchoolSettings()
    context.warnUnknownKeys(in: root, table: "", known: ["name", "term", "week", "tiers", "rules", "objective"])
    settings.name = context.string(root, table: "", key: "name") ?? ""
    settings.term = context.string(root, table: "", key: "term") ?? ""
    settings.week = WeekReader.read(root["week"], context: context)
    if let value = root["tiers"] {
      settings.tiers = readTiers(value, context: context)
    }
    if let rules = context.table(root, key: "rules") {
      context.warnUnknownKeys(in: rules, table: "rules", known: ["min_size", "electives_per_student", "teacher_pay_budget"])
      settings.minSize = context.integer(rules, table: "rules", key: "min_size", minimum: 1, default: Rules().minSize)
      settings.electivesPerStudent = context.integer(
        rules, table: "rules", key: "electives_per_student", minimum: 0, default: Rules().electivesPerStudent)
      if rules["teacher_pay_budget"] != nil {
        settings.teacherPayBudget = context.integer(rules, table: "rules", key: "teacher_pay_budget", minimum: 0, default: 0)
      }
    } else if root["rules"] != nil {
      settings.minSize = nil
      settings.electivesPerStudent = nil
    }
    if let objective = context.table(root, key: "objective") {
      settings.objective = readObjective(objective, context: context)
    }
    return settings
  }

  /// `Error while parsing array: encountered end-of-file` → `invalid TOML in array: encountered end-of-file`.
  static func syntaxMessage(_ description: String) -> String {
    let prefix = "Error while parsing "
    if description.hasPrefix(prefix) { return "invalid TOML in \(description.dropFirst(prefix.count))" }
    return "invalid TOML: \(description.prefix(1).lowercased())\(description.dropFirst())"
  }

  /// `[tiers]` in file order; a tier may name tiers defined above it (`"小学" = "低段;高段"`).
  private static func readTiers(_ value: TOMLValueConvertible, context: TOMLContext) -> TierLookup {
    var lookup = TierLookup()
    guard let table = value.table else {
      context.error(table: "tiers", key: nil, "[tiers] must be a table of names and grade sets", hint: "write \"低段\" = \"1-2\"")
      lookup.complete = false
      return lookup
    }
    for name in context.keysInFileOrder(table, table: "tiers") {
      guard let text = table[name]?.string else {
        context.error(table: "tiers", key: name, "tier \(name) must be a grade set in quotes", hint: "write \"\(name)\" = \"1-2\"")
        lookup.brokenNames.insert(name)
        continue
      }
      let (grades, problems) = CellParsers.gradeSet(text, column: "tier \(name)", tiers: lookup)
      for problem in problems { context.error(table: "tiers", key: name, problem.message, hint: problem.hint) }
      if let grades { lookup.tiers.append(Tier(name: name, grades: grades)) } else { lookup.brokenNames.insert(name) }
    }
    return lookup
  }

  private static func readObjective(_ table: TOMLTable, context: TOMLContext) -> ObjectiveWeights {
    let known = ["rank_utility", "any_utility", "unplaced_penalty", "priority_multiplier"]
    context.warnUnknownKeys(in: table, table: "objective", known: known)
    var weights = ObjectiveWeights()
    if let value = table["rank_utility"] {
      let items = value.array.map { Array($0) }
      if let items, items.allSatisfy({ ($0.int ?? -1) >= 0 }) {
        weights.rankUtility = items.map { $0.int! }
      } else {
        context.error(
          table: "objective", key: "rank_utility", "rank_utility must be a list of non-negative whole numbers",
          hint: "e.g. rank_utility = [100, 70, 50, 35, 25]")
      }
    }
    let d = ObjectiveWeights()
    weights.anyUtility = context.integer(table, table: "objective", key: "any_utility", minimum: 0, default: d.anyUtility) ?? d.anyUtility
    weights.unplacedPenalty =
      context.integer(table, table: "objective", key: "unplaced_penalty", minimum: 0, default: d.unplacedPenalty) ?? d.unplacedPenalty
    weights.priorityMultiplier =
      context.integer(table, table: "objective", key: "priority_multiplier", minimum: 0, default: d.priorityMultiplier)
      ?? d.priorityMultiplier
    return weights
  }
}

/// Typed access to TOML values that reports problems at the key's line.
struct TOMLContext {
  let file: String
  let locator: TOMLKeyLocator
  let log: DiagnosticLog

  func error(table: String, key: String?, _ message: String, hint: String? = nil) {
    log.error(file, locator.line(table: table, key: key), message, hint: hint)
  }

  /// The keys of a table sorted by where they appear (TOMLKit returns them sorted by name).
  func keysInFileOrder(_ table: TOMLTable, table name: String) -> [String] {
    table.keys.enumerated()
      .map { (locator.line(table: name, key: $0.element) ?? Int.max, $0.offset, $0.element) }
      .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      .map(\.2)
  }

  func warnUnknownKeys(in table: TOMLTable, table name: String, known: [String]) {
    for key in keysInFileOrder(table, table: name) where !known.contains(key) {
      let path = name.isEmpty ? key : "\(name).\(key)"
      let what = table[key]?.table != nil ? "table [\(path)]" : "key \(path)"
      let line = table[key]?.table != nil ? locator.line(table: path) : locator.line(table: name, key: key)
      log.warning(file, line, "unknown \(what) is ignored", hint: "known here: \(known.joined(separator: ", "))")
    }
  }

  func table(_ parent: TOMLTable, key: String) -> TOMLTable? {
    guard let value = parent[key] else { return nil }
    guard let table = value.table else {
      error(table: "", key: key, "\(key) must be a table, not \(value.type.withArticle)", hint: "write it as [\(key)]")
      return nil
    }
    return table
  }

  func string(_ parent: TOMLTable, table: String, key: String) -> String? {
    guard let value = parent[key] else { return nil }
    guard let text = value.string else {
      error(table: table, key: key, "\(key) must be a string, not \(value.type.withArticle)")
      return nil
    }
    return text
  }

  /// A whole number of at least `minimum`; `default` when absent, `nil` when invalid.
  func integer(_ parent: TOMLTable, table: String, key: String, minimum: Int, default defaultValue: Int) -> Int? {
    guard let value = parent[key] else { return defaultValue }
    guard let n = value.int else {
      error(table: table, key: key, "\(key) must be a whole number, not \(value.type.withArticle)")
      return nil
    }
    guard n >= minimum else {
      error(table: table, key: key, "\(key) \(n) must be at least \(minimum)")
      return nil
    }
    return n
  }
}

extension TOMLType {
  /// `an integer`, `a string`: for messages that say what was found instead.
  var withArticle: String {
    let name = description
    return "aeiou".contains(name.first ?? "x") ? "an \(name)" : "a \(name)"
  }
}
