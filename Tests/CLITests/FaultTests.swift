import Foundation
import Testing

/// Failures of the tool rather than of the data: a clear message, exit 70, and earlier results
/// left exactly as they were.
@Suite struct FaultTests {
  @Test func glpkRunningOutOfItsMemoryLimitIsAClearErrorAndWritesNothing() throws {
    try Scratch.with { folder in
      let out = folder.appendingPathComponent("out")
      let first = try CLI.solve("Catalogs/tiny", out: out)
      #expect(first.status == Exit.ok, "\(first)")
      let before = try Scratch.snapshot(out)
      let run = try CLI.solve("Catalogs/chenguang-middle", out: out, "--memory-limit", "5")
      #expect(run.status == 70, "\(run)")
      #expect(run.stderr.contains("GLPK needed more memory than its limit allows (--memory-limit 5 MB)"))
      #expect(try Scratch.snapshot(out) == before)
    }
  }

  @Test func anOutputPathThatCannotBeCreatedIsAClearError() throws {
    try Scratch.with { folder in
      let file = folder.appendingPathComponent("a-file")
      try Data("x".utf8).write(to: file)
      let run = try CLI.solve("Catalogs/tiny", out: file.appendingPathComponent("out"))
      #expect(run.status == 70, "\(run)")
      #expect(run.stderr.contains("cannot write"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a-file"])
    }
  }

  /// A disk that fills up half-way through the writing. The file size limit (`ulimit -f`, with
  /// SIGXFSZ ignored so that the write fails with EFBIG instead of killing the process) stands in
  /// for a full disk without needing a small file system: every write past the limit fails the
  /// way it does on a full disk.
  @Test func aDiskFullHalfWayLeavesThePreviousOutputsIntact() throws {
    try Scratch.with { folder in
      let out = folder.appendingPathComponent("out")
      let first = try CLI.solve("Catalogs/tiny", out: out)
      #expect(first.status == Exit.ok, "\(first)")
      let before = try Scratch.snapshot(out)
      let command =
        "trap '' XFSZ; ulimit -f 16; exec \(CLI.executable.path) solve Catalogs/yangguang-primary --out \(out.path)"
      let run = try CLI.runShell(command)
      #expect(run.status == 70, "\(run)")
      #expect(run.stderr.contains("cannot write \(out.path): File too large; nothing written"), "\(run)")
      #expect(run.stderr.contains("nothing written"), "\(run)")
      #expect(try Scratch.snapshot(out) == before, "the first solve's files are all still there, unchanged")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"], "no half-written folder left")
    }
  }

  @Test func aNegativeMemoryLimitIsBadUsage() throws {
    try Scratch.with { folder in
      let run = try CLI.solve("Catalogs/tiny", out: folder.appendingPathComponent("out"), "--memory-limit=-1")
      #expect(run.status == Exit.usage, "\(run)")
    }
  }
}
