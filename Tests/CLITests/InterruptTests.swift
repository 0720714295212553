import Foundation
import Testing

/// Ctrl-C during a long solve: the first stops the search and writes the best timetable found
/// (exit 130); a second one ends the process at once, writing nothing.
///
/// The school is a generated one of 4,000 students: after the `stage 2` line of `--verbose`,
/// stage 3's root LP alone takes seconds, so the signal always lands inside the solve.
@Suite(.serialized) struct InterruptTests {
  /// Starts `zouban solve SCHOOL --out OUT --verbose`, waits for the placement line on stderr,
  /// sends `signals` SIGINTs 0.2 s apart, and returns the exit code and stderr. Stderr goes to a
  /// file that is polled: a pipe read can fail with EINTR when the child exits, and Foundation's
  /// `FileHandle.availableData` traps on that.
  private func interruptedSolve(
    school: URL, out: URL, signals: Int, after line: String = "stage 2 (placement)"
  ) throws -> (status: Int32, stderr: String) {
    let log = out.deletingLastPathComponent().appendingPathComponent("stderr.txt")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["solve", school.path, "--out", out.path, "--verbose"]
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    while process.isRunning && !text().contains(line) { Thread.sleep(forTimeInterval: 0.05) }
    for i in 0..<signals {
      if i > 0 { Thread.sleep(forTimeInterval: 0.2) }
      kill(process.processIdentifier, SIGINT)
    }
    process.waitUntilExit()
    defer { try? FileManager.default.removeItem(at: log) }
    return (process.terminationStatus, text())
  }

  private func generatedSchool(in folder: URL) throws -> URL {
    let school = folder.appendingPathComponent("school")
    let run = try CLI.run(["generate", "--students", "4000", "--clubs", "80", "--seed", "3", "--out", school.path])
    #expect(run.status == 0, "\(run)")
    return school
  }

  @Test func theFirstInterruptWritesTheBestTimetableFoundAndExits130() throws {
    try Scratch.with { folder in
      let school = try generatedSchool(in: folder)
      let out = folder.appendingPathComponent("out")
      let (status, stderr) = try interruptedSolve(school: school, out: out, signals: 1)
      #expect(status == 130, "\(stderr)")
      #expect(stderr.contains("zouban: interrupted; wrote the best timetable found so far"))
      let summary = try Data(contentsOf: out.appendingPathComponent("summary.json"))
      let json = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
      #expect(["feasible", "optimal"].contains(json["status"] as? String))
      let check = try CLI.run(["check", school.path, out.appendingPathComponent("assignments.csv").path])
      #expect(check.status == 0, "\(check)")
      #expect(check.stdout.contains("objective \(json["objective"] as? Int ?? Int.min)"))
    }
  }

  /// Right after the quick timetable, stage 1's root LP runs (12 s for this school unloaded),
  /// inside one `glp_simplex` call that checks no flag of ours: the signal must still stop it,
  /// so stage 1 never reports its optimum, and the quick timetable is written.
  @Test func anInterruptDuringStageOnesRootLPStopsIt() throws {
    try Scratch.with { folder in
      let school = try generatedSchool(in: folder)
      let out = folder.appendingPathComponent("out")
      let (status, stderr) = try interruptedSolve(school: school, out: out, signals: 1, after: "quick timetable")
      #expect(status == 130, "\(stderr)")
      #expect(!stderr.contains("stage 1 (course level): optimal"), "\(stderr)")
      #expect(!stderr.contains("stage 2 (placement)"), "\(stderr)")
      let check = try CLI.run(["check", school.path, out.appendingPathComponent("assignments.csv").path])
      #expect(check.status == 0, "\(check)")
    }
  }

  @Test func aSecondInterruptExitsAtOnceWithoutWriting() throws {
    try Scratch.with { folder in
      let school = try generatedSchool(in: folder)
      let out = folder.appendingPathComponent("out")
      let (status, stderr) = try interruptedSolve(school: school, out: out, signals: 2)
      #expect(status == 130, "\(stderr)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["school"])
    }
  }
}
