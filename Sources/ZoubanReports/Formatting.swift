import Foundation

/// Number formats shared by every output, fixed so that outputs are byte-for-byte repeatable.
enum Format {
  /// A fraction with four decimals (`0.9333`), as in `fill_rate` and `gap`.
  static func fraction(_ x: Double) -> String { String(format: "%.4f", x) }

  /// A percentage with one decimal (`93.3%`), for people.
  static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

  /// Money in yuan with two decimals when needed.
  static func yuan(_ x: Double) -> String {
    x == x.rounded() ? String(format: "%.0f", x) : String(format: "%.2f", x)
  }
}
