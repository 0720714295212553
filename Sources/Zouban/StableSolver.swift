import Foundation
import GLPKSolver
import MIPModel
import ZoubanFormulation
import ZoubanModel

/// The re-solve that keeps students where they were (`zouban solve --previous`).
///
/// The models maximise SPEC §2's objective plus a keep bonus (see `Formulation+Stability.swift`),
/// so GLPK's own bound is not a bound on the school's objective. The honest figures come from
/// elsewhere: small schools also solve the plain direct model (from the stable timetable, so it
/// starts where the re-solve ended) for a proven bound; the decomposition has its stage 1 bound.
/// `objective` is always SPEC §2's objective of the timetable written, and `status` is `optimal`
/// only when that meets the proven bound.
extension TimetableSolver {
  static func solveStable(_ school: School, stability: Stability, options: SolveOptions) throws -> SolveOutcome {
    let columns = Formulation.columnCount(school: school)
    let small = columns <= directModelLimit
    let decomposable = school.week.slots.count <= 64
    if options.method == .direct || (options.method == .automatic && small) || !decomposable {
      return try stableDirect(school, stability: stability, options: options)
    }
    let started = Date()
    let decomposed = try solveDecomposed(school, options: options, stability: stability)
    let left = options.timeLimit - Date().timeIntervalSince(started)
    guard options.method == .automatic, decomposed.stableValue != nil, left > 1, columns <= polishLimit,
      !Interrupts.requested
    else {
      return decomposed
    }
    let direct = Formulation(school: school, stability: stability)
    guard let warm = direct.values(of: decomposed.solution) else { return decomposed }
    let result = try glpk(options, timeLimit: left, watch: (incumbent: false, bound: false)).solve(direct.model, warmStart: warm)
    guard result.status == .optimal || result.status == .feasible else { return decomposed }
    var polished = stableOutcome(result, direct, bound: decomposed.bound, seconds: Date().timeIntervalSince(started))
    log(options, "polish (stable direct model): value \(polished.objective ?? 0), with keep bonus \(polished.stableValue ?? 0)")
    guard (polished.stableValue ?? Int.min) > (decomposed.stableValue ?? Int.min) else {
      var kept = decomposed
      kept.seconds = polished.seconds
      return kept
    }
    polished.seconds = Date().timeIntervalSince(started)
    return polished
  }

  /// Small schools: the stable direct model with two thirds of the time, then the plain direct
  /// model for the bound with the rest.
  static func stableDirect(_ school: School, stability: Stability, options: SolveOptions) throws -> SolveOutcome {
    let started = Date()
    let formulation = Formulation(school: school, stability: stability)
    let start = formulation.previousStart() ?? feasibleZeros(formulation.model)
    let result = try glpk(options, timeLimit: options.timeLimit * 2 / 3, watch: (incumbent: false, bound: false))
      .solve(formulation.model, warmStart: start)
    log(options, "re-solve (stable direct model): \(result.status.rawValue), \(formulation.model.variables.count) columns, \(seconds(result.seconds))")
    let found = result.status == .optimal || result.status == .feasible
    let plain = Formulation(school: school)
    let plainStart = (found ? plain.values(of: formulation.solution(from: result.values)) : nil) ?? emptyStart(school, plain.model)
    let left = (options.deadline ?? Deadline(seconds: options.timeLimit - Date().timeIntervalSince(started))).remaining
    let boundSolve = try glpk(options, timeLimit: left, watch: (incumbent: false, bound: true)).solve(plain.model, warmStart: plainStart)
    let bound = integerBound(boundSolve.bound)
    log(options, "bound (plain direct model): \(boundSolve.status.rawValue), bound \(bound ?? 0), \(seconds(boundSolve.seconds))")
    let elapsed = Date().timeIntervalSince(started)
    switch result.status {
    case .optimal, .feasible:
      let outcome = stableOutcome(result, formulation, bound: bound, seconds: elapsed)
      options.progress?.record(objective: outcome.objective, bound: outcome.bound)
      return outcome
    case .infeasible where stability.maxMoves != nil && !boundSolve.values.isEmpty:
      return moveLimitOutcome(bound: bound, seconds: elapsed)
    case .noSolution where stability.maxMoves == nil && !boundSolve.values.isEmpty:
      // The re-solve found nothing in its time, the plain model did: any timetable keeps the rules.
      let solution = plain.solution(from: boundSolve.values)
      let objective = plain.objective(of: boundSolve.values)
      return SolveOutcome(
        status: objective == bound ? .optimal : .feasible, solution: solution, objective: objective,
        bound: bound.map { max($0, objective) }, seconds: elapsed, conflicts: [],
        stableValue: formulation.values(of: solution).map { formulation.stableValue(of: $0) })
    case .infeasible, .noSolution:
      // No timetable at all (fixed.csv) or none in time: the plain model's answer says which.
      var outcome = try outcome(boundSolve, bound: bound, school: school, options: options) { _ in .empty }
      if outcome.status != .infeasible {
        outcome = SolveOutcome(
          status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: elapsed, conflicts: [])
      }
      outcome.seconds = elapsed
      return outcome
    }
  }

