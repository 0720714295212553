import Foundation
import Zouban

/// libFuzzer's entry point: every input is one school, read by the real loader.
///
/// The input's first byte picks what is fuzzed — `school.toml`, one of the CSV tables, or all
/// of them at once (split at `0x1E`) — and the rest becomes those files, next to valid copies of
/// the others from `Catalogs/tiny`. The loader must return diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let target = bytes.first else { return 0 }
  let body = Data(bytes.dropFirst())
  let school = FuzzSchool.shared
  school.reset()
  switch Int(target) % 7 {
  case 6:
    let parts = body.split(separator: 0x1E, omittingEmptySubsequences: false)
    for (name, part) in zip(FuzzSchool.files, parts) { school.write(name, Data(part)) }
  case let i:
    school.write(FuzzSchool.files[i], body)
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
      if let data = originals[name] { write(name, data) } else { try? FileManager.default.removeItem(atPath: path + "/" + name) }
    }
  }

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
