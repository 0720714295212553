import TestSupport
import Testing
import ZoubanCheck
import ZoubanModel

/// The brute force against the checker on random schools, and against hand-worked optima.
@Suite struct BruteForceTests {
  @Test func randomSchoolsSolutionsPassTheChecker() {
    var infeasible = 0
    var parallel = 0
    var honoured = 0
    for seed in UInt64(1)...300 {
      var generator = SmallSchoolGenerator(seed: seed)
      let school = generator.next()
      guard let (objective, solution) = BruteForce.optimum(school) else {
        infeasible += 1
        #expect(!school.fixed.isEmpty, "seed \(seed): infeasible without fixed rows")
        continue
      }
      let report = Checker.check(school: school, rows: solution.assignmentRows)
      #expect(report.violations == [], "seed \(seed)")
      #expect(report.objective == objective, "seed \(seed)")
      if solution.sections.contains(where: { $0.parallelIndex > 1 }) { parallel += 1 }
      if !school.fixed.isEmpty { honoured += 1 }
    }
    // The generator must keep producing the hard cases, or this test proves little.
    #expect(infeasible > 0)
    #expect(parallel > 0)
    #expect(honoured > 0)
  }

  /// A local check of optimality: removing one placement, adding one to an open section, or
  /// opening a new section for one student never yields a clean timetable that the checker
  /// scores higher than the brute force's optimum.
  @Test func noSingleChangeBeatsTheOptimum() {
    for seed in UInt64(1)...300 {
      var generator = SmallSchoolGenerator(seed: seed)
      let school = generator.next()
      guard let (objective, solution) = BruteForce.optimum(school) else { continue }
      let rows = solution.assignmentRows
      var variants = rows.indices.map { i in rows.enumerated().filter { $0.offset != i }.map(\.element) }
      var sections = solution.sections
      // A one-student section can only be clean for a course whose minimum is 1, in a free room
      // of its type with a free teacher.
      for course in school.courses where course.minSize == 1 {
        for slot in course.slots
        where !solution.sections.contains(where: { $0.course == course.code && $0.slot == slot }) {
          let busy = solution.sections.filter { $0.slot == slot }
          let room = school.rooms.first { r in
            r.type == course.roomType && r.isAvailable(in: slot) && !busy.contains { $0.room == r.id }
          }
          let teacher = school.teachers.first { t in
            course.teachers.contains(t.id) && t.isAvailable(in: slot) && !busy.contains { $0.teacher == t.id }
          }
          if let room, let teacher {
            sections.append(Section(course: course.code, slot: slot, room: room.id, teacher: teacher.id))
          }
        }
      }
      for student in school.students {
        for section in sections where !rows.contains(where: { $0.student == student.id && $0.section == section.id }) {
          let added = AssignmentRow(
            line: rows.count + 2, student: student.id, course: section.course, section: section.id,
            slot: section.slot.id, room: section.room, teacher: section.teacher)
          variants.append(rows + [added])
        }
      }
      for variant in variants {
        let report = Checker.check(school: school, rows: variant)
        #expect(!report.isClean || report.objective <= objective, "seed \(seed)")
      }
    }
  }

  @Test func generatorIsDeterministic() {
    var a = SmallSchoolGenerator(seed: 42)
    var b = SmallSchoolGenerator(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
  }

  /// One room of 2 for three students who all want K (10 points, 5 per elective unplaced):
  /// the priority student (×3) and one other get in: 30 + 10 − 5 = 35.
  @Test func roomCapacityAndPriority() throws {
    let school = Self.school(
      slots: 1, capacity: 2,
      students: [Self.student("Q1"), Self.student("Q2"), Self.student("Q3", priority: true)])
    let (objective, solution) = try #require(BruteForce.optimum(school))
    #expect(objective == 35)
    #expect(solution.placements.contains(Placement(student: "Q3", section: "K/Mon-1")))
  }

  /// K needs 3 students but only 2 apply: nothing opens, both pay the penalty.
  @Test func minimumOutOfReach() throws {
    let school = Self.school(slots: 1, minSize: 3, students: [Self.student("Q1"), Self.student("Q2")])
    let (objective, solution) = try #require(BruteForce.optimum(school))
    #expect(objective == -10)
    #expect(solution == .empty)
  }

  /// Sections of one seat in two slots: two sections place both students (20), but a teacher
  /// limited to one section a week places only one (10 − 5).
  @Test func teacherWeekLimit() throws {
    let students = [Self.student("Q1"), Self.student("Q2")]
    let free = try #require(BruteForce.optimum(Self.school(slots: 2, maxSize: 1, students: students)))
    #expect(free.objective == 20)
    let limited = try #require(
      BruteForce.optimum(Self.school(slots: 2, maxSize: 1, teacherLimit: 1, students: students)))
    #expect(limited.objective == 5)
  }

