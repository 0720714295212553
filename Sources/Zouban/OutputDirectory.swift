import Foundation
import ZoubanReports

/// One file of an output directory.
public struct OutputFile: Sendable {
  public let name: String
  public let data: Data

  public init(_ name: String, data: Data) {
    self.name = name
    self.data = data
  }

  public init(_ name: String, text: String) { self.init(name, data: Data(text.utf8)) }

  /// The contents as UTF-8 text (the CSV, JSON and HTML files).
  public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Writes a set of files as one directory, all or nothing.
///
/// The files go into a fresh sibling directory first, which is then renamed into place; the old
/// directory is renamed aside and removed only after the new one is in place. On any failure the
/// old contents stay as they were (SPEC §3: never half-written).
public enum OutputDirectory {
  /// The names a Zouban output directory may hold; a directory with anything else is not ours to replace.
  public static let knownNames: Set<String> = Set(Tables.fileNames + ["summary.json", "report.html", "zouban.xlsx", "compare.csv", "compare.html", "sweep.csv", "sweep.html", "suggest.csv", "moves.csv"])

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    /// The directory holds files Zouban did not write: a usage problem, not an I/O one.
    public let isForeignDirectory: Bool
  }

  /// Whether `path` may be replaced: it does not exist, or is a directory holding only files
  /// Zouban writes. Returns whether it exists. Called before a long solve, and again by `write`.
  @discardableResult
  public static func checkReplaceable(_ path: String) throws(Failure) -> Bool {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
    guard isDirectory.boolValue else {
      throw Failure(description: "\(path) exists and is not a directory", isForeignDirectory: true)
    }
    let foreign = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !knownNames.contains($0) }.sorted()
    guard foreign.isEmpty else {
      throw Failure(
        description:
          "\(path) holds files Zouban did not write (\(foreign.prefix(3).joined(separator: ", "))); choose an empty or new --out directory",
        isForeignDirectory: true)
    }
    return true
  }

  public static func write(_ files: [OutputFile], to path: String) throws(Failure) {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let exists = try checkReplaceable(target.path)
    let tag = "\(target.lastPathComponent).\(getpid())"
    let fresh = parent.appendingPathComponent(".zouban-new-\(tag)")
    let old = parent.appendingPathComponent(".zouban-old-\(tag)")
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
      try? fm.removeItem(at: fresh)
      try fm.createDirectory(at: fresh, withIntermediateDirectories: false)
      for file in files {
        try file.data.write(to: fresh.appendingPathComponent(file.name))
      }
      if exists { try fm.moveItem(at: target, to: old) }
      do {
        try fm.moveItem(at: fresh, to: target)
      } catch {
        if exists { try? fm.moveItem(at: old, to: target) }
        throw error
      }
      if exists { try? fm.removeItem(at: old) }
    } catch {
      try? fm.removeItem(at: fresh)
      throw Failure(description: "cannot write \(path): \(reason(error))", isForeignDirectory: false)
    }
  }

  /// The system's own words for a failed write ("No space left on device", "File too large"),
  /// which Foundation hides behind a generic message and an underlying POSIX error.
  private static func reason(_ error: Error) -> String {
    var current = error as NSError
    while let underlying = current.userInfo[NSUnderlyingErrorKey] as? Error { current = underlying as NSError }
    if current.domain == NSPOSIXErrorDomain, let message = strerror(Int32(current.code)) {
      return String(cString: message)
    }
    return error.localizedDescription
  }
}
