import ArgumentParser

/// `zouban`: builds a school's after-school elective timetable (走班) with GLPK.
@main
struct ZoubanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zouban",
    abstract: "Build the after-school elective timetable (走班课表) of a school with GLPK.",
    subcommands: [Validate.self, Solve.self, Report.self, Compare.self, Sweep.self, Suggest.self, Check.self, ExportModel.self, Generate.self])
}

/// SPEC §4's exit codes.
enum Exit {
  static let infeasible = ExitCode(3)
  static let timeLimitNoSolution = ExitCode(4)
  static let usage = ExitCode(64)
  static let badInput = ExitCode(65)
  static let internalError = ExitCode(70)
  /// Stopped by Ctrl-C or SIGTERM (128 + SIGINT), as shells report it.
  static let interrupted = ExitCode(130)
}
