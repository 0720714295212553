import GLPKSolver
import MIPModel
import TestSupport
import Testing
import ZoubanCheck
import ZoubanFormulation

/// The direct model with students continuous (`sectionsOnlyModel`), as the neighbourhood search
/// uses it, against brute force: its optimum is never below the school's (it is a relaxation),
/// and its sections, assigned exactly (`fixingSections(as:)`), give a real timetable.
@Suite struct SectionsOnlyModelTests {
  static let seeds = Array(UInt64(1)...100)

  @Test(arguments: seeds) func itBoundsTheOptimumAndItsSectionsMakeATimetable(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    let optimum = BruteForce.optimum(school)
    let direct = Formulation(school: school)
    let relaxed = try GLPKSolver().solve(direct.sectionsOnlyModel)
    guard let optimum else {
      #expect(relaxed.status == .infeasible || relaxed.objective != nil, "seed \(seed)")
      return
    }
    let value = try #require(relaxed.objective, "seed \(seed)")
    #expect(value >= Double(optimum.objective) - 1e-6, "seed \(seed): \(value) < \(optimum.objective)")
    // Only the section columns stayed integer.
    #expect(direct.sectionsOnlyModel.variables.filter { $0.kind != .continuous }.allSatisfy { !$0.name.hasPrefix("x[") })

    let fixed = direct.fixingSections(as: relaxed.values)
    let whole = direct.placesStudentsWhole(relaxed.values)
    let exact = try GLPKSolver().solve(fixed, warmStart: whole ? relaxed.values : nil)
    let objective = try #require(exact.objective, "seed \(seed)")
    let timetable = direct.solution(from: exact.values)
    let check = Checker.check(school: school, rows: timetable.assignmentRows)
    #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
    #expect(check.objective == Int(objective.rounded()), "seed \(seed)")
    #expect(check.objective <= optimum.objective && Double(check.objective) <= value + 1e-6, "seed \(seed)")
    // The exact step keeps the relaxation's sections: none opens that it did not choose.
    let chosen = Set(direct.solution(from: relaxed.values).sections.map(\.id))
    #expect(Set(timetable.sections.map(\.id)).isSubset(of: chosen), "seed \(seed)")
    // A whole relaxed answer is a timetable of its own, worth what the relaxation says.
    if whole { #expect(Int(value.rounded()) == check.objective, "seed \(seed)") }
  }

  /// Not vacuous: on most small schools the relaxation's sections are an optimal timetable
  /// (what makes the neighbourhood search's two steps lose little), but it is a relaxation.
  @Test func itIsUsuallyExact() throws {
    var (schools, exact) = (0, 0)
    for seed in Self.seeds {
      var generator = SmallSchoolGenerator(seed: seed)
      let school = generator.next()
      guard let optimum = BruteForce.optimum(school) else { continue }
      let direct = Formulation(school: school)
      let relaxed = try GLPKSolver().solve(direct.sectionsOnlyModel)
      schools += 1
      if relaxed.objective.map({ Int($0.rounded()) }) == optimum.objective { exact += 1 }
    }
    #expect(schools >= 50, "\(schools)")
    #expect(exact * 10 >= schools * 8, "\(exact) of \(schools)")
  }

  /// `placesStudentsWhole` tells a timetable from a fractional point.
  @Test func wholeMeansEveryStudentColumnIsZeroOrOne() throws {
    var generator = SmallSchoolGenerator(seed: 7)
    let school = generator.next()
    let direct = Formulation(school: school)
    let optimum = try #require(BruteForce.optimum(school))
    var values = try #require(direct.values(of: optimum.solution))
    #expect(direct.placesStudentsWhole(values))
    let x = try #require(direct.model.variables.firstIndex { $0.name.hasPrefix("x[") })
    values[x] = 0.5
    #expect(!direct.placesStudentsWhole(values))
  }
}
