import ArgumentParser
import GLPKSolver
import Zouban
import ZoubanReports

extension ZoubanCommand {
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a school and write assignments, sections, fill, unplaced, summary and report.")

    @Argument(help: "The school directory.")
    var school: String

    @Option(name: .long, help: "Directory to write the results into (created; replaced as a whole).")
    var out: String

    @Option(name: .long, help: "Seconds the solver may search before returning its best timetable.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Stop when the relative gap to the proven bound is at most this (0.001 = 0.1 %).")
    var gap: Double = 0

    @Flag(name: .long, help: "Show each stage and GLPK's own log on stderr.")
    var verbose = false

    @Flag(name: .long, help: "Name students by a stable pseudonym (学生-…) instead of their name in every output.")
    var redact = false

    @Option(name: .long, help: "Megabytes of memory GLPK may use (0: no limit); past it the solve stops with an error.")
    var memoryLimit = 0

    func validate() throws {
      guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
      guard gap >= 0 else { throw ValidationError("--gap must be zero or positive") }
      guard memoryLimit >= 0 else { throw ValidationError("--memory-limit must be zero or a positive number of megabytes") }
    }

    func run() throws {
      // Ctrl-C stops the search and writes the best timetable found; a second one exits at once.
      Interrupts.install()
      let loaded = Pipeline.load(school)
      report(loaded.diagnostics)
      guard let school = loaded.school else {
        printError("\(self.school): \(loaded.diagnostics.errorCountLine); nothing written")
        throw Exit.badInput
      }
      do {
        try OutputDirectory.checkReplaceable(out)
      } catch {
        printError("zouban: \(error.description); nothing solved")
        throw Exit.usage
      }
      let outcome: SolveOutcome
      do {
        outcome = try TimetableSolver.solve(
          school, options: SolveOptions(timeLimit: timeLimit, gap: gap, verbose: verbose, memoryLimitMB: memoryLimit))
      } catch let error as GLPKError where error.kind == .memoryLimit {
        printError("zouban: \(error) (--memory-limit \(memoryLimit) MB); raise the limit; nothing written")
        throw Exit.internalError
      } catch {
        printError("zouban: internal error: \(error); nothing written")
        throw Exit.internalError
      }
      let (files, summary) = Pipeline.outputs(school: redact ? Redaction.redacting(school) : school, outcome: outcome)
      do {
        try OutputDirectory.write(files, to: out)
      } catch {
        printError("zouban: \(error.description); nothing written")
        throw error.isForeignDirectory ? Exit.usage : Exit.internalError
      }
      print(TerminalText.summary(summary, school: school, outputDirectory: out), terminator: "")
      if Interrupts.requested {
        printError("zouban: interrupted; wrote the best timetable found so far (\(outcome.status.rawValue))")
        throw Exit.interrupted
      }
      switch outcome.status {
      case .feasible where summary.electivesPlaced == 0 && summary.electivesAsked > 0:
        printError(
          "zouban: the time limit (\(timeLimit) s) ran out before any club could be filled, so this timetable opens nothing; try a longer --time-limit"
        )
      case .optimal, .feasible: return
      case .infeasible:
        for line in outcome.conflicts { printError(line) }
        throw Exit.infeasible
      case .timeLimitNoSolution:
        printError("zouban: the time limit (\(timeLimit) s) ran out before any timetable was found; try a longer --time-limit")
        throw Exit.timeLimitNoSolution
      }
    }
  }
}
