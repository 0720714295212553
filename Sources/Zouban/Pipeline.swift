import ZoubanCheck
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// The one-call pipeline for library users and the command line: load → solve → report.
public enum Pipeline {
  /// Reads and checks a school directory (SPEC §1).
  public static func load(_ directory: String) -> LoadResult {
    SchoolLoader.load(directory: directory)
  }

  /// Every file of SPEC §3 for a solve's outcome, by name, in a fixed order.
  public static func outputs(school: School, outcome: SolveOutcome) -> (files: [(name: String, contents: String)], summary: Summary) {
    let analysis = Analysis(school: school, solution: outcome.solution)
    let summary = Summary(
      analysis: analysis, status: outcome.status.rawValue, objective: outcome.objective, bound: outcome.bound,
      gap: outcome.gap, solveSeconds: outcome.seconds)
    func csv(_ table: (header: [String], rows: [[String]])) -> String {
      CSVWriter.write(header: table.header, rows: table.rows)
    }
    let files = [
      ("assignments.csv", csv(Tables.assignments(analysis))),
      ("sections.csv", csv(Tables.sections(analysis))),
      ("fill.csv", csv(Tables.fill(analysis))),
      ("unplaced.csv", csv(Tables.unplaced(analysis))),
      ("summary.json", summary.json(school: school)),
      ("report.html", HTMLReport.render(analysis, summary: summary)),
    ]
    return (files, summary)
  }

  /// Re-checks an assignment file against SPEC §2 with the independent checker.
  public static func check(school: School, assignmentsPath: String) -> (report: CheckReport?, diagnostics: [Diagnostic]) {
    let (rows, diagnostics) = AssignmentsReader.read(path: assignmentsPath)
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
    return (Checker.check(school: school, rows: rows), diagnostics)
  }
}
