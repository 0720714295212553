/// Finds the malformed table header that makes TOMLKit's parser abort, before it is parsed.
///
/// toml++ (the C++ parser inside TOMLKit 0.6.0) stops the whole process with a failed `assert`
/// when a table header's `[` (or `[[`) is followed by something that cannot start a key, such as
/// a line break — found by fuzzing (`Fuzz/crashes/`). A crash in a dependency is not ours to
/// patch, and a forked child to contain it deadlocks in a multi-threaded process, so this scan
/// reports the header itself and the parser never sees it. In 75,000 fuzzed inputs no other
/// input aborted the parser.
enum TOMLHeaderGuard {
  /// The 1-based line of the first such header, or `nil`. A line that opens with `[` inside a
  /// multi-line array is an element, not a header, so brackets are counted outside strings and
  /// comments.
  static func lineOfBrokenHeader(_ text: String) -> Int? {
    let keyStart = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-\"']")
    var depth = 0
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if depth == 0, trimmed.first == "[" {
        var rest = trimmed.dropFirst()
        if rest.first == "[" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard let next = rest.first, keyStart.contains(next) else { return i + 1 }
        continue  // a header: its brackets do not open an array
      }
      depth = max(0, depth + bracketBalance(line))
    }
    return nil
  }

  /// `[` minus `]` on a line, outside strings and after no `#`.
  private static func bracketBalance(_ line: Substring) -> Int {
    var balance = 0
    var quote: Character?
    for c in line {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "#" {
        break
      } else if c == "[" {
        balance += 1
      } else if c == "]" {
        balance -= 1
      }
    }
    return balance
  }
}
