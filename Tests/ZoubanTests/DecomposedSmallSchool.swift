import TestSupport
import Testing
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
