import Foundation
import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

@testable import Zouban

/// The last step of a small school's solve (`TimetableSolver.polish`: the whole model with
/// students continuous, then its sections assigned exactly), against brute force: its timetable
/// passes the checker and never loses, its bound is never below the optimum, and it says
/// optimal only with the proof.
@Suite struct PolishTests {
  static let seeds = Array(UInt64(1)...100)

  @Test(arguments: seeds) func fromTheDecompositionItStaysHonest(seed: UInt64) throws {
    guard let small = try DecomposedSmallSchool(seed: seed) else { return }
    let polished = try #require(try TimetableSolver.polish(small.school, from: small.decomposed, options: SolveOptions(), timeLimit: 30))
    try expectHonest(polished, school: small.school, optimum: small.optimum, atLeast: small.start, seed: seed)
  }

  /// From the empty timetable it must find the optimum itself, and prove it.
  @Test(arguments: seeds) func fromNothingItReachesAndProvesTheOptimum(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    guard school.fixed.isEmpty, let optimum = BruteForce.optimum(school) else { return }
    let start = Checker.check(school: school, rows: Solution.empty.assignmentRows).objective
    let empty = SolveOutcome(status: .feasible, solution: .empty, objective: start, bound: nil, seconds: 0, conflicts: [])
    let polished = try #require(try TimetableSolver.polish(school, from: empty, options: SolveOptions(), timeLimit: 30))
    try expectHonest(polished, school: school, optimum: optimum.objective, atLeast: start, seed: seed)
    #expect(polished.objective == optimum.objective && polished.status == .optimal, "seed \(seed)")
  }
}
