import TestSupport
import Testing
@testable import Zouban
import ZoubanCheck
import ZoubanFormulation
import ZoubanModel

/// The solver's answers, checked by two independent opinions: exhaustive enumeration gives the
/// optimum of each small school, and the checker re-derives every rule and the objective.
@Suite struct SolverAgainstBruteForceTests {
  static let seeds: [UInt64] = Array(1...300)

  @Test(arguments: seeds) func glpkOptimumEqualsBruteForce(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    let outcome = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30))
    guard let expected = BruteForce.optimum(school) else {
      #expect(outcome.status == .infeasible, "seed \(seed): brute force finds no timetable")
      #expect(!outcome.conflicts.isEmpty)
      return
    }
    #expect(outcome.status == .optimal, "seed \(seed)")
    #expect(outcome.objective == expected.objective, "seed \(seed)")
    #expect(outcome.bound == expected.objective, "seed \(seed)")
    let check = Checker.check(school: school, rows: outcome.solution.assignmentRows)
    #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
    #expect(check.objective == outcome.objective, "seed \(seed)")
  }

  @Test func theGeneratedSchoolsExerciseEveryFeature() {
    var sawFixed = false, sawPriority = false, sawAcceptAny = false, sawParallel = false, sawInfeasible = false
    for seed in Self.seeds {
      var generator = SmallSchoolGenerator(seed: seed)
      let school = generator.next()
      sawFixed = sawFixed || !school.fixed.isEmpty
      sawPriority = sawPriority || school.students.contains(where: \.isPriority)
      sawAcceptAny = sawAcceptAny || school.students.contains(where: \.acceptAny)
      sawParallel = sawParallel || (BruteForce.optimum(school)?.solution.sections.contains { $0.parallelIndex > 1 } ?? false)
      sawInfeasible = sawInfeasible || BruteForce.optimum(school) == nil
    }
    #expect(sawFixed && sawPriority && sawAcceptAny && sawParallel && sawInfeasible)
  }
}

/// The decomposition on the same small schools: never better than the optimum (its timetables
/// are real), never a bound below it (its bound is proven), and every timetable passes the checker.
@Suite struct DecompositionAgainstBruteForceTests {
  @Test(arguments: SolverAgainstBruteForceTests.seeds) func boundAndTimetableAreHonest(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    let outcome = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30, method: .decomposition))
    guard let expected = BruteForce.optimum(school) else {
      #expect(outcome.status == .infeasible, "seed \(seed)")
      #expect(outcome.conflicts.count >= 2, "seed \(seed): a header and at least one fixed.csv row")
      return
    }
    #expect(outcome.status == .optimal || outcome.status == .feasible, "seed \(seed)")
    let objective = try #require(outcome.objective, "seed \(seed)")
    let bound = try #require(outcome.bound, "seed \(seed)")
    #expect(objective <= expected.objective && expected.objective <= bound, "seed \(seed): \(objective) ≤ \(expected.objective) ≤ \(bound)")
    if outcome.status == .optimal { #expect(objective == expected.objective, "seed \(seed)") }
    let check = Checker.check(school: school, rows: outcome.solution.assignmentRows)
    #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
    #expect(check.objective == objective, "seed \(seed)")
  }
}

/// A small school starts with the decomposition; where that stops short of a proof, the direct
/// model goes on from its timetable and under its bound (`TimetableSolver.finishDirect`). The
/// schools: `ClashBoundTests`' crowded ones, where clashes make the decomposition stop short.
@Suite struct DirectAfterDecompositionTests {
  static let seeds = Array(UInt64(1)...300)

  /// From the decomposition's timetable, the direct model proves the brute-force optimum; its
  /// timetable passes the checker and its bound is never below the optimum.
  @Test(arguments: seeds) func itProvesTheOptimumFromTheDecomposition(seed: UInt64) throws {
    let school = ClashBoundTests.schools(seed: seed)[2]
    guard let optimum = BruteForce.optimum(school)?.objective else { return }
    let decomposed = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30, method: .decomposition))
    let start = try #require(decomposed.objective, "seed \(seed)")
    let finished = try TimetableSolver.finishDirect(school, from: decomposed, options: SolveOptions(), timeLimit: 30)
    try expectHonest(finished, school: school, optimum: optimum, atLeast: start, seed: seed)
    #expect(
      finished.status == .optimal && finished.objective == optimum,
      "seed \(seed): \(finished.status) \(finished.objective ?? 0) / \(finished.bound ?? 0), optimum \(optimum), from \(start) / \(decomposed.bound ?? 0)")
  }

  /// Not vacuous: on some of these schools the decomposition alone proves nothing.
  @Test func someDecompositionsStopShort() throws {
    let short = try Self.seeds.map { ClashBoundTests.schools(seed: $0)[2] }.filter { school in
      guard BruteForce.optimum(school) != nil else { return false }
      return try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30, method: .decomposition)).status != .optimal
    }
    #expect(short.count >= 5, "\(short.count) of \(Self.seeds.count)")
  }
}
