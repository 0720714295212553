import TestSupport
import Testing
import Zouban
import ZoubanCheck
import ZoubanModel

/// `[rules] teacher_pay_budget`: the week's teacher pay capped. Each small school gets teachers
/// paid 60, 80, 100 … a session and a budget just under what its best uncapped timetable pays,
/// so the cap always bites; the solver must then match brute force, which honours the cap on
/// its own, and the checker must accept its timetable.
@Suite struct TeacherPayBudgetTests {
  static let seeds: [UInt64] = Array(1...100)

  /// The school with paid teachers, and the pay of its best timetable without a cap (`nil` when
  /// it has none, or it opens nothing).
  static func paidSchool(seed: UInt64) -> (school: School, pay: Int)? {
    var generator = SmallSchoolGenerator(seed: seed)
    var school = generator.next()
    school.teachers = school.teachers.enumerated().map { i, t in
      Teacher(id: t.id, name: t.name, maxSections: t.maxSections, unavailable: t.unavailable, rate: Double(60 + 20 * i))
    }
    guard let free = BruteForce.optimum(school) else { return nil }
    let rate = Dictionary(uniqueKeysWithValues: school.teachers.map { ($0.id, $0.rate) })
    let pay = Int(free.solution.sections.reduce(0) { $0 + rate[$1.teacher]! })
    return pay > 0 ? (school, pay) : nil
  }

  @Test(arguments: seeds) func theSolverMatchesBruteForceUnderABudget(seed: UInt64) throws {
    guard case (var school, let pay)? = Self.paidSchool(seed: seed) else { return }
    school.rules.teacherPayBudget = pay - 1
    let expected = BruteForce.optimum(school)
    for method in [SolveMethod.automatic, .decomposition] {
      let outcome = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 30, method: method))
      guard let expected else {
        #expect(outcome.status == .infeasible, "seed \(seed) \(method)")
        continue
      }
      let objective = try #require(outcome.objective, "seed \(seed) \(method)")
      let bound = try #require(outcome.bound, "seed \(seed) \(method)")
      #expect(objective <= expected.objective && expected.objective <= bound, "seed \(seed) \(method)")
      if method == .automatic || outcome.status == .optimal { #expect(objective == expected.objective, "seed \(seed) \(method)") }
      let check = Checker.check(school: school, rows: outcome.solution.assignmentRows)
      #expect(check.violations.isEmpty, "seed \(seed) \(method): \(check.violations)")
    }
  }

  @Test func theCapBitesOnMostSchools() throws {
    var (schools, lower) = (0, 0)
    for seed in Self.seeds {
      guard case (var school, let pay)? = Self.paidSchool(seed: seed), let free = BruteForce.optimum(school) else { continue }
      schools += 1
      school.rules.teacherPayBudget = pay - 1
      if (BruteForce.optimum(school)?.objective ?? Int.min) < free.objective { lower += 1 }
    }
    #expect(schools >= 40 && lower * 2 >= schools, "\(lower) of \(schools)")
  }

  @Test func theCheckerFlagsATimetableOverTheBudget() throws {
    let (school, pay) = try #require((1...20).lazy.compactMap { Self.paidSchool(seed: $0) }.first)
    let best = try #require(BruteForce.optimum(school))
    var capped = school
    capped.rules.teacherPayBudget = pay - 1
    let check = Checker.check(school: capped, rows: best.solution.assignmentRows)
    #expect(check.violations.map(\.message) == ["the week's teacher pay is \(pay) yuan, more than teacher_pay_budget \(pay - 1)"])
    capped.rules.teacherPayBudget = pay
    #expect(Checker.check(school: capped, rows: best.solution.assignmentRows).violations.isEmpty)
  }
}
