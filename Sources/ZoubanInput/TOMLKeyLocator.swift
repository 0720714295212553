/// Finds the line of a key in the raw text of `school.toml`.
///
/// TOMLKit gives positions only for syntax errors, not for values, so a semantic problem
/// (`min_size = 0`) is located by scanning the text for the key under its table header. The
/// scan understands `[table]` headers, bare and quoted keys and dotted keys (`rules.min_size`);
/// keys inside inline tables fall back to the line of the enclosing key.
struct TOMLKeyLocator {
  private var headerLines: [String: Int] = [:]
  private var keyLines: [String: Int] = [:]
  private let text: String

  init(text: String) {
    self.text = text
    var table = ""
    for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = offset + 1
      let content = String(raw).trimmingWhitespace
      if content.hasPrefix("[") && !content.hasPrefix("[[") {
        guard let close = content.firstIndex(of: "]") else { continue }
        table = Self.keyPath(String(content[content.index(after: content.startIndex)..<close]))
        if headerLines[table] == nil { headerLines[table] = line }
        continue
      }
      guard let key = Self.leadingKey(content) else { continue }
      let path = table.isEmpty ? key : "\(table).\(key)"
      if keyLines[path] == nil { keyLines[path] = line }
    }
  }

  /// The line of `key` inside `table` (`""` for the top level), else of the table's header.
  func line(table: String, key: String? = nil) -> Int? {
    if let key {
      if let line = keyLines[table.isEmpty ? key : "\(table).\(key)"] { return line }
    }
    return table.isEmpty ? nil : (headerLines[table] ?? keyLines[table])
  }

  /// The line of the `index`-th (0-based) inline table `{ … }` in the array value of `key`,
  /// such as one period of `[week] periods`; the key's line when it cannot be told.
  func elementLine(table: String, key: String, index: Int) -> Int? {
    guard let keyLine = line(table: table, key: key) else { return nil }
    var line = 1
    var opened = 0
    var inString = false
    for c in text.unicodeScalars {
      if c == "\n" {
        line += 1
        inString = false
      } else if line >= keyLine {
        if c == "\"" { inString.toggle() }
        if c == "{" && !inString {
          if opened == index { return line }
          opened += 1
        }
        if c == "]" && !inString && opened > 0 { break }
      }
    }
    return keyLine
  }

  /// `a = …` → `a`; `"低段" = …` → `低段`; `rules.min_size = …` → `rules.min_size`.
  private static func leadingKey(_ content: String) -> String? {
    guard let first = content.first, first != "#", first != "{", first != "[", first != "}", first != "]" else { return nil }
    var inQuote: Character? = nil
    for index in content.indices {
      let c = content[index]
      if let q = inQuote {
        if c == q { inQuote = nil }
      } else if c == "\"" || c == "'" {
        inQuote = c
      } else if c == "=" {
        let key = keyPath(String(content[..<index]))
        return key.isEmpty ? nil : key
      } else if !(c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == " " || c == "\t") {
        return nil
      }
    }
    return nil
  }

  /// Normalises a (possibly dotted, possibly quoted) key to `a.b` with quotes and spaces removed.
  private static func keyPath(_ raw: String) -> String {
    var parts: [String] = []
    var current = ""
    var inQuote: Character? = nil
    for c in raw {
      if let q = inQuote {
        if c == q { inQuote = nil } else { current.append(c) }
      } else if c == "\"" || c == "'" {
        inQuote = c
      } else if c == "." {
        parts.append(current.trimmingWhitespace)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current.trimmingWhitespace)
    return parts.joined(separator: ".")
  }
}
