import Foundation
import GLPKSolver
import MIPModel
import ZoubanFormulation
import ZoubanModel

/// Solves a school: formulates SPEC §2, hands it to GLPK, and reads the answer back honestly.
public enum TimetableSolver {
  /// Solves `school`. Throws only when GLPK itself fails; infeasibility and time limits are outcomes.
  public static func solve(_ school: School, options: SolveOptions = SolveOptions()) throws -> SolveOutcome {
    let formulation = Formulation(school: school)
    var glpk = GLPKSolver.Options()
    glpk.timeLimit = options.timeLimit
    glpk.gap = options.gap
    glpk.verbose = options.verbose
    // Without fixed rows, opening nothing is feasible: hand GLPK that point so that even a search
    // stopped early has a timetable to return.
    let warm = school.fixed.isEmpty ? [Double](repeating: 0, count: formulation.model.variables.count) : nil
    let result = try GLPKSolver(options: glpk).solve(formulation.model, warmStart: warm)
    let objective = result.objective.map { Int($0.rounded()) }
    // The objective is an integer, so any bound can be rounded down.
    let bound = result.bound.map { Int(($0 + 1e-6).rounded(.down)) }
    switch result.status {
    case .infeasible:
      let conflicts = ConflictExplainer(school: school, timeLimit: options.timeLimit).explain()
      return SolveOutcome(
        status: .infeasible, solution: .empty, objective: nil, bound: nil, seconds: result.seconds,
        conflicts: conflicts)
    case .noSolution:
      return SolveOutcome(
        status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: result.seconds,
        conflicts: [])
    case .optimal, .feasible:
      let proven = result.status == .optimal || (objective != nil && objective == bound)
      return SolveOutcome(
        status: proven ? .optimal : .feasible, solution: formulation.solution(from: result.values),
        objective: objective, bound: proven ? objective : bound, seconds: result.seconds, conflicts: [])
    }
  }
}
