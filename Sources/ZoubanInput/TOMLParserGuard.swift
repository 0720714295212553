/// Finds the malformed TOML that makes TOMLKit's parser abort, before it is parsed.
///
/// toml++ (the C++ parser inside TOMLKit 0.6.0) stops the whole process with a failed `assert` on
/// two inputs found by fuzzing (`Fuzz/crashes/`): a table header's `[` (or `[[`) followed by
/// something that cannot start a key, such as a line break; and a `}` where an array expects a
/// value (`p = [ }`, `[ 1, }, ]`). A crash in a dependency is not ours to patch, and a forked child
/// to contain it deadlocks in a multi-threaded process, so these scans report the spot and the
/// parser never sees it.
enum TOMLParserGuard {
  /// The line and message of the first input that would abort the parser, or `nil`.
  static func problem(in text: String) -> (line: Int, message: String)? {
    if let line = lineOfBrokenHeader(text) { return (line, "invalid TOML: a table header needs a name after '['") }
    if let line = lineOfBraceInArray(text) { return (line, "invalid TOML in array: expected a value, saw '}'") }
    return nil
  }

  /// The line of a `}` that comes where an array expects a value: right after its `[` or a `,`
  /// (blanks, line breaks and comments between). Strings are skipped, so a `}` inside one is text.
  static func lineOfBraceInArray(_ text: String) -> Int? {
    var line = 1
    var stack: [Character] = []
    var expectingValue = false
    var chars = Array(text.unicodeScalars.map(Character.init))[...]
    func skipString(_ quote: Character) {
      let triple = chars.starts(with: [quote, quote])
      if triple { chars = chars.dropFirst(2) }
      while let c = chars.popFirst() {
        if c == "\n" { line += 1 }
        if quote == "\"" && c == "\\" {
          if chars.popFirst() == "\n" { line += 1 }
          continue
        }
        if c == quote && (!triple || chars.starts(with: [quote, quote])) {
          if triple { chars = chars.dropFirst(2) }
          return
        }
      }
    }
    while let c = chars.popFirst() {
      switch c {
      case "\n":
        line += 1
      case " ", "\t", "\r":
        break
      case "#":
        while let next = chars.first, next != "\n" { chars.removeFirst() }
      case "\"", "'":
        expectingValue = false
        skipString(c)
      case "[":
        stack.append("[")
        expectingValue = true
      case "{":
        stack.append("{")
        expectingValue = false
      case "]", "}":
        if c == "}" && expectingValue && stack.last == "[" { return line }
        if !stack.isEmpty { stack.removeLast() }
        expectingValue = false
      case ",":
        expectingValue = stack.last == "["
      default:
        expectingValue = false
      }
    }
    return nil
  }

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
