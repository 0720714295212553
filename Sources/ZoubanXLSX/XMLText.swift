/// Text as it may appear inside the workbook's XML, and back.
///
/// Spreadsheet text passes two encodings: XML's (`&amp;`, and characters XML 1.0 forbids, which no
/// parser accepts however they are escaped) and Office's own `_xHHHH_` escape inside string cells,
/// which Excel decodes when it reads. Both are undone by `XLSXReader`, so text survives a round trip.
enum XMLText {
  /// Whether XML 1.0 allows the character at all: tab, LF, CR, and everything from U+0020 except
  /// U+FFFE and U+FFFF (Swift strings hold no lone surrogates).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// `text` without the characters XML 1.0 forbids.
  static func dropForbidden(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: text.unicodeScalars.filter(isAllowed))
    return String(result)
  }

  /// Element content of a string cell: forbidden characters dropped, markup escaped, CR kept as
  /// `&#13;` (a parser turns a literal CR into LF), and a literal `_xHHHH_` protected as
  /// `_x005F_xHHHH_` so that Excel does not decode it.
  static func cellContent(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    out.reserveCapacity(scalars.count)
    for (i, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\r": out += "&#13;"
      case "_" where isOfficeEscape(scalars, at: i): out += "_x005F_"
      default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// An attribute value in double quotes: markup and quotes escaped, white space as character
  /// references (a parser would turn a literal tab or line end into a space).
  static func attribute(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// Decodes Office's `_xHHHH_` escapes (Excel writes control characters this way, and
  /// `_x005F_` for a literal underscore that would otherwise start one).
  static func decodeOfficeEscapes(_ text: String) -> String {
    guard text.contains("_x") || text.contains("_X") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if isOfficeEscape(scalars, at: i), let value = UInt32(String(String.UnicodeScalarView(scalars[i + 2..<i + 6])), radix: 16),
        let decoded = Unicode.Scalar(value)
      {
        out.append(decoded)
        i += 7
      } else {
        out.append(scalars[i])
        i += 1
      }
    }
    return String(out)
  }

  /// Whether `_xHHHH_` (four hex digits) starts at `i`.
  private static func isOfficeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i] == "_", scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_"
    else { return false }
    return scalars[i + 2...i + 5].allSatisfy(\.properties.isASCIIHexDigit)
  }

  /// How many columns `text` takes in a spreadsheet: its longest line, with East Asian wide
  /// characters (汉字, full-width forms, Hangul) counted as two.
  static func displayWidth(_ text: String) -> Int {
    var widest = 0
    var current = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" {
        widest = max(widest, current)
        current = 0
      } else {
        current += isWide(scalar) ? 2 : 1
      }
    }
    return max(widest, current)
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
