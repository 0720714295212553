import GLPKSolver
import MIPModel
import TestSupport
import ZoubanCheck
import Testing
import ZoubanGenerator
import ZoubanModel

@testable import ZoubanFormulation

/// One lab, Monday and Friday; 科技 and 化学 each need the lab and their own teacher, and neither
/// teacher comes on Friday. Counting per week (two lab-slots, one section per teacher) both clubs
/// fit; slot by slot only one does.
private func fridayLabSchool() -> School {
  let week = Fixtures.week([.mon, .fri], periods: 1)
  let friday = Set(week.slots.filter { $0.day == .fri })
  return School(
    name: "测试", week: week, rules: Rules(minSize: 2, electivesPerStudent: 1),
    courses: [
      Course(code: "A", name: "科技", grades: GradeSet([7]), maxSize: 3, minSize: 2, slots: week.slots, roomType: "实验室", teachers: ["TA"]),
      Course(code: "B", name: "化学", grades: GradeSet([7]), maxSize: 3, minSize: 2, slots: week.slots, roomType: "实验室", teachers: ["TB"]),
    ],
    rooms: [Room(id: "LAB1", type: "实验室", capacity: 3)],
    teachers: [Teacher(id: "TA", unavailable: friday), Teacher(id: "TB", unavailable: friday)],
    students: [
      Student(id: "S1", grade: 7, electives: 1, choices: ["A"]),
      Student(id: "S2", grade: 7, electives: 1, choices: ["A"]),
      Student(id: "S3", grade: 7, electives: 1, choices: ["B"]),
      Student(id: "S4", grade: 7, electives: 1, choices: ["B"]),
    ])
}

@Suite struct CourseLevelTests {
  /// Three slots, three electives each; each student ranks two courses and is 服从调剂, so their
  /// two `y` and their share `a` (up to 3) are three terms for a limit of 3. The electives row
  /// must still hold: without it the plan gave such students up to five courses, and the bound
  /// exceeded what every student's best courses are worth together.
  @Test func aFlexibleShareCountsByItsSizeInTheElectivesRow() throws {
    let week = Fixtures.week([.mon], periods: 3)
    let courses = ["A", "B", "C", "D"].map { code in
      Course(code: code, name: code, grades: GradeSet([5]), maxSize: 9, minSize: 1, slots: week.slots, roomType: "教室", teachers: ["T\(code)"])
    }
    let school = School(
      name: "测试", week: week, rules: Rules(minSize: 1, electivesPerStudent: 3),
      objective: ObjectiveWeights(rankUtility: [100, 70], anyUtility: 5, unplacedPenalty: 200, priorityMultiplier: 1),
      courses: courses, rooms: (1...2).map { Room(id: "R\($0)", type: "教室", capacity: 9) },
      teachers: courses.map { Teacher(id: "T\($0.code)") },
      students: (1...3).map { Student(id: "S\($0)", grade: 5, electives: 3, acceptAny: true, choices: ["A", "B"]) })
    let model = CourseLevelModel(school: school)
    let result = try GLPKSolver().solve(model.model)
    let bound = try #require(result.objective.map { Int($0.rounded()) })
    let optimum = try #require(BruteForce.optimum(school))
    // Every student in A, B and one more course: 3 · (100 + 70 + 5), and that is feasible.
    #expect(optimum.objective == 525)
    #expect(bound == optimum.objective)
    let plan = model.plan(from: result.values)
    #expect(Dictionary(grouping: plan.takes, by: \.student).values.allSatisfy { $0.count <= 3 })
  }

  @Test func roomsAndTeachersMustMeetInTheSameSlot() throws {
    let school = fridayLabSchool()
    let result = try GLPKSolver().solve(CourseLevelModel(school: school).model)
    let optimum = try #require(BruteForce.optimum(school))
    // One club of two first choices, two students unplaced: 2·100 − 2·200.
    #expect(optimum.objective == -200)
    #expect(result.objective.map { Int($0.rounded()) } == optimum.objective)
  }

  @Test func thePlanCarriesSectionsThatFitSlotBySlot() throws {
    let school = fridayLabSchool()
    let model = CourseLevelModel(school: school)
    let result = try GLPKSolver().solve(model.model)
    let plan = model.plan(from: result.values)
    #expect(plan.placed.count == 1)
    #expect(plan.placed.allSatisfy { $0.slot.day == .mon && $0.room == "LAB1" })
  }

