import Foundation
import Testing
import ZoubanInput

/// Every school under `Catalogs/invalid/` holds one mistake, and its `expected.txt` the exact
/// error lines the loader must print for it, with paths relative to `Catalogs/invalid` (what
/// `cd Catalogs/invalid && zouban validate <case>` shows).
@Suite struct InvalidCatalogTests {
  static let invalidRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Catalogs/invalid").path

  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: invalidRoot)) ?? [])
      .filter { FileManager.default.fileExists(atPath: "\(invalidRoot)/\($0)/expected.txt") }
      .sorted()
  }

  @Test func thereAreAtLeastTwentyCases() {
    #expect(Self.cases.count >= 20)
  }

  @Test(arguments: cases) func errorLinesMatchExpected(name: String) throws {
    let expected = try String(contentsOfFile: "\(Self.invalidRoot)/\(name)/expected.txt", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let result = SchoolLoader.load(directory: "\(Self.invalidRoot)/\(name)")
    let errors = result.diagnostics.filter { $0.severity == .error }
      .map { $0.description.replacingOccurrences(of: Self.invalidRoot + "/", with: "") }
    #expect(errors == expected)
    #expect(result.school == nil)
  }
}
