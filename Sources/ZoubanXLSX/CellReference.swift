/// A1-style cell references: column letters `A`…`XFD` and 1-based row numbers.
enum CellReference {
  /// The largest column Excel has (XFD).
  static let maxColumn = 16_384
  /// The largest row Excel has.
  static let maxRow = 1_048_576

  /// The letters of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var letters: [Unicode.Scalar] = []
    while n > 0 {
      let digit = (n - 1) % 26
      letters.append(Unicode.Scalar(UInt8(65 + digit)))
      n = (n - 1) / 26
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: letters.reversed())
    return text
  }

  /// `A1` for a 0-based column and a 1-based row.
  static func name(column: Int, row: Int) -> String { columnName(column) + String(row) }

  /// The 0-based column and the row (nil when the reference has no digits) of a reference such
  /// as `C5`, `c5` or `$C$5`; nil when it is not a reference or lies outside Excel's grid.
  static func parse(_ reference: String) -> (column: Int, row: Int?)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for scalar in reference.unicodeScalars {
      switch scalar.value {
      case 0x24 where digits == 0:  // `$` of an absolute reference
        continue
      case 0x41...0x5A, 0x61...0x7A:
        letters += 1
        guard digits == 0, letters <= 3 else { return nil }
        column = column * 26 + Int((scalar.value & 0xDF) - 0x40)
      case 0x30...0x39 where letters > 0:
        digits += 1
        guard digits <= 7 else { return nil }
        row = row * 10 + Int(scalar.value - 0x30)
      default:
        return nil
      }
    }
    guard letters > 0, column <= maxColumn else { return nil }
    if digits == 0 { return (column - 1, nil) }
    guard row >= 1, row <= maxRow else { return nil }
    return (column - 1, row)
  }
}
