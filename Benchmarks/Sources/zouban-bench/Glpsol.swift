import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one `glpsol --lp model.lp --tmlim S -o out.txt` run reported.
struct GlpsolRun {
  var seconds: Double
  /// Seconds until the first `>>>>>` (new incumbent) line of the log, as read from the pipe.
  var firstSolution: Double?
  var status: String
  var objective: Int?
  /// The bound of the last progress line (the objective when optimal).
  var bound: Int?
  var peakMiB: Double
  /// Column activities by name, from the `-o` report.
  var activities: [String: Double]
  /// The incumbent and bound of each progress line, timed as it was read.
  var trajectory: Trajectory
}

/// Runs glpsol as a child process: time and log lines are read as they come, memory comes from
/// the child's own rusage (wait4), and a watchdog kills it when reading the model alone outlasts
/// `wallLimit` (glpsol's `--tmlim` only bounds the search, not the parsing).
enum Glpsol {
  static func run(lpPath: String, outPath: String, timeLimit: Int, wallLimit: Double) throws -> GlpsolRun {
    // stdbuf makes glpsol's stdout line-buffered, so each log line is timed when it is printed.
    let argv = ["stdbuf", "-oL", "glpsol", "--lp", lpPath, "--tmlim", String(timeLimit), "-o", outPath]
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw BenchError("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    let started = now()
    guard posix_spawnp(&pid, "stdbuf", &actions, nil, cArgs, environ) == 0 else { throw BenchError("cannot start glpsol") }
    close(fds[1])

    var log = ""
    var firstSolution: Double?
    var trajectory = Trajectory()
    var partial = ""
    var buffer = [UInt8](repeating: 0, count: 65536)
    var killed = false
    while true {
      var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
      if poll(&poller, 1, 200) > 0 {
        let n = read(fds[0], &buffer, buffer.count)
        if n <= 0 { break }
        let chunk = String(decoding: buffer[0..<n], as: UTF8.self)
        log += chunk
        let read = now() - started
        if firstSolution == nil && log.contains(">>>>>") { firstSolution = read }
        // The lines this read completed; the last piece may still be growing.
        var lines = (partial + chunk).split(separator: "\n", omittingEmptySubsequences: false)
        partial = String(lines.removeLast())
        for line in lines {
          if let (objective, bound) = progress(line) { trajectory.record(seconds: read, objective: objective, bound: bound) }
        }
      }
      if !killed && now() - started > wallLimit {
        kill(pid, SIGKILL)
        killed = true
      }
    }
    close(fds[0])
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = now() - started

    let report = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    var run = GlpsolRun(
      seconds: seconds, firstSolution: firstSolution, status: killed ? "killed after \(Int(wallLimit)) s" : statusWords(log),
      objective: nil, bound: nil, peakMiB: mebibytes(usage), activities: [:], trajectory: trajectory)
    guard !killed else { return run }
    run.objective = objective(report)
    run.bound = run.status == "optimal" ? run.objective : trajectory.points.last?.bound
    run.activities = activities(report)
    run.trajectory.record(seconds: seconds, objective: run.objective, bound: run.bound)
    return run
  }

  /// `+ 2087: >>>>>   4.937500000e+04 <=   4.940500000e+04 < 0.1% (7; 0)` → (49375, 49405): the
  /// incumbent (`nil` while "not found yet") and the bound rounded down ("tree is empty": the
  /// incumbent); `nil` for any other line.
  static func progress(_ line: Substring) -> (objective: Int?, bound: Int?)? {
    guard line.hasPrefix("+"), line.contains("mip =") || line.contains(">>>>>") else { return nil }
    let sides = line.components(separatedBy: "<=")
    guard sides.count == 2 else { return nil }
    let finite = { (word: Substring?) in word.flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil } }
    let objective = finite(sides[0].split(separator: " ").last).map { Int($0.rounded()) }
    if sides[1].contains("tree is empty") { return (objective, objective) }
    let bound = finite(sides[1].split(separator: " ").first).map { Int(($0 + 1e-6).rounded(.down)) }
    return (objective, bound)
  }

  /// glpsol's closing words in SPEC §3's status vocabulary.
  static func statusWords(_ log: String) -> String {
    if log.contains("INTEGER OPTIMAL SOLUTION FOUND") { return "optimal" }
    if log.contains("TIME LIMIT EXCEEDED") { return log.contains(">>>>>") ? "feasible" : "time-limit-no-solution" }
    if log.contains("PROBLEM HAS NO") { return "infeasible" }
    return "error"
  }

  /// `Objective:  obj = -1140 (MAXimum)` → -1140 (only when the status says a solution exists).
  static func objective(_ report: String) -> Int? {
    guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
      !report.contains("INTEGER UNDEFINED"),
      let value = line.split(separator: "=").last?.split(separator: " ").first.flatMap({ Double($0) })
    else { return nil }
    return Int(value.rounded())
  }

  /// The columns section of the `-o` report: `N name` then `[*] activity lower upper`, the values
  /// on the next line when the name is long.
  static func activities(_ report: String) -> [String: Double] {
    let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
    guard let header = lines.firstIndex(where: { $0.contains("Column name") }) else { return [:] }
    var result: [String: Double] = [:]
    var i = header + 2
    while i < lines.count {
      let tokens = lines[i].split(separator: " ")
      guard tokens.count >= 2, Int(tokens[0]) != nil else { break }
      let name = String(tokens[1])
      var values = Array(tokens.dropFirst(2))
      if values.isEmpty, i + 1 < lines.count {
        i += 1
        values = lines[i].split(separator: " ")
      }
      if let activity = values.first(where: { $0 != "*" }).flatMap({ Double($0) }) { result[name] = activity }
      i += 1
    }
    return result
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
