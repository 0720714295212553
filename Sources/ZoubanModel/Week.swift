import Foundation

/// A day of the school week. Raw values order the days Monday first.
public enum Weekday: Int, CaseIterable, Comparable, Sendable, Codable {
  case mon = 1, tue, wed, thu, fri, sat, sun

  /// The English abbreviation used in slot ids (`Mon`, `Tue`, …).
  public var abbreviation: String {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
  }

  /// The Chinese name (`周一` … `周日`), for reports.
  public var chineseName: String {
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][rawValue - 1]
  }

  /// Reads a day name: `Mon`…`Sun` (any case), `周一`…`周日`, `星期一`…`星期日` (also `周天`, `星期天`).
  public init?(name: String) {
    let t = name.trimmingCharacters(in: .whitespaces)
    let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    let chinese = ["一", "二", "三", "四", "五", "六", "日"]
    if let i = english.firstIndex(of: t.lowercased()) {
      self.init(rawValue: i + 1)
      return
    }
    for prefix in ["周", "星期"] where t.hasPrefix(prefix) {
      var rest = String(t.dropFirst(prefix.count))
      if rest == "天" { rest = "日" }
      if let i = chinese.firstIndex(of: rest) {
        self.init(rawValue: i + 1)
        return
      }
    }
    return nil
  }

  public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// One after-school period of a day: `Tue-2` is the second period on Tuesday.
///
/// Slots order by day, then period, which is the order every output uses.
public struct Slot: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let day: Weekday
  /// 1-based period number within the day.
  public let period: Int

  public init(day: Weekday, period: Int) {
    self.day = day
    self.period = period
  }

  /// Parses a slot id in its only spelling, `<Day>-<n>` with the English abbreviation (`Mon-1`).
  public init?(id: String) {
    let parts = id.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let n = Int(parts[1]), n >= 1,
      let day = Weekday.allCases.first(where: { $0.abbreviation == parts[0] })
    else { return nil }
    self.init(day: day, period: n)
  }

  /// The slot id, e.g. `Tue-2`.
  public var id: String { "\(day.abbreviation)-\(period)" }
  public var description: String { id }

  public static func < (a: Slot, b: Slot) -> Bool {
    (a.day, a.period) < (b.day, b.period)
  }
}

/// Clock times of one period, kept as written (`16:00`).
public struct Period: Hashable, Sendable {
  public let start: String
  public let end: String
  public init(start: String, end: String) {
    self.start = start
    self.end = end
  }
}

/// The weekly grid of after-school slots: every listed day has every listed period.
public struct Week: Hashable, Sendable {
  public let days: [Weekday]
  public let periods: [Period]

  public init(days: [Weekday], periods: [Period]) {
    self.days = days.sorted()
    self.periods = periods
  }

  /// Every slot of the week, in day-then-period order.
  public var slots: [Slot] {
    days.flatMap { day in periods.indices.map { Slot(day: day, period: $0 + 1) } }
  }

  public func contains(_ slot: Slot) -> Bool {
    days.contains(slot.day) && slot.period >= 1 && slot.period <= periods.count
  }

  /// The period's clock times, if the slot is in the week.
  public func period(of slot: Slot) -> Period? {
    contains(slot) ? periods[slot.period - 1] : nil
  }
}
