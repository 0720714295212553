import ArgumentParser
import GLPKSolver
import Zouban
import ZoubanFormulation
import ZoubanModel
import ZoubanReports

extension ZoubanCommand {
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a school and write assignments, sections, fill, unplaced, summary and report.")

    @Argument(help: "The school directory.")
    var school: String

    @Option(name: .long, help: "Directory to write the results into (created; replaced as a whole).")
    var out: String

    @Option(name: .long, help: "A what-if scenario (.toml, see Catalogs/README.md) applied to the school before solving.")
    var scenario: String?

    @Option(name: .long, help: "Seconds the solver may search before returning its best timetable.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Stop when the relative gap to the proven bound is at most this (0.001 = 0.1 %).")
    var gap: Double = 0

    @Flag(name: .long, help: "Show each stage and GLPK's own log on stderr.")
    var verbose = false

    @Flag(name: .long, help: "Name students by a stable pseudonym (学生-…) instead of their name in every output.")
    var redact = false

    @Flag(name: .long, help: "Also write zouban.xlsx: every table as a sheet of one Excel/WPS workbook.")
    var xlsx = false

    @Option(name: .long, help: "Language of the summary: zh-CN (default) or en.")
    var lang: LanguageOption = LanguageOption(.zh)

    @Option(name: .long, help: "Megabytes of memory GLPK may use (0: no limit); past it the solve stops with an error.")
    var memoryLimit = 0

    @Option(name: .long, help: "A previous assignments.csv (or .xlsx): keep students where they were unless moving them is needed or gains more than --keep-bonus; writes moves.csv.")
    var previous: String?

    @Option(name: .long, help: "With --previous: objective points a student who stays is worth (default: the school's first-choice utility).")
    var keepBonus: Int?

    @Option(name: .long, help: "With --previous: at most this many students move whose old placements are all still possible.")
    var maxMoves: Int?

    func validate() throws {
      guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
      guard gap >= 0 else { throw ValidationError("--gap must be zero or positive") }
      guard memoryLimit >= 0 else { throw ValidationError("--memory-limit must be zero or a positive number of megabytes") }
      if previous == nil, keepBonus != nil || maxMoves != nil {
        throw ValidationError("--\(maxMoves != nil ? "max-moves" : "keep-bonus") needs --previous (the assignments.csv to keep students in)")
      }
      guard (maxMoves ?? 0) >= 0 else { throw ValidationError("--max-moves must be zero or a positive number of students") }
      guard (keepBonus ?? 0) >= 0 else { throw ValidationError("--keep-bonus must be zero or a positive number of objective points") }
    }

    func run() throws {
      // Ctrl-C stops the search and writes the best timetable found; a second one exits at once.
      Interrupts.install()
      let school = try loadSchool(self.school, scenario: scenario)
      let stability = try readPrevious(school)
      do {
        try OutputDirectory.checkReplaceable(out)
      } catch {
        printError("zouban: \(error.description); nothing solved")
        throw Exit.usage
      }
      let outcome: SolveOutcome
      let progress = SolveProgress()
      // --verbose writes the stages' own log to stderr; a redrawn line would garble it.
      let line = verbose ? nil : ProgressLine.start(progress, language: lang.language)
      defer { line?.stop() }
      do {
        outcome = try TimetableSolver.solve(
          school,
          options: {
            var options = SolveOptions(
              timeLimit: timeLimit, gap: gap, verbose: verbose, memoryLimitMB: memoryLimit, progress: progress)
            options.stability = stability
            return options
          }())
        line?.stop()
      } catch let error as GLPKError where error.kind == .memoryLimit {
        printError("zouban: \(error) (--memory-limit \(memoryLimit) MB); raise the limit; nothing written")
        throw Exit.internalError
      } catch {
        printError("zouban: internal error: \(error); nothing written")
        throw Exit.internalError
      }
      if outcome.moveLimitUnmet, let maxMoves {
        printError(
          "zouban: no timetable moves at most \(maxMoves) student\(maxMoves == 1 ? "" : "s") whose old placements are all still possible; raise --max-moves, or leave it out to see who would move; nothing written"
        )
        throw Exit.infeasible
      }
      let shown = redact ? Redaction.redacting(school) : school
      let moves = stability.map { StableResolve.report(school: shown, solution: outcome.solution, stability: $0) }
      let (files, summary, analysis): ([OutputFile], Summary, Analysis)
      do {
        (files, summary, analysis) = try Pipeline.outputs(school: shown, outcome: outcome, xlsx: xlsx, moves: moves)
      } catch {
        printError("zouban: internal error: cannot build zouban.xlsx: \(error); nothing written")
        throw Exit.internalError
      }
      do {
        try OutputDirectory.write(files, to: out)
      } catch {
        printError("zouban: \(error.description); nothing written")
        throw error.isForeignDirectory ? Exit.usage : Exit.internalError
      }
      print(
        TerminalText.summary(
          summary, clubs: analysis.fill.map(ClubFill.init), moves: moves?.counts, language: lang.language,
          color: Terminal.stdoutIsColour),
        terminator: "")
      print(lang.language == .zh ? "已写入   \(out)/" : "wrote    \(out)/")
      if let moves, outcome.status == .optimal || outcome.status == .feasible { printError("zouban: \(moves.line) (\(out)/moves.csv)") }
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

extension ZoubanCommand.Solve {
  /// `--previous`: the timetable to keep students in, with `--keep-bonus` and `--max-moves`.
  /// A broken row is bad input (exit 65, nothing solved); rows naming students, courses or slots
  /// the school no longer has are only counted, in one warning line.
  func readPrevious(_ school: School) throws -> Stability? {
    guard let previous else { return nil }
    let (timetable, gone, diagnostics) = StableResolve.readPrevious(path: previous, school: school)
    report(diagnostics)
    guard let timetable else {
      printError("\(previous): \(diagnostics.errorCountLine); nothing written")
      throw Exit.badInput
    }
    var notes: [String] = []
    if gone.students > 0 {
      notes.append("\(gone.studentRows) row\(gone.studentRows == 1 ? "" : "s") of \(gone.students) student\(gone.students == 1 ? "" : "s") no longer in students.csv (left)")
    }
    if gone.courseRows > 0 { notes.append("\(gone.courseRows) row\(gone.courseRows == 1 ? "" : "s") naming courses no longer in courses.csv") }
    if gone.slotRows > 0 { notes.append("\(gone.slotRows) row\(gone.slotRows == 1 ? "" : "s") naming slots no longer in the week") }
    if !notes.isEmpty { printError("\(previous): warning: \(notes.joined(separator: "; ")); those placements are gone") }
    return Stability(previous: timetable, keepBonus: keepBonus ?? Stability.defaultKeepBonus(school), maxMoves: maxMoves)
  }
}
