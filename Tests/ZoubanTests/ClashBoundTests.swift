import Foundation
import GLPKSolver
import MIPModel
import TestSupport
import Testing
import ZoubanCheck
@testable import ZoubanFormulation
import ZoubanGenerator
import ZoubanModel

@testable import Zouban

/// The course level with clash rows (`CourseLevelModel`'s `clashes`, `ClashRows.swift`) and the
/// solve step built on it (`TimetableSolver.clashBound`), against brute force. Each generated
/// school is tried as it is; with every slot made alike (nobody unavailable, every course in
/// every slot), where the model fixes a course to the first of the interchangeable slots; and
/// crowded (each club in one of the first two slots, every student two electives), where
/// clashes are what the course level misses.
@Suite struct ClashBoundTests {
  static let seeds = Array(UInt64(1)...100)

  /// Solved as `clashBound` solves it (its branching order first, best projection, no cuts), the model's
  /// optimum is never below the school's and never above the plain course level's; with slots
  /// for courses with several sections, never below the optimum and never above the model without.
  @Test(arguments: seeds) func itBoundsTheOptimumMoreTightlyThanTheCourseLevel(seed: UInt64) throws {
    for school in Self.schools(seed: seed) {
      guard let optimum = BruteForce.optimum(school) else { continue }
      let slotted = try Self.optimum(CourseLevelModel(school: school, clashes: true, slotsForSeveral: true))
      let clash = try Self.optimum(CourseLevelModel(school: school, clashes: true))
      let plain = try Self.optimum(CourseLevelModel(school: school))
      #expect(slotted >= optimum.objective, "seed \(seed): \(slotted) below the optimum \(optimum.objective)")
      #expect(slotted <= clash, "seed \(seed): \(slotted) above \(clash) without the slots")
      #expect(clash <= plain, "seed \(seed): \(clash) above the course level's \(plain)")
    }
  }

  /// Not vacuous: on the crowded variants of 300 generated schools (every club in one of the
  /// first two slots, every student two electives) the rows close part of the course level's
  /// gap on 19 (on 12 without the slots of 服从调剂 placements; 20 before the plain level's
  /// electives row counted a 服从调剂 share by its size, which closed one of them itself).
  @Test func itIsTighterThanTheCourseLevelOnCrowdedSchools() throws {
    var tighter = 0
    for seed in UInt64(1)...300 {
      let school = Self.schools(seed: seed)[2]
      guard let optimum = BruteForce.optimum(school) else { continue }
      let clash = try Self.optimum(CourseLevelModel(school: school, clashes: true))
      #expect(clash >= optimum.objective, "seed \(seed)")
      if try clash < Self.optimum(CourseLevelModel(school: school)) { tighter += 1 }
    }
    #expect(tighter >= 19, "tighter on \(tighter) schools")
  }

  /// Two clubs that can only meet in the first slot, four students who want both before a third
  /// club in the second: the course level gives each student both; with clash rows, one of them
  /// and the third, as brute force does.
  @Test func twoClubsInOneSlotAreOneClubPerStudent() throws {
    let school = Self.twoClubsInOneSlot()
    let optimum = try #require(BruteForce.optimum(school))
    #expect(try Self.optimum(CourseLevelModel(school: school, clashes: true)) == optimum.objective)
    #expect(try Self.optimum(CourseLevelModel(school: school)) > optimum.objective)
  }

  /// Two 服从调剂 students of one grade rank only club A; club B, which neither ranks, meets in
  /// A's slot. Counted per group without their slots, the pair gets two placements in B as well
  /// (the plain course level does); with them, B clashes with A for each member, and each gets A
  /// alone, as brute force does.
  @Test func anUnrankedClubInTheSlotOfARankedOneIsNotTheirs() throws {
    let week = Fixtures.week([.mon], periods: 2)
    let school = School(
      week: week, rules: Rules(minSize: 1, electivesPerStudent: 2),
      // C, for another grade, only gives the week a second slot: each student may have two electives.
      courses: ["A", "B", "C"].map {
        Course(
          code: $0, name: $0, grades: GradeSet([$0 == "C" ? 8 : 7]), maxSize: 4, minSize: 1, slots: [week.slots[$0 == "C" ? 1 : 0]],
          roomType: "教室", teachers: ["T" + $0])
      },
      rooms: [Room(id: "R1", type: "教室", capacity: 4), Room(id: "R2", type: "教室", capacity: 4)],
      teachers: [Teacher(id: "TA"), Teacher(id: "TB"), Teacher(id: "TC")],
      students: (1...2).map { Student(id: "S\($0)", grade: 7, electives: 2, acceptAny: true, choices: ["A"]) })
    let optimum = try #require(BruteForce.optimum(school))
    #expect(try Self.optimum(CourseLevelModel(school: school, clashes: true)) == optimum.objective)
    #expect(try Self.optimum(CourseLevelModel(school: school)) > optimum.objective)
  }

