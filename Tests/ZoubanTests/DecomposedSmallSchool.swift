import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

@testable import Zouban

/// A brute-forced small school with the decomposition's answer on it: where `solve` starts the
/// neighbourhood search and the polish from.
struct DecomposedSmallSchool {
  let school: School
  let optimum: Int
  let decomposed: SolveOutcome
  /// The decomposition's objective.
  let start: Int

  /// `nil` when the school has no timetable at all.
  init?(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    school = generator.next()
    guard let optimum = BruteForce.optimum(school) else { return nil }
    self.optimum = optimum.objective
    decomposed = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30, method: .decomposition))
    start = try #require(decomposed.objective, "seed \(seed)")
  }
}

/// What every step after the decomposition must keep: its bound is never below the optimum, its
/// timetable passes the checker, never loses against `start` nor beats the optimum, and it says
/// optimal exactly when its objective meets its bound.
func expectHonest(_ outcome: SolveOutcome, school: School, optimum: Int, atLeast start: Int, seed: UInt64) throws {
  let bound = try #require(outcome.bound, "seed \(seed)")
  #expect(bound >= optimum, "seed \(seed): bound \(bound) below the optimum \(optimum)")
  guard let objective = outcome.objective else { return }
  let check = Checker.check(school: school, rows: outcome.solution.assignmentRows)
  #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
  #expect(check.objective == objective, "seed \(seed)")
  #expect(start <= objective && objective <= optimum, "seed \(seed)")
  #expect((outcome.status == .optimal) == (objective == bound), "seed \(seed)")
}
