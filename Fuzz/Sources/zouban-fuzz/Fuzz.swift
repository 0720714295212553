import Foundation
import Zouban

/// What one run fuzzes, from `ZOUBAN_FUZZ_TARGET` (scripts/fuzz.sh sets it); each has its own
/// corpus folder, which the test suite replays the same way (FuzzCorpusTests).
enum FuzzTarget: String {
  /// The whole loader: the input's first byte picks `school.toml`, one CSV table, or all files
  /// at once (split at `0x1E`). Corpus: Fuzz/corpus.
  case loader
  /// The TOML/settings reader: the input is `school.toml`. Corpus: Fuzz/corpus-toml.
  case toml
  /// The CSV reader with the richest table: the input is `students.csv`. Corpus: Fuzz/corpus-csv.
  case csv
  /// The .xlsx reader: the input is `students.xlsx` (no students.csv). Corpus: Fuzz/corpus-xlsx.
  case xlsx

  static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["ZOUBAN_FUZZ_TARGET"] ?? "") ?? .loader
}

/// libFuzzer's entry point: every input becomes one or more files of a copy of `Catalogs/tiny`,
/// read by the real loader, which must return diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  let school = FuzzSchool.shared
  school.reset()
  switch FuzzTarget.current {
  case .loader:
    guard let selector = bytes.first else { return 0 }
    let body = bytes.dropFirst()
    switch Int(selector) % 7 {
    case 6:
      let parts = body.split(separator: 0x1E, omittingEmptySubsequences: false)
      for (name, part) in zip(FuzzSchool.files, parts) { school.write(name, Data(part)) }
    case let i:
      school.write(FuzzSchool.files[i], Data(body))
    }
  case .toml: school.write("school.toml", bytes)
  case .csv: school.write("students.csv", bytes)
  case .xlsx:
    school.remove("students.csv")
    school.write("students.xlsx", bytes)
  }
  let result = Pipeline.load(school.path)
  // The contract the loader keeps: a school exactly when no diagnostic is an error.
  precondition((result.school == nil) == result.diagnostics.contains { $0.severity == .error })
  return 0
}

/// A scratch copy of `Catalogs/tiny` that each input overwrites in part.
final class FuzzSchool: @unchecked Sendable {
  static let files = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]
  static let shared = FuzzSchool()

  let path: String
  private let originals: [String: Data]

  private init() {
    let catalog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Catalogs/tiny").standardized
    originals = Dictionary(uniqueKeysWithValues: Self.files.compactMap { name in
      (try? Data(contentsOf: catalog.appendingPathComponent(name))).map { (name, $0) }
    })
    path = NSTemporaryDirectory() + "zouban-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func reset() {
    for name in Self.files {
      if let data = originals[name] { write(name, data) } else { remove(name) }
    }
    remove("students.xlsx")
  }

  func remove(_ name: String) { try? FileManager.default.removeItem(atPath: path + "/" + name) }

  func write(_ name: String, _ data: Data) {
    FileManager.default.createFile(atPath: path + "/" + name, contents: data)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; here it hands over to libFuzzer.
@_cdecl("zouban_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { fuzz($0, $1) }
}
