import Foundation
import Testing
import ZoubanInput

/// Replays every input the fuzzer kept (`Fuzz/corpus*`) or that once crashed (`Fuzz/crashes`)
/// through the loader, the way `Fuzz/Sources/zouban-fuzz/Fuzz.swift` feeds each target: the
/// loader target's first byte picks the file (or all files, split at 0x1E); the toml, csv and
/// xlsx targets' input is school.toml, students.csv or students.xlsx. The rest of the school is a
/// copy of `Catalogs/tiny`. The loader must return, with a school exactly when no error was reported.
@Suite struct FuzzCorpusTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let files = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]
  static let targets = ["toml", "csv", "xlsx"]

  static var inputs: [String] {
    (["Fuzz/crashes", "Fuzz/corpus"] + targets.map { "Fuzz/corpus-\($0)" }).flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
        .sorted().map { "\(folder)/\($0)" }
    }
  }

  /// The fuzz target an input belongs to: its corpus folder, or the prefix of a crash file.
  static func target(of input: String) -> String {
    let folder = (input as NSString).deletingLastPathComponent, name = (input as NSString).lastPathComponent
    if folder.hasPrefix("Fuzz/corpus-") { return String(folder.dropFirst("Fuzz/corpus-".count)) }
    return targets.first { name.hasPrefix("\($0)-") } ?? "loader"
  }

  @Test func theCrashFoundByFuzzingIsKept() {
    #expect(Self.inputs.contains { $0.hasPrefix("Fuzz/crashes/") })
  }

  @Test func everyTargetHasACorpus() {
    for target in Self.targets {
      #expect(Self.inputs.contains { $0.hasPrefix("Fuzz/corpus-\(target)/") }, "Fuzz/corpus-\(target) is empty")
    }
  }

  @Test(arguments: inputs) func theLoaderReturnsOnEveryKeptInput(input: String) throws {
    let bytes = try Data(contentsOf: Self.root.appendingPathComponent(input))
    let school = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-fuzz-replay-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Catalogs/tiny"), to: school)
    defer { try? FileManager.default.removeItem(at: school) }
    switch Self.target(of: input) {
    case "toml": try bytes.write(to: school.appendingPathComponent("school.toml"))
    case "csv": try bytes.write(to: school.appendingPathComponent("students.csv"))
    case "xlsx":
      try FileManager.default.removeItem(at: school.appendingPathComponent("students.csv"))
      try bytes.write(to: school.appendingPathComponent("students.xlsx"))
    default:
      guard let selector = bytes.first else { return }
      let body = bytes.dropFirst()
      if Int(selector) % 7 == 6 {
        for (name, part) in zip(Self.files, body.split(separator: 0x1E, omittingEmptySubsequences: false)) {
          try Data(part).write(to: school.appendingPathComponent(name))
        }
      } else {
        try Data(body).write(to: school.appendingPathComponent(Self.files[Int(selector) % 7]))
      }
    }
    let result = SchoolLoader.load(directory: school.path)
    #expect((result.school == nil) == result.diagnostics.contains { $0.severity == .error }, "\(input)")
  }
}
