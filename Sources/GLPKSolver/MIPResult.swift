import CGLPKShims
import MIPModel

/// What a solve gave back, read on separate axes as JuMP does: how the search ended, whether a
/// solution exists, its value, and the proven bound.
public struct MIPResult: Sendable {
  public enum Status: String, Sendable {
    /// GLPK proved the solution optimal (or the bound meets it).
    case optimal
    /// A solution, not proven optimal: stopped by the time limit, the gap or an interrupt.
    case feasible
    /// No solution exists.
    case infeasible
    /// Stopped before any solution was found.
    case noSolution
  }

  public private(set) var status: Status
  /// The objective of `values`, constant included; `nil` without a solution.
  public private(set) var objective: Double?
  /// A proven bound on the optimum (upper for maximisation).
  public let bound: Double?
  /// One value per model variable; empty without a solution.
  public private(set) var values: [Double]
  public let seconds: Double
  public let firstSolutionSeconds: Double?
  public let warmStartAccepted: Bool
  /// GLPK's last terminal lines.
  public let log: String

  /// This answer with `point`, a feasible solution the caller vouches for, as its solution.
  func falling(back point: [Double], model: MIPModel) -> MIPResult {
    var result = self
    result.status = .feasible
    result.values = point
    result.objective = model.objectiveValue(point)
    return result
  }

  /// The answer for a model without variables: its constant, unless an (empty) row cannot hold.
  init(emptyModel model: MIPModel) {
    let feasible = model.violatedRows([]).isEmpty
    status = feasible ? .optimal : .infeasible
    objective = feasible ? model.objectiveConstant : nil
    bound = objective
    values = []
    seconds = 0
    firstSolutionSeconds = feasible ? 0 : nil
    warmStartAccepted = false
    log = ""
  }

  init(model: MIPModel, raw: zouban_result, values: [Double], log: String) {
    let hasSolution = raw.has_solution != 0
    let objective = hasSolution ? raw.objective : nil
    var bound = raw.has_bound != 0 ? raw.bound : model.trivialBound
    if let b = bound, let t = model.trivialBound {
      bound = model.sense == .maximize ? min(b, t) : max(b, t)
    }
    let finished = raw.run == ZOUBAN_RUN_FINISHED && raw.proven_optimal != 0
    if let objective, finished { bound = objective }
    if let objective, let b = bound {
      // A node bound can sit a hair on the wrong side of the incumbent by rounding.
      bound = model.sense == .maximize ? max(b, objective) : min(b, objective)
    }
    if raw.run == ZOUBAN_RUN_INFEASIBLE {
      status = .infeasible
    } else if !hasSolution {
      status = .noSolution
    } else if finished {
      status = .optimal
    } else {
      status = .feasible
    }
    self.objective = objective
    self.bound = status == .infeasible ? nil : bound
    self.values = hasSolution ? values : []
    self.seconds = raw.seconds
    self.firstSolutionSeconds = raw.first_solution_seconds >= 0 ? raw.first_solution_seconds : nil
    self.warmStartAccepted = raw.warm_start_accepted != 0
    self.log = log
  }
}
