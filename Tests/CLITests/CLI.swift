import Foundation
import TestSupport

/// The built `zouban` executable, run as a user would run it.
///
/// These tests judge the product from the outside (SPEC §3 and §4), so they go through the real
/// binary: argument parsing, exit codes and the split between stdout and stderr are part of the
/// contract and cannot be seen from the library.
enum CLI {
  /// What one run of `zouban` did.
  struct Run: CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String

    /// The diagnostic lines of severity error, in the order printed.
    var errorLines: [String] { lines(stderr).filter { $0.contains(": error: ") } }

    var stdoutLines: [String] { lines(stdout) }
    var stderrLines: [String] { lines(stderr) }

    /// Printed by `#expect` on failure, so a wrong exit code comes with what the binary said.
    var description: String {
      "zouban \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
  }

  /// `swift build --build-tests` links the `zouban` product into the same folder as the test
  /// bundle (`.build/debug/`); on Linux the bundle is an executable, on macOS a `.xctest`
  /// directory whose executable sits a few levels deeper. Walking up from either finds it.
  static let executable: URL = {
    let starts = [
      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
      Bundle.main.bundleURL,
    ]
    for start in starts {
      var folder = start.deletingLastPathComponent()
      for _ in 0..<5 {
        let candidate = folder.appendingPathComponent("zouban")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
      }
    }
    fatalError("no zouban executable next to the test bundle (\(starts)); build with `swift build --build-tests`")
  }()

  /// Runs `zouban arguments…` in `directory` (default: the package root) and waits for it.
  static func run(_ arguments: [String], in directory: String = Fixtures.repositoryRoot) throws -> Run {
    let (status, stdout, stderr) = try launch(executable, arguments, in: directory)
    return Run(arguments: arguments, status: status, stdout: stdout, stderr: stderr)
  }

  /// Runs another program (`script`, `chromium` …) and returns its standard output. `environment`
  /// entries are added to this process's environment; an empty value removes the variable.
  static func runTool(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
    try launch(URL(fileURLWithPath: path), arguments, in: Fixtures.repositoryRoot, environment: environment).stdout
  }

  /// Runs a `bash -c` command line (for resource limits and signal dispositions that only a
  /// shell sets up before `exec`), with the package root as working directory.
  static func runShell(_ command: String) throws -> Run {
    let (status, stdout, stderr) = try launch(URL(fileURLWithPath: "/bin/bash"), ["-c", command], in: Fixtures.repositoryRoot)
    return Run(arguments: ["bash", "-c", command], status: status, stdout: stdout, stderr: stderr)
  }

  /// Output goes to files rather than pipes, so a chatty run can never fill a pipe and stall.
  private static func launch(
    _ program: URL, _ arguments: [String], in directory: String, environment: [String: String] = [:]
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    try Scratch.with { scratch in
      let out = scratch.appendingPathComponent("stdout")
      let err = scratch.appendingPathComponent("stderr")
      try Data().write(to: out)
      try Data().write(to: err)
      let process = Process()
      process.executableURL = program
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory)
      if !environment.isEmpty {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value.isEmpty ? nil : value }
        process.environment = merged
      }
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      try process.run()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
        String(decoding: try Data(contentsOf: err), as: UTF8.self)
      )
    }
  }

  /// `zouban solve SCHOOL --out OUT` with any extra options.
  static func solve(
    _ school: String, out: URL, _ options: String..., in directory: String = Fixtures.repositoryRoot
  ) throws -> Run {
    try run(["solve", school, "--out", out.path] + options, in: directory)
  }
}

/// SPEC §4's exit codes, named as the tests read them.
enum Exit {
  static let ok: Int32 = 0
  static let infeasible: Int32 = 3
  static let timeLimitNoSolution: Int32 = 4
  static let usage: Int32 = 64
  static let badInput: Int32 = 65
}
