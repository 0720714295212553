import Foundation

/// The page's one way of turning text into HTML, and the few pieces of markup built from it.
///
/// Every string that comes from the school's files (school name, term, course, room, teacher and
/// student names, classes, ids, reasons) goes through `escape` before it reaches the page, in
/// element text, in double-quoted attribute values and in SVG `<text>` and `<title>` alike.
enum HTML {
  /// Text made safe for element content and double-quoted attribute values:
  ///
  /// - `& < > " '` become character references, so no name can open a tag or leave an attribute;
  /// - tabs and line breaks become spaces (a name is one line in a table cell or a chart label);
  /// - other control characters and Unicode noncharacters, which HTML forbids, become U+FFFD;
  /// - bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
  ///   written as character references and every one the string opens is closed at its end, so
  ///   a name holding U+202E (RIGHT-TO-LEFT OVERRIDE) cannot reverse the text that follows it.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    // Open bidi scopes, innermost last: `true` for an isolate, `false` for an embedding/override.
    var open: [Bool] = []
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x26: out += "&amp;"
      case 0x3C: out += "&lt;"
      case 0x3E: out += "&gt;"
      case 0x22: out += "&quot;"
      case 0x27: out += "&#39;"
      case 0x09, 0x0A, 0x0D: out += " "
      case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: out += "\u{FFFD}"
      case _ where scalar.value & 0xFFFE == 0xFFFE: out += "\u{FFFD}"
      case 0x202A, 0x202B, 0x202D, 0x202E:
        open.append(false)
        out += reference(scalar)
      case 0x2066, 0x2067, 0x2068:
        open.append(true)
        out += reference(scalar)
      case 0x202C:
        // Closes the innermost embedding, and only when no isolate was opened after it.
        if open.last == false {
          open.removeLast()
          out += reference(scalar)
        }
      case 0x2069:
        // Closes the innermost isolate and every embedding opened inside it.
        if let i = open.lastIndex(of: true) {
          open.removeSubrange(i...)
          out += reference(scalar)
        }
      default: out.unicodeScalars.append(scalar)
      }
    }
    for isolate in open.reversed() { out += isolate ? "&#x2069;" : "&#x202C;" }
    return out
  }

  /// Several user strings escaped one by one and joined: each string's bidi controls end with it,
  /// so one name cannot reorder the next. Never escape a string built by concatenating names.
  static func join(_ parts: [String], separator: String) -> String {
    parts.map(escape).joined(separator: escape(separator))
  }

  private static func reference(_ scalar: Unicode.Scalar) -> String {
    "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
  }

  /// At most `columns` display columns of `s` (a CJK character takes two), cut at a character
  /// boundary and ended with `…` when cut. Not escaped: pass the result through `escape`.
  static func truncate(_ s: String, columns: Int) -> String {
    guard DisplayWidth.of(s) > columns else { return s }
    let ellipsis = "…"
    let room = max(0, columns - 2)
    var kept = ""
    var used = 0
    for c in s {
      let w = DisplayWidth.of(String(c))
      if used + w > room { break }
      kept.append(c)
      used += w
    }
    return kept + ellipsis
  }

  /// A table cell of escaped text; numbers align right.
  static func td(_ text: String, numeric: Bool = false) -> String {
    numeric ? "<td class=\"num\">\(escape(text))</td>" : "<td>\(escape(text))</td>"
  }

  /// A header cell of escaped text; a short label (up to 4 characters, `第1志愿`) never wraps.
  static func th(_ text: String, numeric: Bool = false) -> String {
    let classes = (numeric ? ["num"] : []) + (text.count <= 4 ? ["short"] : [])
    return classes.isEmpty
      ? "<th>\(escape(text))</th>" : "<th class=\"\(classes.joined(separator: " "))\">\(escape(text))</th>"
  }

  /// A whole table: header labels and rows of ready-made `<td>` cells.
  static func table(_ header: [String], numeric: [Bool] = [], rows: [String], cssClass: String? = nil) -> String {
    let cls = cssClass.map { " class=\"\($0)\"" } ?? ""
    var html = "<div class=\"scroll\"><table\(cls)>\n<thead><tr>"
    for (i, label) in header.enumerated() { html += th(label, numeric: i < numeric.count && numeric[i]) }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows { html += row + "\n" }
    return html + "</tbody>\n</table></div>\n"
  }

  /// A percentage with one decimal (`93.3%`); a dash for a value that is not a number.
  static func percent(_ x: Double) -> String { x.isFinite ? Format.percent(x) : "—" }
}