  /// Four students, sections of two, two rooms and two teachers in one slot: K opens twice.
  @Test func parallelSections() throws {
    let school = Self.school(
      slots: 1, rooms: 2, teachers: 2, students: ["Q1", "Q2", "Q3", "Q4"].map { Self.student($0) })
    let (objective, solution) = try #require(BruteForce.optimum(school))
    #expect(objective == 40)
    #expect(solution.sections.map(\.id) == ["K/Mon-1", "K/Mon-1/2"])
  }

  /// Two electives asked but only one slot free: the second does not count as unplaced.
  @Test func electivesCappedByAvailability() throws {
    let q1 = Student(id: "Q1", grade: 3, electives: 2, unavailable: [Fixtures.slot("Tue-1")], choices: ["K"])
    let (objective, _) = try #require(BruteForce.optimum(Self.school(slots: 2, students: [q1])))
    #expect(objective == 10)
  }

  /// A fixed row forces the 2nd choice L (6) over the 1st choice K (10).
  @Test func fixedRowForcesAWorseChoice() throws {
    var school = Self.school(slots: 1, students: [Self.student("Q1", choices: ["K", "L"])])
    school.objective.rankUtility = [10, 6]
    school.courses.append(Self.course("L"))
    school.fixed = [FixedPlacement(student: "Q1", course: "L")]
    let (objective, solution) = try #require(BruteForce.optimum(school))
    #expect(objective == 6)
    #expect(solution.placements == [Placement(student: "Q1", section: "L/Mon-1")])
  }

  /// A fixed row in a slot where the only room is closed cannot be honoured.
  @Test func fixedRowThatCannotBeHonoured() {
    var school = Self.school(slots: 2, students: [Self.student("Q1")])
    school.rooms = [Room(id: "X1", type: "教室", capacity: 4, unavailable: [Fixtures.slot("Mon-1")])]
    school.fixed = [FixedPlacement(student: "Q1", course: "K", slot: Fixtures.slot("Mon-1"))]
    #expect(BruteForce.optimum(school) == nil)
  }

  // MARK: - Hand-made schools

  /// Slots Mon-1 (and Tue-1 when `slots` is 2); course K for everyone; rooms X1… of type 教室;
  /// teachers T1… all qualified; 1st choice 10, anything else 0, unplaced 5, priority ×3.
  private static func school(
    slots: Int, capacity: Int = 4, rooms: Int = 1, teachers: Int = 1, maxSize: Int = 2, minSize: Int = 1,
    teacherLimit: Int? = nil, students: [Student]
  ) -> School {
    let days: [Weekday] = slots == 1 ? [.mon] : [.mon, .tue]
    let teacherIDs = (1...teachers).map { "T\($0)" }
    return School(
      week: Fixtures.week(days, periods: 1),
      objective: ObjectiveWeights(rankUtility: [10], anyUtility: 0, unplacedPenalty: 5, priorityMultiplier: 3),
      courses: [course("K", maxSize: maxSize, minSize: minSize, teachers: teacherIDs, days: days)],
      rooms: (1...rooms).map { Room(id: "X\($0)", type: "教室", capacity: capacity) },
      teachers: teacherIDs.map { Teacher(id: $0, maxSections: teacherLimit) },
      students: students)
  }

  private static func course(
    _ code: String, maxSize: Int = 2, minSize: Int = 1, teachers: [String] = ["T1"], days: [Weekday] = [.mon, .tue]
  ) -> Course {
    Course(
      code: code, name: code, grades: GradeSet(1...6), maxSize: maxSize, minSize: minSize, maxSections: 2,
      slots: Fixtures.week(days, periods: 1).slots, roomType: "教室", teachers: teachers)
  }

  private static func student(_ id: String, priority: Bool = false, choices: [String] = ["K"]) -> Student {
    Student(id: id, grade: 3, electives: 1, priority: priority ? "残疾" : "", choices: choices)
  }
}