  /// The greedy put 科技 on Monday and has no room left for 化学; the packing moves 科技 to the
  /// Friday it can also use (its teacher comes then) and places both.
  @Test func packingPlacesWhatTheGreedyLeftOut() throws {
    let week = Fixtures.week([.mon, .fri], periods: 1)
    let friday = Set(week.slots.filter { $0.day == .fri })
    var school = fridayLabSchool()
    school.teachers = [Teacher(id: "TA"), Teacher(id: "TB", unavailable: friday)]
    let instance = Instance(school)
    let monday = week.slots.first { $0.day == .mon }!
    let packing = SectionPacking(
      instance: instance, sectionsPlanned: [0: 1, 1: 1], seatsWanted: [0: 2, 1: 2], seatPrice: [300, 300],
      greedy: [PlacedSection(course: 0, slot: monday, room: 0, teacher: 0)])
    #expect(packing.model.violatedRows(packing.start).isEmpty)
    let result = try GLPKSolver().solve(packing.model, warmStart: packing.start)
    let sections = packing.sections(from: result.values).sorted { $0.course < $1.course }
    #expect(sections.map(\.course) == [0, 1])
    #expect(sections.map(\.slot.day) == [.fri, .mon])
    #expect(sections.map(\.teacher) == [0, 1])
  }

  /// Two rooms, Monday and Tuesday, four clubs with a teacher each, every room busy in both
  /// slots. The relaxation put 科技 and 化学 both on Monday, and 小明 plans both: no single
  /// section can move (Tuesday has no free room), but swapping 科技 with a Tuesday club fixes
  /// the clash, and the placement then realises the whole plan.
  @Test func aSwapFixesAClashNoSingleMoveCan() throws {
    let week = Fixtures.week([.mon, .tue], periods: 1)
    let (monday, tuesday) = (week.slots[0], week.slots[1])
    let courses = ["A", "B", "C", "D"].map { code in
      Course(code: code, name: code, grades: GradeSet([7]), maxSize: 5, minSize: 1, slots: week.slots, roomType: "教室", teachers: ["T" + code])
    }
    let school = School(
      name: "测试", week: week, rules: Rules(minSize: 1, electivesPerStudent: 2), courses: courses,
      rooms: [Room(id: "R1", type: "教室", capacity: 5), Room(id: "R2", type: "教室", capacity: 5)],
      teachers: ["TA", "TB", "TC", "TD"].map { Teacher(id: $0) },
      students: [
        Student(id: "S1", grade: 7, electives: 2, choices: ["A", "B"]),
        Student(id: "S2", grade: 7, electives: 1, choices: ["C"]),
        Student(id: "S3", grade: 7, electives: 1, choices: ["D"]),
      ])
    let relaxation = [
      Section(course: "A", slot: monday, room: "R1", teacher: "TA"), Section(course: "B", slot: monday, room: "R2", teacher: "TB"),
      Section(course: "C", slot: tuesday, room: "R1", teacher: "TC"), Section(course: "D", slot: tuesday, room: "R2", teacher: "TD"),
    ]
    let plan = CoursePlan(
      sections: courses.map { ($0.code, 1) }, quotas: courses.map { ($0.code, "T" + $0.code, 1) },
      takes: [("S1", "A"), ("S1", "B"), ("S2", "C"), ("S3", "D")], unranked: [:], placed: relaxation)
    var placer = SectionPlacer(instance: Instance(school), plan: plan)
    let layouts = try placer.place { model, start in try GLPKSolver().solve(model, warmStart: start).values }
    let first = try #require(layouts.first)
    #expect(first.start == "relaxation's sections")
    #expect(first.realisesPlan && first.proxy == first.planned)
    let slots = Dictionary(first.sections.map { ($0.course, $0.slot) }, uniquingKeysWith: { a, _ in a })
    #expect(slots["A"] != slots["B"], "\(first.sections)")
    #expect(first.sections.count == 4)
  }

  /// Stage 3's starting timetable, built from the plan by a greedy, is a real timetable: the
  /// independent checker finds nothing wrong with it, its objective is at most the optimum, and
  /// stage 3's model accepts it as a start.
  @Test(arguments: Array(UInt64(1)...80)) func thePlansFirstTimetablePassesTheChecker(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    guard school.fixed.isEmpty, let optimum = BruteForce.optimum(school) else { return }
    let courseLevel = CourseLevelModel(school: school)
    let result = try GLPKSolver().solve(courseLevel.model)
    let plan = courseLevel.plan(from: result.values)
    let placements = try Decomposition.placeSections(school: school, plan: plan) { model, start in
      try GLPKSolver().solve(model, warmStart: start).values
    }
    for placement in placements {
      let first = Decomposition.firstTimetable(school: school, plan: plan, sections: placement.sections)
      let report = Checker.check(school: school, rows: first.assignmentRows)
      #expect(report.violations.isEmpty, "seed \(seed): \(report.violations)")
      #expect(report.objective <= optimum.objective, "seed \(seed)")
      let stage3 = Formulation(school: school, sections: placement.sections)
      #expect(stage3.values(of: first) != nil, "seed \(seed)")
    }
  }

