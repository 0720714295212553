import Foundation
import TestSupport

/// Fresh temporary directories, removed when the test is done with them.
///
/// Every test writes into its own directory so that tests can run in parallel and a failed
/// test leaves nothing behind that could make another one pass.
enum Scratch {
  static func with<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("zouban-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// Copies `Catalogs/<name>` to `<into>/<name>` so a test may edit the school without touching
  /// the catalog; returns the copy's path.
  static func copySchool(_ name: String, into folder: URL) throws -> URL {
    let copy = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.catalog(name)), to: copy)
    return copy
  }

  /// Rewrites a UTF-8 text file through `change`, as a person editing a school in a text editor.
  static func edit(_ file: URL, _ change: (String) -> String) throws {
    try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
  }

  /// Every file under `folder` by relative path, with its bytes: two snapshots are equal exactly
  /// when nothing was added, removed or changed.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
    for path in paths {
      let url = folder.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
      files[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
    }
    return files
  }
}

/// A CSV file as the tests read it: RFC 4180 cells, the BOM noted and stripped.
///
/// Written here rather than borrowed from the product, so that the product's reader cannot hide
/// a mistake of its own writer.
struct CSVTable {
  let hasBOM: Bool
  let header: [String]
  let rows: [[String]]

  init(contentsOf url: URL) throws {
    var text = try String(contentsOf: url, encoding: .utf8)
    hasBOM = text.unicodeScalars.first == "\u{FEFF}"
    if hasBOM { text.unicodeScalars.removeFirst() }
    let records = Self.parse(text)
    header = records.first ?? []
    rows = Array(records.dropFirst())
  }

  /// The cells of one column, by header name.
  func column(_ name: String) -> [String] {
    guard let index = header.firstIndex(of: name) else { return [] }
    return rows.map { index < $0.count ? $0[index] : "" }
  }

  /// Each row as a dictionary from header name to cell.
  var records: [[String: String]] {
    rows.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
  }

  private static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { cell.append(chars.removeFirst()) } else { quoted = false }
        } else {
          cell.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(cell)
        cell = ""
      } else if c == "\n" || c == "\r\n" {
        record.append(cell)
        records.append(record)
        (record, cell) = ([], "")
      } else {
        cell.append(c)
      }
    }
    if !cell.isEmpty || !record.isEmpty { records.append(record + [cell]) }
    return records
  }
}