  static func twoClubsInOneSlot() -> School {
    let week = Fixtures.week([.mon], periods: 2)
    return School(
      week: week, rules: Rules(minSize: 1, electivesPerStudent: 2),
      courses: ["A", "B", "C"].map {
        Course(
          code: $0, name: $0, grades: GradeSet([7]), maxSize: 4, minSize: 1, slots: [week.slots[$0 == "C" ? 1 : 0]],
          roomType: "教室", teachers: ["T" + $0])
      },
      rooms: [Room(id: "R1", type: "教室", capacity: 4), Room(id: "R2", type: "教室", capacity: 4)],
      teachers: [Teacher(id: "TA"), Teacher(id: "TB"), Teacher(id: "TC")],
      students: (1...4).map { Student(id: "S\($0)", grade: 7, electives: 2, choices: $0 % 2 == 0 ? ["A", "B", "C"] : ["B", "A", "C"]) })
  }

  /// The same with club A allowed two sections: without slots for it the rows leave A out and
  /// give each student both again; with them, one of A and B, as brute force does.
  @Test func aClubWithTwoSectionsInTheSameSlotStillClashes() throws {
    var school = Self.twoClubsInOneSlot()
    let a = school.courses[0]
    school.courses[0] = Course(
      code: a.code, name: a.name, grades: a.grades, maxSize: 2, minSize: 1, maxSections: 2, slots: a.slots, roomType: a.roomType,
      teachers: ["TA", "TC"])
    let optimum = try #require(BruteForce.optimum(school))
    #expect(try Self.optimum(CourseLevelModel(school: school, clashes: true, slotsForSeveral: true)) == optimum.objective)
    #expect(try Self.optimum(CourseLevelModel(school: school, clashes: true)) > optimum.objective)
  }

  /// From the decomposition's timetable the step stays honest: its bound is never below the
  /// optimum, its timetable passes the checker and never loses, and it says optimal only with proof.
  @Test(arguments: seeds) func fromTheDecompositionItStaysHonest(seed: UInt64) throws {
    guard let small = try DecomposedSmallSchool(seed: seed) else { return }
    let result = try TimetableSolver.clashBound(
      small.school, from: small.decomposed, options: SolveOptions(), started: Date(), timeLimit: 30)
    try expectHonest(result, school: small.school, optimum: small.optimum, atLeast: small.start, seed: seed)
    let all = try TimetableSolver.clashBounds(
      small.school, from: small.decomposed, options: SolveOptions(timeLimit: 40), started: Date())
    try expectHonest(all, school: small.school, optimum: small.optimum, atLeast: small.start, seed: seed)
  }

  /// From the empty timetable, on the variants with interchangeable slots and crowded, the
  /// step stays honest.
  @Test(arguments: seeds) func onTheVariantsFromNothingItStaysHonest(seed: UInt64) throws {
    for school in Self.schools(seed: seed).dropFirst() {
      guard school.fixed.isEmpty, let optimum = BruteForce.optimum(school) else { continue }
      let start = Checker.check(school: school, rows: Solution.empty.assignmentRows).objective
      let empty = SolveOutcome(status: .feasible, solution: .empty, objective: start, bound: nil, seconds: 0, conflicts: [])
      for slotsForSeveral in [false, true] {
        let result = try TimetableSolver.clashBound(
          school, from: empty, options: SolveOptions(), started: Date(), timeLimit: 30, slotsForSeveral: slotsForSeveral)
        try expectHonest(result, school: school, optimum: optimum.objective, atLeast: start, seed: seed)
      }
    }
  }

