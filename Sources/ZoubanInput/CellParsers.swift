import ZoubanModel

/// What is wrong with one cell: a lower-case message naming the column and the value, and a hint.
struct CellProblem: Error, Equatable, Sendable {
  let message: String
  let hint: String?
  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}

/// The tiers a grade set may name. `complete` is false when `school.toml` could not be read in
/// full; then an unknown word might have been a tier, so it is not reported (no cascades).
struct TierLookup: Sendable {
  var tiers: [Tier] = []
  /// Tier names whose grade set was invalid: known to exist, grades unknown.
  var brokenNames: Set<String> = []
  var complete = true
}

/// Parsers for the value kinds of SPEC §1, one rule each, shared by every table.
///
/// Each returns the value, or problems phrased with the column's heading as the file wrote it.
/// A result of `nil` with no problems means "cannot tell", because the school.toml part the
/// value depends on is itself broken and already reported.
enum CellParsers {
  /// A list cell: items separated by `;`, `；` or `、`, trimmed, empty items dropped.
  static func list(_ cell: String) -> [String] {
    cell.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "、" })
      .map { String($0).trimmingWhitespace }
      .filter { !$0.isEmpty }
  }

  /// yes/no, true/false, 1/0, 是/否, Y/N in any case. (An empty cell never gets here: it means the default.)
  static func yesNo(_ cell: String, column: String) -> Result<Bool, CellProblem> {
    switch cell.lowercased() {
    case "yes", "true", "1", "是", "y": return .success(true)
    case "no", "false", "0", "否", "n": return .success(false)
    default:
      return .failure(CellProblem("\(column) \"\(cell)\" is not yes or no", hint: "write yes/no, true/false, 1/0, 是/否 or Y/N"))
    }
  }

  /// A whole number of at least `minimum`.
  static func wholeNumber(_ cell: String, column: String, minimum: Int) -> Result<Int, CellProblem> {
    guard let n = Int(cell) else { return .failure(CellProblem("\(column) \"\(cell)\" is not a whole number")) }
    guard n >= minimum else { return .failure(CellProblem("\(column) \(n) must be at least \(minimum)")) }
    return .success(n)
  }

  /// A non-negative amount of yuan (fees, rates).
  static func amount(_ cell: String, column: String) -> Result<Double, CellProblem> {
    guard let x = Double(cell), x.isFinite else { return .failure(CellProblem("\(column) \"\(cell)\" is not a number")) }
    guard x >= 0 else { return .failure(CellProblem("\(column) \(cell) must not be negative")) }
    return .success(x)
  }

  /// A school grade 1–12.
  static func grade(_ cell: String, column: String) -> Result<Int, CellProblem> {
    guard let n = Int(cell) else {
      return .failure(CellProblem("\(column) \"\(cell)\" is not a grade", hint: "grades are whole numbers from 1 to 12"))
    }
    guard (1...12).contains(n) else { return .failure(CellProblem("\(column) \(n) is not a grade from 1 to 12")) }
    return .success(n)
  }

  /// A grade set: grades, ranges `3-6` and tier names, mixed in a list (`低段;5`).
  static func gradeSet(_ cell: String, column: String, tiers: TierLookup) -> (GradeSet?, [CellProblem]) {
    var grades: [Int] = []
    var problems: [CellProblem] = []
    var unknown = false
    for token in list(cell) {
      if let tier = tiers.tiers.first(where: { $0.name == token }) {
        grades += tier.grades.grades
      } else if tiers.brokenNames.contains(token) {
        unknown = true
      } else if let n = Int(token) {
        if (1...12).contains(n) { grades.append(n) } else {
          problems.append(CellProblem("\(n) in \(column) is not a grade from 1 to 12"))
        }
      } else if let range = gradeRange(token) {
        switch range {
        case .success(let r): grades += Array(r)
        case .failure(let problem): problems.append(CellProblem("range \(token) in \(column) \(problem.message)", hint: problem.hint))
        }
      } else if tiers.complete {
        let names = tiers.tiers.map(\.name)
        let hint = names.isEmpty ? "school.toml defines no [tiers]" : "tiers in school.toml: \(names.joined(separator: ", "))"
        problems.append(CellProblem("\"\(token)\" in \(column) is not a grade, a range like 3-6, or a tier", hint: hint))
      } else {
        unknown = true
      }
    }
    if problems.isEmpty && !unknown && grades.isEmpty {
      problems.append(CellProblem("\(column) is empty"))
    }
    return (problems.isEmpty && !unknown ? GradeSet(grades) : nil, problems)
  }

  /// `a-b` with whole numbers; `nil` when the token is not shaped like a range at all.
  private static func gradeRange(_ token: String) -> Result<ClosedRange<Int>, CellProblem>? {
    let parts = token.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
    guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else { return nil }
    guard (1...12).contains(low), (1...12).contains(high) else {
      return .failure(CellProblem("has a grade outside 1 to 12"))
    }
    guard low <= high else { return .failure(CellProblem("runs backwards", hint: "write \(high)-\(low)")) }
    return .success(low...high)
  }

  /// A slot set: slot ids (`Tue-2`) and day names (`Fri`, `周五`, `星期五` = every period that day).
  /// Returns `nil` without problems when the week itself is unknown (school.toml broken).
  static func slotSet(_ cell: String, column: String, week: Week?) -> (Set<Slot>?, [CellProblem]) {
    guard let week else { return (nil, []) }
    var slots = Set<Slot>()
    var problems: [CellProblem] = []
    for token in list(cell) {
      if let day = Weekday(name: token) {
        if week.days.contains(day) {
          slots.formUnion(week.slots.filter { $0.day == day })
        } else {
          problems.append(CellProblem("\(token) in \(column) is not a day of the week in school.toml", hint: weekHint(week)))
        }
        continue
      }
      switch slot(token, column: column, week: week, inList: true) {
      case .success(let s): slots.insert(s)
      case .failure(let problem): problems.append(problem)
      }
    }
    return (problems.isEmpty ? slots : nil, problems)
  }

  /// One slot id of the week, as `fixed.csv` pins it. `inList` words the message for one item of
  /// a slot-set cell, where a day name would also have been accepted.
  static func slot(_ token: String, column: String, week: Week, inList: Bool = false) -> Result<Slot, CellProblem> {
    if let s = Slot(id: token) {
      let subject = inList ? "\(token) in \(column)" : "\(column) \(token)"
      return week.contains(s)
        ? .success(s) : .failure(CellProblem("\(subject) is not a slot of the week in school.toml", hint: weekHint(week)))
    }
    let subject = inList ? "\"\(token)\" in \(column)" : "\(column) \"\(token)\""
    let parts = token.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, let day = Weekday(name: String(parts[0])), let n = Int(parts[1]), n >= 1 {
      return .failure(CellProblem("\(subject) is not a slot id", hint: "slot ids use the English day: \(Slot(day: day, period: n).id)"))
    }
    let what = inList ? "is neither a slot id like Tue-2 nor a day name" : "is not a slot id like Tue-2"
    return .failure(CellProblem("\(subject) \(what)"))
  }

  static func weekHint(_ week: Week) -> String {
    let days = week.days.map(\.abbreviation).joined(separator: ", ")
    let periods = week.periods.count == 1 ? "period 1" : "periods 1-\(week.periods.count)"
    return "the week has \(periods) on \(days)"
  }
}
