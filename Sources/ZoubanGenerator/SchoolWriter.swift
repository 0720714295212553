import Foundation
import ZoubanModel

/// Writes a `School` as a school directory in SPEC §1's format, so that `SchoolLoader` reads back
/// an equal school.
///
/// English headers, `;` lists, ranked choices as `choice1…choiceN` columns (how the 第一志愿,
/// 第二志愿 … forms export), UTF-8 without BOM, `\n` line ends. The bytes depend only on the
/// school, so a generated benchmark school can be diffed and committed.
public enum SchoolWriter {
  /// The files a school directory may hold; a directory holding anything else is not overwritten.
  public static let fileNames: Set<String> = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    /// The directory holds files a school directory does not: a usage problem, not an I/O one.
    public let isForeignDirectory: Bool
  }

  /// Writes the school's files into `directory` (created when missing). A `fixed.csv` left from an
  /// earlier school is removed when this school has no fixed rows, so the directory then holds
  /// exactly this school. Refuses a directory that holds any other file.
  public static func write(_ school: School, to directory: String) throws(Failure) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw Failure(description: "\(directory) exists and is not a directory", isForeignDirectory: true) }
      let foreign = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).filter { !fileNames.contains($0) }.sorted()
      guard foreign.isEmpty else {
        throw Failure(
          description: "\(directory) holds files that are not a school's (\(foreign.prefix(3).joined(separator: ", "))); choose an empty or new directory",
          isForeignDirectory: true)
      }
    }
    do {
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for (name, text) in files(school) {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name), options: .atomic)
      }
      let staleFixed = URL(fileURLWithPath: directory).appendingPathComponent("fixed.csv")
      if school.fixed.isEmpty && fm.fileExists(atPath: staleFixed.path) { try fm.removeItem(at: staleFixed) }
    } catch {
      throw Failure(description: "cannot write \(directory): \(error.localizedDescription)", isForeignDirectory: false)
    }
  }

  /// The files' names and texts, in SPEC §1's order; `fixed.csv` only when there are fixed rows.
  public static func files(_ school: School) -> [(name: String, text: String)] {
    let cells = SchoolCells(school: school)
    var files = [
      ("school.toml", SchoolTOML.text(school)),
      ("courses.csv", cells.courses()),
      ("rooms.csv", cells.rooms()),
      ("teachers.csv", cells.teachers()),
      ("students.csv", cells.students()),
    ]
    if !school.fixed.isEmpty { files.append(("fixed.csv", cells.fixed())) }
    return files
  }
}
