import Foundation
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// A solve's output directory read back: what `zouban report` shows again without the school
/// and without solving.
public struct SolutionDirectory: Sendable {
  public let summary: Summary
  public let clubs: [ClubFill]
  /// A re-solve's counts (`solve --previous`), or `nil`.
  public let moves: MoveCounts?

  /// Reads `summary.json` (with a re-solve's counts when it has them) and `fill.csv`; problems
  /// come back as `file:line` diagnostics.
  public static func read(_ path: String) -> (directory: SolutionDirectory?, diagnostics: [Diagnostic]) {
    let summaryPath = (path as NSString).appendingPathComponent("summary.json")
    let fillPath = (path as NSString).appendingPathComponent("fill.csv")
    var diagnostics: [Diagnostic] = []
    var summary: Summary?
    var moves: MoveCounts?
    if let data = FileManager.default.contents(atPath: summaryPath) {
      do {
        summary = try JSONDecoder().decode(Summary.self, from: data)
        // Only a re-solve's summary has these keys; without them this is an ordinary solve.
        moves = try? JSONDecoder().decode(MoveCounts.self, from: data)
      } catch {
        diagnostics.append(Diagnostic(.error, file: summaryPath, line: nil, "not a summary.json that zouban solve wrote: \(describe(error))"))
      }
    } else {
      diagnostics.append(
        Diagnostic(.error, file: summaryPath, line: nil, "file not found", hint: "give the directory that `zouban solve --out` wrote"))
    }
    let columns = ["course", "course_name", "enrolled", "capacity", "fill_rate", "status"]
    let (rows, fillDiagnostics) = ResultTableReader.read(path: fillPath, required: columns)
    diagnostics += fillDiagnostics
    var clubs: [ClubFill] = []
    for row in rows {
      func c(_ key: String) -> String { row.cells[key] ?? "" }
      guard let enrolled = Int(c("enrolled")), let capacity = Int(c("capacity")), let rate = Double(c("fill_rate")) else {
        diagnostics.append(Diagnostic(.error, file: fillPath, line: row.line, "enrolled, capacity and fill_rate must be numbers"))
        continue
      }
      clubs.append(
        ClubFill(code: c("course"), name: c("course_name"), enrolled: enrolled, capacity: capacity, fillRate: rate, status: c("status")))
    }
    guard let summary, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
    return (SolutionDirectory(summary: summary, clubs: clubs, moves: moves), diagnostics)
  }

  /// A decoding error in a sentence: which key, and what was wrong with it.
  private static func describe(_ error: Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, _): return "the key \"\(key.stringValue)\" is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
    case .dataCorrupted: return "it is not valid JSON"
    default: return String(describing: error)
    }
  }
}
