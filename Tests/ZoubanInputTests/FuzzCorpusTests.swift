import Foundation
import Testing
import ZoubanInput

/// Replays every input the fuzzer kept (`Fuzz/corpus`) or that once crashed (`Fuzz/crashes`)
/// through the loader, the way `Fuzz/Sources/zouban-fuzz/Fuzz.swift` feeds it: the first byte
/// picks the file (or all files, split at 0x1E), the rest replaces it in a copy of
/// `Catalogs/tiny`. The loader must return, with a school exactly when no error was reported.
@Suite struct FuzzCorpusTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let files = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]

  static var inputs: [String] {
    ["Fuzz/crashes", "Fuzz/corpus"].flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
        .sorted().map { "\(folder)/\($0)" }
    }
  }

  @Test func theCrashFoundByFuzzingIsKept() {
    #expect(Self.inputs.contains { $0.hasPrefix("Fuzz/crashes/") })
  }

  @Test(arguments: inputs) func theLoaderReturnsOnEveryKeptInput(input: String) throws {
    let bytes = try Data(contentsOf: Self.root.appendingPathComponent(input))
    guard let selector = bytes.first else { return }
    let school = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-fuzz-replay-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Catalogs/tiny"), to: school)
    defer { try? FileManager.default.removeItem(at: school) }
    let body = bytes.dropFirst()
    if Int(selector) % 7 == 6 {
      for (name, part) in zip(Self.files, body.split(separator: 0x1E, omittingEmptySubsequences: false)) {
        try Data(part).write(to: school.appendingPathComponent(name))
      }
    } else {
      try Data(body).write(to: school.appendingPathComponent(Self.files[Int(selector) % 7]))
    }
    let result = SchoolLoader.load(directory: school.path)
    #expect((result.school == nil) == result.diagnostics.contains { $0.severity == .error }, "\(input)")
  }
}
