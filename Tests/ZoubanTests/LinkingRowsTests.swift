import GLPKSolver
import TestSupport
import Testing
import ZoubanFormulation

/// The linking rows (`y ≤ n`, `x ≤ Σ room`) only tighten the LP: with or without them, both
/// models have the same integer optimum, and the direct one still equals brute force.
@Suite struct LinkingRowsTests {
  @Test(arguments: Array(UInt64(1)...120)) func linkingRowsDoNotChangeTheOptimum(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    let solver = GLPKSolver()
    let courseLevel = try solver.solve(CourseLevelModel(school: school).model)
    let looseCourseLevel = try solver.solve(CourseLevelModel(school: school, linking: false).model)
    #expect(courseLevel.status == looseCourseLevel.status, "seed \(seed)")
    #expect(courseLevel.objective?.rounded() == looseCourseLevel.objective?.rounded(), "seed \(seed)")
    let looseDirect = try solver.solve(Formulation(school: school, linking: false).model)
    #expect(looseDirect.objective.map { Int($0.rounded()) } == BruteForce.optimum(school)?.objective, "seed \(seed)")
  }
}