  /// The quick timetable made without GLPK's stage 1 is a real timetable too, and the objective
  /// the solver reports for it is the checker's.
  @Test(arguments: Array(UInt64(1)...80)) func theQuickTimetablePassesTheChecker(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    guard school.fixed.isEmpty else { return }
    let quick = try Decomposition.quickTimetable(school: school) { model, start in
      try GLPKSolver().solve(model, warmStart: start).values
    }
    let report = Checker.check(school: school, rows: quick.solution.assignmentRows)
    #expect(report.violations.isEmpty, "seed \(seed): \(report.violations)")
    #expect(report.objective == quick.objective, "seed \(seed)")
  }

  /// Handing out greedily in file order would give 象棋 to the first member, who then has no
  /// room for 围棋, which only they may take; the augmenting path passes 象棋 on.
  @Test func handOutPassesACourseOnWhenThatPlacesMore() {
    var model = MIPModel(name: "t", sense: .maximize)
    var group = FlexibleGroup(key: .init(grade: 3, multiplier: 1, unavailable: []))
    group.add(student: 10, share: model.addVariable("a0", kind: .integer), courses: [0, 1])
    group.add(student: 11, share: model.addVariable("a1", kind: .integer), courses: [0])
    let handed = group.handOut(demand: [(0, 1), (1, 1)], shares: [1, 1])
    #expect(handed.map { [$0.student, $0.course] }.sorted { $0.lexicographicallyPrecedes($1) } == [[10, 1], [11, 0]])
  }

  /// On small random groups the hand-out places as many as the best assignment found by trying
  /// every one, and never breaks a share, eligibility, a course's count or "once per course".
  @Test(arguments: Array(UInt64(1)...60)) func handOutPlacesTheMostPossible(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let members = 1 + Int(rng.next() % 4)
    let courses = 1 + Int(rng.next() % 3)
    var model = MIPModel(name: "t", sense: .maximize)
    var group = FlexibleGroup(key: .init(grade: 3, multiplier: 1, unavailable: []))
    var eligible = [[Bool]]()
    for m in 0..<members {
      let row = (0..<courses).map { _ in rng.next() % 3 != 0 }
      eligible.append(row)
      group.add(student: m, share: model.addVariable("a\(m)", kind: .integer), courses: row.indices.filter { row[$0] })
    }
    let shares = (0..<members).map { _ in Int(rng.next() % 3) }
    let demand = (0..<courses).map { ($0, Int(rng.next() % 4)) }
    let handed = group.handOut(demand: demand, shares: shares)
    for m in 0..<members {
      let mine = handed.filter { $0.student == m }.map(\.course)
      #expect(mine.count <= shares[m], "seed \(seed)")
      #expect(Set(mine).count == mine.count, "seed \(seed)")
      #expect(mine.allSatisfy { eligible[m][$0] }, "seed \(seed)")
    }
    for (c, count) in demand { #expect(handed.filter { $0.course == c }.count <= count, "seed \(seed)") }
    #expect(handed.count == bestHandOut(eligible: eligible, shares: shares, demand: demand.map(\.1)), "seed \(seed)")
  }

  /// Every subset of (member, course) cells that respects the limits; the largest.
  private func bestHandOut(eligible: [[Bool]], shares: [Int], demand: [Int]) -> Int {
    let cells = eligible.indices.flatMap { m in eligible[m].indices.filter { eligible[m][$0] }.map { (m, $0) } }
    var best = 0
    for mask in 0..<(1 << cells.count) {
      let chosen = cells.indices.filter { mask & (1 << $0) != 0 }.map { cells[$0] }
      let fits = shares.indices.allSatisfy { m in chosen.filter { $0.0 == m }.count <= shares[m] }
        && demand.indices.allSatisfy { c in chosen.filter { $0.1 == c }.count <= demand[c] }
      if fits { best = max(best, chosen.count) }
    }
    return best
  }
}
