import ZoubanModel

/// A column a table understands: its English name and the Chinese headings schools write instead.
struct ColumnSpec: Sendable {
  let name: String
  let aliases: [String]
  let required: Bool

  init(_ name: String, _ aliases: [String] = [], required: Bool = false) {
    self.name = name
    self.aliases = aliases
    self.required = required
  }
}

/// Where each known column sits in a table's header row, and how the header wrote it.
///
/// Diagnostics quote a column the way the file's own header spells it (`最少人数`, not
/// `min_size`), because that is the word the user sees in Excel.
struct HeaderMap {
  /// Index of each known column, by English name.
  private var indices: [String: Int] = [:]
  /// The heading as written (trimmed), by English name.
  private var headings: [String: String] = [:]
  /// Ranked choice columns (`choice1`, `第一志愿`, `志愿1`), ordered by their number.
  private(set) var rankedChoices: [(rank: Int, index: Int, heading: String)] = []

  func index(_ name: String) -> Int? { indices[name] }

  /// The heading as the file wrote it, or the English name when the column is absent.
  func heading(_ name: String) -> String { headings[name] ?? name }

  /// Maps a header record onto `columns`. Reports unknown columns (warning), repeated columns,
  /// missing required columns and mixed choice forms (errors), all at the header's line.
  static func build(
    header: CSVRecord, columns: [ColumnSpec], acceptsRankedChoices: Bool, report: (Diagnostic.Severity, String, String?) -> Void
  ) -> HeaderMap {
    var map = HeaderMap()
    var seenRanks: [Int: String] = [:]
    for (index, raw) in header.fields.enumerated() {
      let heading = raw.trimmingWhitespace
      let key = heading.lowercased()
      if heading.isEmpty {
        report(.warning, "column \(index + 1) has no heading and is ignored", nil)
        continue
      }
      if let spec = columns.first(where: { $0.name == key || $0.aliases.contains(key) }) {
        if let first = map.headings[spec.name] {
          report(.error, "column \(spec.name) appears twice (\(first) and \(heading))", "keep one of them")
        } else {
          map.indices[spec.name] = index
          map.headings[spec.name] = heading
        }
      } else if acceptsRankedChoices, let rank = ChoiceHeading.rank(of: key) {
        if let first = seenRanks[rank] {
          report(.error, "choice \(rank) appears twice (\(first) and \(heading))", "keep one of them")
        } else {
          seenRanks[rank] = heading
          map.rankedChoices.append((rank, index, heading))
        }
      } else {
        report(.warning, "unknown column \(heading) is ignored", nil)
      }
    }
    map.rankedChoices.sort { $0.rank < $1.rank }
    if let one = map.headings["choices"], let ranked = map.rankedChoices.first {
      report(
        .error, "columns \(one) and \(ranked.heading) both hold choices",
        "use either one column per choice (choice1, choice2, …) or a single \(one) column")
    }
    for spec in columns where spec.required && map.indices[spec.name] == nil {
      let aliases = spec.aliases.isEmpty ? "" : " (or \(spec.aliases.joined(separator: ", ")))"
      report(.error, "missing required column \(spec.name)", "add a column headed \(spec.name)\(aliases)")
    }
    return map
  }
}

/// Reads the number out of a ranked-choice heading: `choice3`, `第三志愿`, `第3志愿`, `志愿3`.
enum ChoiceHeading {
  static func rank(of key: String) -> Int? {
    if key.hasPrefix("choice"), let n = Int(key.dropFirst("choice".count)), n >= 1 { return n }
    if key.hasPrefix("志愿"), let n = Int(key.dropFirst("志愿".count)), n >= 1 { return n }
    if key.hasPrefix("第"), key.hasSuffix("志愿") {
      let number = String(key.dropFirst().dropLast("志愿".count))
      if let n = Int(number), n >= 1 { return n }
      return chineseNumber(number)
    }
    return nil
  }

  /// 一 … 九十九 (`十`, `十二`, `二十`, `二十三`); enough for any choice form.
  static func chineseNumber(_ text: String) -> Int? {
    let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    let chars = Array(text)
    switch chars.count {
    case 1:
      return chars[0] == "十" ? 10 : digits[chars[0]]
    case 2 where chars[0] == "十":
      return digits[chars[1]].map { 10 + $0 }
    case 2 where chars[1] == "十":
      return digits[chars[0]].map { $0 * 10 }
    case 3 where chars[1] == "十":
      guard let tens = digits[chars[0]], let ones = digits[chars[2]] else { return nil }
      return tens * 10 + ones
    default:
      return nil
    }
  }
}
