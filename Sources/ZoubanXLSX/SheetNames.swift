extension XLSXWriter {
  /// The names the sheets get, made legal the way Excel requires, so that no name the caller
  /// passes (a Chinese report title, a course name with a `/`) can make Excel refuse the file.
  ///
  /// Excel's rules: 1 to 31 characters, none of `[ ] : * ? / \`, no `'` at either end, not
  /// `History` (Excel reserves it), and unique regardless of case. Forbidden characters become
  /// `_`, control characters are dropped, an empty name becomes `Sheet1`, `Sheet2` … (by
  /// position), and a repeat gets ` (2)`, ` (3)` … with the name shortened to make room.
  public static func sheetNames(_ names: [String]) -> [String] {
    var taken: Set<String> = ["history"]
    var result: [String] = []
    for (index, raw) in names.enumerated() {
      var base = cleanSheetName(raw)
      if base.isEmpty { base = "Sheet\(index + 1)" }
      var name = base
      var counter = 2
      while taken.contains(name.lowercased()) {
        let suffix = " (\(counter))"
        name = prefix(base, utf16Limit: maxSheetNameLength - suffix.utf16.count) + suffix
        counter += 1
      }
      taken.insert(name.lowercased())
      result.append(name)
    }
    return result
  }

  /// Excel counts a sheet name's length in UTF-16 units.
  static let maxSheetNameLength = 31

  private static func cleanSheetName(_ raw: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in raw.unicodeScalars where XMLText.isAllowed(scalar) && scalar.properties.generalCategory != .control {
      scalars.append("[]:*?/\\".unicodeScalars.contains(scalar) ? "_" : scalar)
    }
    var name = String(scalars)
    while name.hasPrefix("'") { name.removeFirst() }
    while name.hasSuffix("'") { name.removeLast() }
    name = prefix(name, utf16Limit: maxSheetNameLength)
    // Shortening can expose a quote that was inside the name.
    while name.hasSuffix("'") { name.removeLast() }
    return name
  }

  /// The longest prefix of whole characters that fits in `limit` UTF-16 units.
  static func prefix(_ text: String, utf16Limit limit: Int) -> String {
    guard text.utf16.count > limit else { return text }
    var result = ""
    var used = 0
    for character in text {
      let size = character.utf16.count
      guard used + size <= limit else { break }
      result.append(character)
      used += size
    }
    return result
  }
}
