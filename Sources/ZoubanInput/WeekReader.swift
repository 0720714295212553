import TOMLKit
import ZoubanModel

/// Reads `[week]`: the days and the clock times of the periods that make the slot grid.
enum WeekReader {
  static let example = "days = [\"Mon\", \"Tue\"] and periods = [{ start = \"16:00\", end = \"16:40\" }]"

  /// The week, or `nil` (reported) when `[week]` is missing or any part of it is wrong.
  static func read(_ value: TOMLValueConvertible?, context: TOMLContext) -> Week? {
    guard let value else {
      context.log.error(context.file, nil, "[week] is missing", hint: "add a [week] table with \(example)")
      return nil
    }
    guard let table = value.table else {
      context.error(table: "", key: "week", "week must be a table, not \(value.type.withArticle)", hint: "write it as [week]")
      return nil
    }
    context.warnUnknownKeys(in: table, table: "week", known: ["days", "periods"])
    let days = readDays(table["days"], context: context)
    let periods = readPeriods(table["periods"], context: context)
    guard let days, let periods else { return nil }
    return Week(days: days, periods: periods)
  }

  private static func readDays(_ value: TOMLValueConvertible?, context: TOMLContext) -> [Weekday]? {
    guard let value else {
      context.error(table: "week", key: nil, "[week] has no days", hint: "add days = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"]")
      return nil
    }
    guard let array = value.array else {
      context.error(table: "week", key: "days", "days must be a list of day names, not \(value.type.withArticle)")
      return nil
    }
    var days: [Weekday] = []
    var ok = true
    for item in array {
      guard let text = item.string, let day = Weekday(name: text) else {
        context.error(
          table: "week", key: "days", "days: \(item.debugDescription) is not a day name",
          hint: "use Mon … Sun, 周一 … 周日 or 星期一 … 星期日")
        ok = false
        continue
      }
      if days.contains(day) {
        context.error(table: "week", key: "days", "days lists \(day.abbreviation) twice")
        ok = false
      }
      days.append(day)
    }
    if array.isEmpty {
      context.error(table: "week", key: "days", "days is empty", hint: "list at least one day")
      ok = false
    }
    return ok ? days : nil
  }

  private static func readPeriods(_ value: TOMLValueConvertible?, context: TOMLContext) -> [Period]? {
    let shape = "{ start = \"16:00\", end = \"16:40\" }"
    guard let value else {
      context.error(table: "week", key: nil, "[week] has no periods", hint: "add periods = [\(shape)]")
      return nil
    }
    guard let array = value.array else {
      context.error(table: "week", key: "periods", "periods must be a list like [\(shape)], not \(value.type.withArticle)")
      return nil
    }
    var periods: [Period] = []
    var ok = true
    for (index, item) in array.enumerated() {
      let n = index + 1
      let line = context.locator.elementLine(table: "week", key: "periods", index: index)
      func fail(_ message: String, hint: String? = nil) { context.log.error(context.file, line, message, hint: hint) }
      guard let start = item.table?["start"]?.string, let end = item.table?["end"]?.string else {
        fail("period \(n) must have a start and an end", hint: "write \(shape)")
        ok = false
        continue
      }
      let from = minutes(start)
      let to = minutes(end)
      if from == nil { fail("period \(n) start \"\(start)\" is not a time like 16:00") }
      if to == nil { fail("period \(n) end \"\(end)\" is not a time like 16:40") }
      guard let from, let to else {
        ok = false
        continue
      }
      if from >= to {
        fail("period \(n) ends at \(end), not after its start \(start)")
        ok = false
      } else if let previous = periods.last, let previousEnd = minutes(previous.end), from < previousEnd {
        fail("period \(n) starts at \(start), before period \(n - 1) ends at \(previous.end)")
        ok = false
      }
      periods.append(Period(start: start, end: end))
    }
    if array.isEmpty {
      context.error(table: "week", key: "periods", "periods is empty", hint: "list at least one period")
      ok = false
    }
    return ok ? periods : nil
  }

  /// `HH:MM` (or `H:MM`) on a 24-hour clock → minutes after midnight.
  static func minutes(_ time: String) -> Int? {
    let parts = time.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
    else { return nil }
    return h * 60 + m
  }
}
