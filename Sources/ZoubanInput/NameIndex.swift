/// The ids (or names) a table defines, in file order, for resolving references from other tables.
///
/// `complete` is false when the table could not be read in full (missing file or key column,
/// unclosed quote, undecodable bytes): an unknown reference is then not reported, because the
/// real mistake is the broken table, already reported.
struct NameIndex {
  private(set) var keys: [String] = []
  private var lines: [String: Int] = [:]
  var complete = true

  /// Records `key` at `line`; returns the earlier line when the key was already there.
  mutating func add(_ key: String, line: Int) -> Int? {
    if let first = lines[key] { return first }
    lines[key] = line
    keys.append(key)
    return nil
  }

  func contains(_ key: String) -> Bool { lines[key] != nil }

  /// The hint for an unknown key: close keys, or where to add it.
  func hint(for key: String, addTo file: String) -> String {
    let close = Suggestions.closest(to: key, among: keys)
    return close.isEmpty ? "add it to \(file)" : Suggestions.didYouMean(close)
  }
}

/// Picks the known keys a user most likely meant (a typo, a different case, a missing zero).
enum Suggestions {
  /// Up to three keys within a small edit distance, nearest first, file order among equals.
  static func closest(to key: String, among keys: [String]) -> [String] {
    let target = Array(key.lowercased())
    let limit = max(1, target.count / 3)
    let scored = keys.enumerated().compactMap { index, candidate -> (Int, Int, String)? in
      let d = distance(target, Array(candidate.lowercased()))
      return d <= limit ? (d, index, candidate) : nil
    }
    return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.2)
  }

  /// `did you mean A?`, `did you mean A or B?`, `did you mean A, B or C?`
  static func didYouMean(_ keys: [String]) -> String {
    let list = keys.count <= 2 ? keys.joined(separator: " or ") : keys.dropLast().joined(separator: ", ") + " or " + keys.last!
    return "did you mean \(list)?"
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, ca) in a.enumerated() {
      var current = [i + 1]
      for (j, cb) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