  /// GLPK branches first on every club's sections, the most requested first, then on its
  /// sections per slot, clubs with the fewest slots first: the order that proves the 300-student
  /// benchmark school in 3 s where the slots alone took 30. Requests are counted here from the
  /// model's own `y` columns.
  @Test(arguments: [UInt64(1), 2, 3]) func itBranchesOnSectionsMostRequestedFirstThenOnSlots(seed: UInt64) {
    let school = SchoolGenerator(students: 120, clubs: 10, days: 2, periods: 2, seed: seed).generate()
    let model = CourseLevelModel(school: school, clashes: true)
    let columns = model.model.variables.map(\.name)
    let names = model.branchOrder.map { columns[$0.index] }
    let sections = Array(names.prefix { $0.hasPrefix("n[") })
    let slots = names.dropFirst(sections.count)
    #expect(Set(sections) == Set(columns.filter { $0.hasPrefix("n[") }))
    #expect(Set(slots) == Set(columns.filter { $0.hasPrefix("o[") }) && !slots.isEmpty)
    let requests = sections.map { n in columns.filter { $0.hasPrefix("y[") && $0.hasSuffix(",\(n.dropFirst(2))") }.count }
    #expect(Set(requests).count > 1 && requests == requests.sorted(by: >), "seed \(seed): \(zip(sections, requests).map { "\($0)=\($1)" })")
    let course = { (o: String) in o.dropFirst(2).prefix { $0 != "," } }
    let slotCount = slots.map { o in slots.filter { course($0) == course(o) }.count }
    #expect(slotCount == slotCount.sorted(), "seed \(seed): \(Array(slots))")
  }

  @Test func slotsThatNothingTellsApartAreInterchangeable() throws {
    let school = Self.schools(seed: 3)[1]
    #expect(school.interchangeableSlots() == [school.week.slots])
    var split = school
    split.students[0] = Student(id: "X", grade: split.students[0].grade, electives: 1, unavailable: [school.week.slots[0]], choices: [])
    #expect(split.interchangeableSlots() == (school.week.slots.count > 2 ? [Array(school.week.slots.dropFirst())] : []))
    var pinned = school
    pinned.fixed = [FixedPlacement(student: school.students[0].id, course: school.courses[0].code, slot: school.week.slots[0])]
    #expect(pinned.interchangeableSlots() == (school.week.slots.count > 2 ? [Array(school.week.slots.dropFirst())] : []))
  }

  /// The generated school, the same with every slot alike, and crowded.
  static func schools(seed: UInt64) -> [School] {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    var alike = school
    alike.rooms = school.rooms.map { Room(id: $0.id, name: $0.name, type: $0.type, capacity: $0.capacity) }
    alike.teachers = school.teachers.map { Teacher(id: $0.id, name: $0.name, maxSections: $0.maxSections, rate: $0.rate) }
    alike.students = school.students.map {
      Student(
        id: $0.id, name: $0.name, grade: $0.grade, homeClass: $0.homeClass, electives: $0.electives, priority: $0.priority,
        acceptAny: $0.acceptAny, feeWaiver: $0.feeWaiver, choices: $0.choices)
    }
    alike.courses = school.courses.map {
      Course(
        code: $0.code, name: $0.name, category: $0.category, grades: $0.grades, maxSize: $0.maxSize, minSize: $0.minSize,
        maxSections: $0.maxSections, slots: school.week.slots, roomType: $0.roomType, teachers: $0.teachers, fee: $0.fee,
        provider: $0.provider)
    }
    alike.fixed = school.fixed.map { FixedPlacement(student: $0.student, course: $0.course, slot: nil) }
    var crowded = alike
    crowded.courses = alike.courses.enumerated().map { i, c in
      Course(
        code: c.code, name: c.name, category: c.category, grades: c.grades, maxSize: c.maxSize, minSize: c.minSize,
        maxSections: 1, slots: [school.week.slots[i % 2]], roomType: c.roomType, teachers: c.teachers,
        fee: c.fee, provider: c.provider)
    }
    crowded.students = alike.students.map {
      Student(
        id: $0.id, name: $0.name, grade: $0.grade, homeClass: $0.homeClass, electives: 2, priority: $0.priority,
        acceptAny: $0.acceptAny, feeWaiver: $0.feeWaiver, choices: $0.choices)
    }
    crowded.fixed = []
    return [school, alike, crowded]
  }

  /// The model's optimum, solved with `clashBound`'s settings when it has a branching order.
  static func optimum(_ model: CourseLevelModel) throws -> Int {
    var options = GLPKSolver.Options()
    options.branchFirst = model.branchOrder
    options.bestProjection = !model.branchOrder.isEmpty
    options.cuts = model.branchOrder.isEmpty
    let result = try GLPKSolver(options: options).solve(model.model)
    #expect(result.status == .optimal)
    return Int(try #require(result.objective).rounded())
  }
}
