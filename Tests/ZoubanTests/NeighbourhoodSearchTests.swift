import Foundation
import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

@testable import Zouban

/// The neighbourhood search that improves a decomposition's timetable on small schools, judged
/// by brute force and the independent checker: starting from the empty timetable, it must build
/// real timetables, never lose, never pass the optimum, and mostly reach it.
@Suite struct NeighbourhoodSearchTests {
  static let seeds: [UInt64] = Array(1...100)

  /// The empty timetable's objective (every elective unplaced), by the checker.
  private func emptyObjective(_ school: School) -> Int {
    Checker.check(school: school, rows: Solution.empty.assignmentRows).objective
  }

  @Test(arguments: seeds) func fromNothingItBuildsRealTimetablesUpToTheOptimum(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    guard school.fixed.isEmpty, let optimum = BruteForce.optimum(school) else { return }
    let start = emptyObjective(school)
    let result = try NeighbourhoodSearch.improve(
      school, timetable: .empty, objective: start, bound: optimum.objective, options: SolveOptions(),
      deadline: Date().addingTimeInterval(30))
    let check = Checker.check(school: school, rows: result.solution.assignmentRows)
    #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
    #expect(check.objective == result.objective, "seed \(seed)")
    #expect(start <= result.objective && result.objective <= optimum.objective, "seed \(seed)")
  }

  /// From the decomposition's own timetable, as `solve` uses it, including schools with fixed.csv
  /// rows (which the empty timetable would break).
  @Test(arguments: seeds) func fromTheDecompositionItStaysHonest(seed: UInt64) throws {
    guard let small = try DecomposedSmallSchool(seed: seed) else { return }
    let result = try NeighbourhoodSearch.improve(
      small.school, timetable: small.decomposed.solution, objective: small.start, bound: small.decomposed.bound,
      options: SolveOptions(), deadline: Date().addingTimeInterval(30))
    let check = Checker.check(school: small.school, rows: result.solution.assignmentRows)
    #expect(check.violations.isEmpty, "seed \(seed): \(check.violations)")
    #expect(check.objective == result.objective, "seed \(seed)")
    #expect(small.start <= result.objective && result.objective <= small.optimum, "seed \(seed)")
  }

  /// Not vacuous: over the schools where opening something pays, the search opens clubs and
  /// mostly finds the optimum.
  @Test func itMostlyReachesTheOptimum() throws {
    var (schools, improved, optimal) = (0, 0, 0)
    for seed in Self.seeds {
      var generator = SmallSchoolGenerator(seed: seed)
      let school = generator.next()
      guard school.fixed.isEmpty, let optimum = BruteForce.optimum(school) else { continue }
      let start = emptyObjective(school)
      guard optimum.objective > start else { continue }
      schools += 1
      let result = try NeighbourhoodSearch.improve(
        school, timetable: .empty, objective: start, bound: optimum.objective, options: SolveOptions(),
        deadline: Date().addingTimeInterval(30))
      if result.objective > start { improved += 1 }
      if result.objective == optimum.objective { optimal += 1 }
    }
    #expect(schools >= 30, "\(schools)")
    #expect(improved == schools, "\(improved) of \(schools)")
    #expect(optimal * 10 >= schools * 9, "\(optimal) of \(schools)")
  }

  /// Pairs come after single courses, most co-ranked first, then every course in each pair of slots.
  @Test func neighbourhoodsAreEachCourseThenTheMostCoRankedPairs() {
    let week = Fixtures.week([.mon, .tue], periods: 1)
    let courses = ["A", "B", "C"].map {
      Course(code: $0, name: $0, grades: GradeSet([7]), maxSize: 5, minSize: 1, slots: week.slots, roomType: "教室", teachers: ["T"])
    }
    let school = School(
      name: "测试", week: week, rules: Rules(minSize: 1, electivesPerStudent: 2), courses: courses,
      rooms: [Room(id: "R1", type: "教室", capacity: 5)], teachers: [Teacher(id: "T")],
      students: [
        Student(id: "S1", grade: 7, electives: 2, choices: ["B", "C"]),
        Student(id: "S2", grade: 7, electives: 2, choices: ["C", "B", "A"]),
        Student(id: "S3", grade: 7, electives: 1, choices: ["A", "B"]),
      ])
    let (mon, tue) = (week.slots[0], week.slots[1])
    let byCourse: [Set<String>] = [["A"], ["B"], ["C"], ["B", "C"], ["A", "B"], ["A", "C"]]
    #expect(
      NeighbourhoodSearch.neighbourhoods(school)
        == byCourse.map { NeighbourhoodSearch.Neighbourhood(courses: $0, slots: [mon, tue]) }
        + [NeighbourhoodSearch.Neighbourhood(courses: ["A", "B", "C"], slots: [mon, tue])])
  }
}
