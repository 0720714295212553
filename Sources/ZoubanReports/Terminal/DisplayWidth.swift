/// Columns a string takes on a terminal: CJK and other East Asian wide characters take two,
/// combining marks and invisible format characters none, everything else one.
///
/// `String.count` counts characters, so a table padded by it drifts by one column for every
/// Chinese character; this follows Unicode's East Asian Width (UAX #11) for the wide ranges.
enum DisplayWidth {
  static func of(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  static func width(of scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  /// `s` padded with spaces to `columns` display columns (never cut).
  static func pad(_ s: String, to columns: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, columns - of(s)))
    return right ? fill + s : s + fill
  }
}
