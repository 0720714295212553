import ZoubanCheck
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// The one-call pipeline for library users and the command line: load → solve → report.
public enum Pipeline {
  /// Reads and checks a school directory (SPEC §1), with a scenario's changes when one is given.
  public static func load(_ directory: String, scenario: Scenario? = nil) -> LoadResult {
    SchoolLoader.load(directory: directory, scenario: scenario)
  }

  /// Every file of a solve's output directory, by name, in a fixed order: SPEC §3's files and
  /// the office's tables (see `Tables`), and with `xlsx` all of them as one workbook.
  ///
  /// `moves`, for a re-solve (`--previous`), adds `moves.csv` (and its sheet and a section of
  /// report.html) and appends its counts to `summary.json` (`StableResolve.Report.summaryFields`).
  public static func outputs(
    school: School, outcome: SolveOutcome, xlsx: Bool = false, moves: StableResolve.Report? = nil
  ) throws -> (files: [OutputFile], summary: Summary, analysis: Analysis) {
    let analysis = Analysis(school: school, solution: outcome.solution)
    let summary = Summary(
      analysis: analysis, status: outcome.status.rawValue, objective: outcome.objective, bound: outcome.bound,
      gap: outcome.gap, solveSeconds: outcome.seconds)
    let movesTable = moves.map { MovesTable.table($0.moves) }
    let tables = Tables.all(analysis) + (movesTable.map { [$0] } ?? [])
    var files =
      tables.map { OutputFile($0.file, text: $0.csv) }
      + [
        OutputFile("summary.json", text: StableResolve.appending(moves?.summaryFields ?? [], to: summary.json)),
        OutputFile("report.html", text: HTMLReport.render(analysis, summary: summary, moves: movesTable)),
      ]
    if xlsx { files.append(OutputFile("zouban.xlsx", data: try Workbook.data(summary: summary, tables: tables))) }
    return (files, summary, analysis)
  }

  /// Re-checks an assignment file against SPEC §2 with the independent checker.
  public static func check(school: School, assignmentsPath: String) -> (report: CheckReport?, diagnostics: [Diagnostic]) {
    let (rows, diagnostics) = AssignmentsReader.read(path: assignmentsPath)
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
    return (Checker.check(school: school, rows: rows), diagnostics)
  }
}
