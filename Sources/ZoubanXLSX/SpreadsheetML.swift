import Foundation
import XMLCoder

/// The few elements of the workbook's XML parts that reading a sheet needs, as `Decodable`
/// values for XMLCoder. Everything else in the parts (styles, formulas, formatting) is ignored.
///
/// Parsed with namespaces processed, so element names are local names whatever prefix a writer
/// chose (`<x:row>` from the Open XML SDK reads like `<row>`), and with white space kept, because
/// the text of `<t xml:space="preserve">` is data. Text elements (`<t>`, `<v>`) decode as plain
/// `String`s, which XMLCoder reads as the element's text (empty for `<t/>`), whatever attributes
/// they carry; that is also the cheapest shape to decode, and a sheet has one per cell.
enum SpreadsheetML {
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: false)
    decoder.shouldProcessNamespaces = true
    return try decoder.decode(type, from: data)
  }

  /// A coding key made from any string, for attribute names such as `r:id`.
  struct AnyKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }

  /// A `.rels` part: `<Relationships><Relationship Id=… Type=… Target=…/>…`.
  struct Relationships: Decodable {
    let relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
  }

  struct Relationship: Decodable {
    let id: String
    let type: String
    let target: String
    let targetMode: String?
    enum CodingKeys: String, CodingKey {
      case id = "Id", type = "Type", target = "Target", targetMode = "TargetMode"
    }
  }

  /// `xl/workbook.xml`: the sheets in tab order.
  struct Workbook: Decodable {
    let sheets: Sheets?
  }

  struct Sheets: Decodable {
    let sheet: [Sheet]
  }

  struct Sheet: Decodable {
    let name: String
    let state: String?
    /// The `r:id` attribute, found by its local name whatever the prefix (some writers use
    /// another prefix for the relationships namespace, and the parser may report either form).
    let relationshipID: String?

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      name = try container.decodeIfPresent(String.self, forKey: AnyKey("name")) ?? ""
      state = try container.decodeIfPresent(String.self, forKey: AnyKey("state"))
      let key = container.allKeys.first { $0.stringValue == "id" || $0.stringValue.hasSuffix(":id") }
      relationshipID = try key.flatMap { try container.decodeIfPresent(String.self, forKey: $0) }
    }
  }

  /// `xl/sharedStrings.xml`.
  struct SharedStrings: Decodable {
    let si: [StringItem]
  }

  /// A string: plain `<t>`, or rich text as runs `<r><t>`; phonetic guides (`<rPh>`) are not part
  /// of the text.
  struct StringItem: Decodable {
    let t: String?
    let r: [Run]

    var text: String { t ?? r.map { $0.t ?? "" }.joined() }
  }

  struct Run: Decodable {
    let t: String?
  }

  /// A worksheet part: only its rows.
  struct Worksheet: Decodable {
    let sheetData: SheetData?
  }

  struct SheetData: Decodable {
    let row: [Row]
  }

  struct Row: Decodable {
    /// The 1-based row number; optional in the schema (then it is the previous row's plus one).
    let r: String?
    let c: [Cell]
  }

  struct Cell: Decodable {
    /// The reference such as `C5`; optional in the schema (then it is the next column).
    let r: String?
    /// The type: `s` shared string, `inlineStr`, `str` formula text, `b` boolean, `e` error,
    /// `d` ISO date, `n` or absent a number.
    let t: String?
    let v: String?
    let inline: StringItem?
    enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
  }
}