  /// The decomposition's stage 3 of a re-solve: the placed sections and every previous
  /// (course, slot), from the previous timetable as far as it holds.
  static func stableStage3(
    _ school: School, plan: CoursePlan, sections: [Section], stability: Stability, bound: Int?, options: SolveOptions, started: Date
  ) throws -> SolveOutcome {
    let stage3 = stage3Formulation(school, plan: plan, sections: sections, stability: stability)
    let deadline = options.deadline ?? Deadline(seconds: options.timeLimit)
    let remaining = { deadline.remaining }
    let start = stage3.previousStart() ?? feasibleZeros(stage3.model)
    let third = try glpk(options, timeLimit: remaining(), watch: (incumbent: false, bound: false)).solve(stage3.model, warmStart: start)
    log(options, "stage 3 (re-solve, keep bonus \(stability.keepBonus)): \(third.status.rawValue), \(stage3.model.variables.count) columns, \(seconds(third.seconds))")
    switch third.status {
    case .optimal, .feasible:
      let outcome = stableOutcome(third, stage3, bound: bound, seconds: Date().timeIntervalSince(started))
      options.progress?.record(objective: outcome.objective, bound: outcome.bound)
      return outcome
    case .noSolution:
      return SolveOutcome(
        status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: Date().timeIntervalSince(started),
        conflicts: [])
    case .infeasible:
      if stability.maxMoves != nil {
        // Within the limit, or at all? The same stage 3 without it says.
        // Any timetable settles it: stop at the first (a gap no search can miss).
        var first = options
        first.gap = 1e9
        let loose = withoutMoveLimit(stage3.model)
        let relaxed = try glpk(first, timeLimit: remaining(), watch: (incumbent: false, bound: false))
          .solve(loose, warmStart: feasibleZeros(loose))
        if relaxed.status != .infeasible {
          return moveLimitOutcome(bound: bound, seconds: Date().timeIntervalSince(started))
        }
      }
      // The placement cannot honour fixed.csv: the whole model decides with the time left.
      var direct = options
      direct.timeLimit = remaining()
      var outcome = try stableDirect(school, stability: stability, options: direct)
      outcome.seconds = Date().timeIntervalSince(started)
      return outcome
    }
  }

  /// A re-solve's answer: SPEC §2's objective of the timetable against a proven bound on it.
  static func stableOutcome(_ result: MIPResult, _ formulation: Formulation, bound: Int?, seconds: Double) -> SolveOutcome {
    let objective = formulation.objective(of: result.values)
    let proven = objective == bound
    return SolveOutcome(
      status: proven ? .optimal : .feasible, solution: formulation.solution(from: result.values), objective: objective,
      bound: bound.map { max($0, objective) }, seconds: seconds, conflicts: [], stableValue: formulation.stableValue(of: result.values))
  }

  private static func moveLimitOutcome(bound: Int?, seconds: Double) -> SolveOutcome {
    SolveOutcome(
      status: .infeasible, solution: .empty, objective: nil, bound: nil, seconds: seconds, conflicts: [], moveLimitUnmet: true)
  }

  /// All zeros (open nothing, keep nobody) when that breaks no row, as a start GLPK can always take.
  private static func feasibleZeros(_ model: MIPModel) -> [Double]? {
    let zeros = [Double](repeating: 0, count: model.variables.count)
    return model.violatedRows(zeros).isEmpty ? zeros : nil
  }

  /// The same model without its `moves` row.
  private static func withoutMoveLimit(_ model: MIPModel) -> MIPModel {
    var copy = MIPModel(name: model.name, sense: model.sense)
    for v in model.variables {
      _ = copy.addVariable(v.name, kind: v.kind, lower: v.lower, upper: v.upper, objective: v.objective)
    }
    for row in model.rows where row.name != "moves" {
      copy.addRow(row.name, row.terms, lower: row.lower, upper: row.upper)
    }
    copy.objectiveConstant = model.objectiveConstant
    return copy
  }
}
