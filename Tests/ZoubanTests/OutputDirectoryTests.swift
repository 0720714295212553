import Foundation
import Testing
import Zouban

@Suite struct OutputDirectoryTests {
  private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func replacesAPreviousOutputAsAWhole() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out").path
    try OutputDirectory.write([OutputFile("summary.json", text: "1"), OutputFile("fill.csv", text: "a")], to: out)
    try OutputDirectory.write([OutputFile("summary.json", text: "2")], to: out)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.json"])
    #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "2")
    // No temporary directories are left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
  }

  @Test func aFailedWriteLeavesThePreviousContents() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out").path
    try OutputDirectory.write([OutputFile("summary.json", text: "old")], to: out)
    #expect(throws: OutputDirectory.Failure.self) {
      try OutputDirectory.write([OutputFile("summary.json", text: "new"), OutputFile("missing-folder/fill.csv", text: "x")], to: out)
    }
    #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
  }

  @Test func refusesToReplaceADirectoryWithOtherFiles() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try "keep me".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    do {
      try OutputDirectory.write([OutputFile("summary.json", text: "1")], to: root.path)
      Issue.record("expected a refusal")
    } catch {
      #expect(error.isForeignDirectory)
      #expect(error.description.contains("notes.txt"))
    }
    #expect(try String(contentsOf: root.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
  }
}
