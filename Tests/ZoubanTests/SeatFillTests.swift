import TestSupport
import Testing
import ZoubanCheck
import ZoubanGenerator
import ZoubanModel

@testable import ZoubanFormulation

/// `SeatFill` on the brute-forced small schools: start from each optimum with some students
/// taken out of sections that keep their minimum, fill, and judge the result independently.
@Suite struct SeatFillTests {
  @Test(arguments: Array(UInt64(1)...300)) func fillingKeepsTheTimetableValidAndLeavesNoFreeSeatUnused(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    guard let optimum = BruteForce.optimum(school) else { return }
    let thinned = Self.thinned(optimum.solution, school: school, seed: seed)
    let instance = Instance(school)
    let filled = SeatFill.fill(thinned, instance: instance)
    let before = Checker.check(school: school, rows: thinned.assignmentRows)
    let after = Checker.check(school: school, rows: filled.assignmentRows)
    #expect(before.violations.isEmpty, "seed \(seed): the thinned start must be valid: \(before.violations)")
    #expect(after.violations.isEmpty, "seed \(seed): \(after.violations)")
    let (start, end) = (try #require(before.objective), try #require(after.objective))
    #expect(start <= end && end <= optimum.objective, "seed \(seed): \(start) ≤ \(end) ≤ \(optimum.objective)")
    #expect(Set(thinned.placements).isSubset(of: Set(filled.placements)), "seed \(seed): nobody placed is moved")
    #expect(Self.unusedSeat(in: filled, school: school) == nil, "seed \(seed): \(String(describing: Self.unusedSeat(in: filled, school: school)))")
  }

  /// Five 服从调剂 students who ranked only A; A seats two, so three are seated in B, in the
  /// slot they have free.
  @Test func flexibleStudentsTakeAnyFreeSeat() throws {
    let week = Fixtures.week([.mon], periods: 2)
    let (first, second) = (week.slots[0], week.slots[1])
    let school = School(
      name: "测试", week: week, rules: Rules(minSize: 1, electivesPerStudent: 1),
      courses: [
        Course(code: "A", name: "甲", grades: GradeSet([3]), maxSize: 2, minSize: 1, slots: [first], roomType: "教室", teachers: ["T1"]),
        Course(code: "B", name: "乙", grades: GradeSet([3]), maxSize: 5, minSize: 1, slots: [second], roomType: "教室", teachers: ["T2"]),
      ],
      rooms: [Room(id: "R1", type: "教室", capacity: 9), Room(id: "R2", type: "教室", capacity: 9)],
      teachers: [Teacher(id: "T1"), Teacher(id: "T2")],
      students: (1...5).map { Student(id: "S\($0)", grade: 3, electives: 1, acceptAny: true, choices: ["A"]) })
    let a = Section(course: "A", slot: first, room: "R1", teacher: "T1")
    let b = Section(course: "B", slot: second, room: "R2", teacher: "T2")
    let start = Solution(
      sections: [a, b], placements: [Placement(student: "S1", section: a.id), Placement(student: "S2", section: b.id)])
    let filled = SeatFill.fill(start, instance: Instance(school))
    #expect(filled.placements.count == 5)
    #expect(filled.placements.filter { $0.section == a.id }.count == 2, "A's second seat goes to a student who ranked it")
    #expect(Checker.check(school: school, rows: filled.assignmentRows).violations.isEmpty)
  }

  /// The solution without some placements, each taken only from a section that keeps its
  /// minimum and from a student without a fixed.csv row for that course.
  static func thinned(_ solution: Solution, school: School, seed: UInt64) -> Solution {
    var rng = SplitMix64(seed: seed &* 7919)
    let courseOf = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0.course) })
    var enrolled = Dictionary(grouping: solution.placements, by: \.section).mapValues(\.count)
    var kept: [Placement] = []
    for placement in solution.placements {
      let course = school.course(courseOf[placement.section]!)!
      let fixed = school.fixed.contains { $0.student == placement.student && $0.course == course.code }
      if !fixed && enrolled[placement.section]! > course.minSize && rng.chance(50) {
        enrolled[placement.section]! -= 1
      } else {
        kept.append(placement)
      }
    }
    return Solution(sections: solution.sections, placements: kept)
  }

  /// A student with an elective to spare and an open section they may take, with a free seat,
  /// in a slot they can attend and have free: what a filled timetable must not have.
  static func unusedSeat(in solution: Solution, school: School) -> (student: String, section: String)? {
    let byID = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0) })
    let enrolled = Dictionary(grouping: solution.placements, by: \.section).mapValues(\.count)
    for student in school.students {
      let mine = solution.placements.filter { $0.student == student.id }.compactMap { byID[$0.section] }
      let wanted = BruteForce.asked(student, school.week.slots)
      guard mine.count < wanted else { continue }
      for section in solution.sections {
        let course = school.course(section.course)!
        let room = school.rooms.first { $0.id == section.room }!
        let acceptable = course.grades.contains(student.grade) && (student.choices.contains(course.code) || student.acceptAny)
        let free = enrolled[section.id, default: 0] < min(course.maxSize, room.capacity)
        let worth = BruteForce.utility(student, course.code, school.objective) + school.objective.unplacedPenalty > 0
        if acceptable && free && worth && student.isAvailable(in: section.slot) && !mine.contains(where: { $0.slot == section.slot || $0.course == course.code }) {
          return (student.id, section.id)
        }
      }
    }
    return nil
  }
}

/// The placement's per-student matching (`SlotMatching.best`, a branch and bound) against plain
/// enumeration of every way to give each option a free slot or none.
@Suite struct SlotMatchingTests {
  static func enumerated(_ options: [(Int, UInt64)], _ i: Int, _ used: UInt64) -> Int {
    guard i < options.count else { return 0 }
    var best = enumerated(options, i + 1, used)
    for bit in 0..<8 where options[i].1 & ~used & (1 << UInt64(bit)) != 0 {
      best = max(best, options[i].0 + enumerated(options, i + 1, used | 1 << UInt64(bit)))
    }
    return best
  }

  @Test func itFindsWhatEnumerationFinds() {
    var rng = SplitMix64(seed: 99)
    for _ in 0..<3000 {
      let options = (0..<rng.int(0...6)).map { _ in (rng.int(-5...300), UInt64(rng.int(0...255))) }
      let used = rng.chance(0.3) ? UInt64(1) << UInt64(rng.int(0...7)) : 0
      let expected = Self.enumerated(options, 0, used)
      let found = options.withUnsafeBufferPointer { source in
        withUnsafeTemporaryAllocation(of: (Int, UInt64).self, capacity: source.count) { buffer in
          for (i, item) in source.enumerated() { buffer[i] = item }
          return SlotMatching.best(buffer, used: used)
        }
      }
      #expect(found == expected, "\(options) used \(used)")
    }
  }
}
