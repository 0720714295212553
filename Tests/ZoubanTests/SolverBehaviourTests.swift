import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanCheck
import ZoubanFormulation
import ZoubanModel

/// A school small enough to reason about: one slot, one room of 3, one teacher, minimum 2.
private func twoCourseSchool(fixed: [FixedPlacement] = []) -> School {
  let week = Fixtures.week([.mon], periods: 1)
  let slots = week.slots
  return School(
    name: "测试", week: week, rules: Rules(minSize: 2, electivesPerStudent: 1),
    courses: [
      Course(code: "A", name: "围棋", grades: GradeSet([3]), maxSize: 3, minSize: 2, slots: slots, roomType: "教室", teachers: ["T1"]),
      Course(code: "B", name: "书法", grades: GradeSet([3]), maxSize: 3, minSize: 2, slots: slots, roomType: "教室", teachers: ["T1"]),
    ],
    rooms: [Room(id: "R1", type: "教室", capacity: 3)],
    teachers: [Teacher(id: "T1")],
    students: [
      Student(id: "S1", grade: 3, electives: 1, choices: ["A", "B"]),
      Student(id: "S2", grade: 3, electives: 1, choices: ["A"]),
      Student(id: "S3", grade: 3, electives: 1, choices: ["B"]),
    ],
    fixed: fixed)
}

@Suite struct SolverBehaviourTests {
  @Test func opensTheSectionThatServesMost() throws {
    // A with S1, S2: 100 + 100; S3 unplaced: −200. B instead: S1 70 + S3 100 − 200 for S2.
    let outcome = try TimetableSolver.solve(twoCourseSchool())
    #expect(outcome.status == .optimal)
    #expect(outcome.objective == 0)
    #expect(outcome.solution.sections.map(\.id) == ["A/Mon-1"])
    #expect(outcome.solution.placements.map(\.student) == ["S1", "S2"])
  }

  @Test func honoursAFixedRowEvenAtACost() throws {
    let outcome = try TimetableSolver.solve(twoCourseSchool(fixed: [FixedPlacement(student: "S3", course: "B", line: 2)]))
    #expect(outcome.status == .optimal)
    #expect(outcome.solution.sections.map(\.id) == ["B/Mon-1"])
    #expect(outcome.objective == 70 + 100 - 200)
  }

  @Test func explainsFixedRowsThatCannotHoldTogether() throws {
    // One room and one teacher in the only slot: A and B cannot both open.
    let school = twoCourseSchool(fixed: [
      FixedPlacement(student: "S2", course: "A", line: 2), FixedPlacement(student: "S3", course: "B", line: 3),
    ])
    let outcome = try TimetableSolver.solve(school)
    #expect(outcome.status == .infeasible)
    #expect(outcome.solution == .empty)
    #expect(
      outcome.conflicts == [
        "fixed.csv: these 2 fixed placements cannot all be honoured together:",
        "fixed.csv:2: S2 must attend A (围棋)",
        "fixed.csv:3: S3 must attend B (书法)",
      ])
  }

  @Test func reportsAnHonestBoundWhenStoppedEarly() throws {
    var generator = SmallSchoolGenerator(seed: 7)
    let school = generator.next()
    let outcome = try TimetableSolver.solve(school, options: SolveOptions(timeLimit: 0.001))
    // However early the search stops, the answer is valid and the bound is not below the optimum.
    if let optimum = BruteForce.optimum(school)?.objective, let bound = outcome.bound {
      #expect(bound >= optimum)
      #expect((outcome.objective ?? Int.min) <= optimum)
    }
    #expect([.optimal, .feasible, .timeLimitNoSolution].contains(outcome.status))
    if outcome.status != .timeLimitNoSolution {
      #expect(Checker.check(school: school, rows: outcome.solution.assignmentRows).violations.isEmpty)
    }
  }

  @Test func aWeekOfMoreThan64SlotsIsSolvedWithoutTheDecomposition() throws {
    var school = twoCourseSchool()
    school.week = Fixtures.week([.mon, .tue, .wed, .thu, .fri, .sat, .sun], periods: 10)
    school.courses = school.courses.map {
      Course(code: $0.code, name: $0.name, grades: $0.grades, maxSize: $0.maxSize, minSize: $0.minSize, slots: school.week.slots, roomType: $0.roomType, teachers: $0.teachers)
    }
    let outcome = try TimetableSolver.solve(school, options: SolveOptions(method: .decomposition))
    #expect(outcome.status == .optimal)
    // More slots do not help: B needs S1 and S3 to reach its minimum, and S1 takes one elective.
    #expect(outcome.objective == 0)
    #expect(Checker.check(school: school, rows: outcome.solution.assignmentRows).violations.isEmpty)
  }

  @Test func sameSchoolSameOutputs() throws {
    var generator = SmallSchoolGenerator(seed: 42)
    let school = generator.next()
    let first = try Pipeline.outputs(school: school, outcome: try TimetableSolver.solve(school)).files
    let second = try Pipeline.outputs(school: school, outcome: try TimetableSolver.solve(school)).files
    func stable(_ files: [OutputFile]) -> [String] {
      files.map { "\($0.name)\n" + $0.text.split(separator: "\n").filter { !$0.contains("solve_seconds") }.joined(separator: "\n") }
    }
    #expect(stable(first) == stable(second))
  }
}

@Suite struct ColumnCountTests {
  @Test(arguments: Array(UInt64(1)...40)) func countsTheDirectModelWithoutBuildingIt(seed: UInt64) {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    #expect(Formulation.columnCount(school: school) == Formulation(school: school).model.variables.count)
    guard let sections = BruteForce.optimum(school)?.solution.sections else { return }
    let firstChoices = Dictionary(school.students.map { ($0.id, Set($0.choices.prefix(1))) }, uniquingKeysWith: { a, _ in a })
    for courses in [CourseOptions.all, .rankedAnd(unranked: [:]), .only(firstChoices)] {
      #expect(
        Formulation.columnCount(school: school, sections: sections, courses: courses)
          == Formulation(school: school, sections: sections, courses: courses).model.variables.count)
    }
  }
}
