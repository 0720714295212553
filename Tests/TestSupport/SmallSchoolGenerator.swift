import ZoubanGenerator
import ZoubanModel

/// Test-only draws on top of the product's seeded generator (same sequence for the same seed).
extension SplitMix64 {
  /// True with the given probability, in percent.
  public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  /// A random subset of `count` items, kept in their original order.
  public mutating func subset<T>(_ items: [T], count: Int) -> [T] {
    let keep = Set(shuffled(Array(items.indices)).prefix(count))
    return items.indices.filter { keep.contains($0) }.map { items[$0] }
  }

  /// A random non-empty subset, in the original order.
  public mutating func nonEmptySubset<T>(_ items: [T]) -> [T] { subset(items, count: int(1...items.count)) }
}

/// Tiny but varied schools for checking a solver against `BruteForce`.
///
/// Every instance is small enough to enumerate (2–3 slots, 2–4 courses, 1–3 rooms and teachers,
/// 3–6 students asking for 0–2 electives) yet exercises every rule and every objective term:
/// minimums that cannot be met, rooms smaller than courses, unavailable rooms, teachers and
/// students, teacher week limits, parallel sections, grade limits, priority and accept-any
/// students, electives capped by availability, choices ranked past the utility list, and valid
/// `fixed.csv` rows that may still make the school infeasible.
public struct SmallSchoolGenerator {
  private var rng: SplitMix64

  public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  public mutating func next() -> School {
    let (dayCount, periods) = rng.pick([(2, 1), (3, 1), (1, 2), (1, 3), (2, 1)])
    let days = rng.subset([Weekday.mon, .tue, .wed, .thu, .fri], count: dayCount)
    let week = Fixtures.week(days, periods: periods)
    let slots = week.slots
    let types = Array(["教室", "操场"].prefix(rng.int(1...2)))

    let teachers = (1...rng.int(1...3)).map { i in
      Teacher(
        id: "T\(i)", name: "教师\(i)", maxSections: rng.chance(35) ? rng.int(1...2) : nil,
        unavailable: rng.chance(30) ? [rng.pick(slots)] : [])
    }
    let rooms = (1...rng.int(1...3)).map { i in
      Room(
        id: "R\(i)", name: "场地\(i)", type: rng.pick(types), capacity: rng.int(1...4),
        unavailable: rng.chance(25) ? [rng.pick(slots)] : [])
    }
    let courses = (1...rng.int(2...4)).map { i in
      let maxSize = rng.int(2...4)
      return Course(
        code: "C\(i)", name: "课程\(i)", grades: GradeSet(rng.chance(50) ? [1, 2, 3] : rng.nonEmptySubset([1, 2, 3])),
        maxSize: maxSize, minSize: rng.int(1...min(3, maxSize)), maxSections: rng.int(1...2),
        slots: rng.chance(60) ? slots : rng.nonEmptySubset(slots), roomType: rng.pick(types),
        teachers: rng.nonEmptySubset(teachers.map(\.id)))
    }
    // Sometimes one course is everybody's first wish, so that parallel sections pay off.
    let popular = rng.chance(35) ? rng.pick(courses).code : nil
    let students = (1...rng.int(3...6)).map { i in
      let wishes = rng.shuffled(courses.map(\.code)).prefix(rng.int(0...min(3, courses.count)))
      return Student(
        id: "S\(i)", name: "学生\(i)", grade: rng.int(1...3), electives: rng.pick([0, 1, 1, 2, 2, 2]),
        priority: rng.chance(25) ? "留守" : "", acceptAny: rng.chance(30),
        unavailable: rng.chance(30) ? Set(rng.subset(slots, count: rng.int(1...2))) : [],
        choices: popular.map { p in [p] + wishes.filter { $0 != p } } ?? Array(wishes))
    }
    var rankUtility = [rng.int(20...60)]
    for _ in 1..<rng.int(1...3) { rankUtility.append(max(0, rankUtility.last! - rng.int(0...15))) }
    let weights = ObjectiveWeights(
      rankUtility: rankUtility, anyUtility: rng.int(0...15), unplacedPenalty: rng.chance(15) ? 0 : rng.int(5...40),
      priorityMultiplier: rng.int(1...3))

    return School(
      name: "随机小学", week: week, rules: Rules(minSize: 1, electivesPerStudent: 1), objective: weights,
      courses: courses, rooms: rooms, teachers: teachers, students: students,
      fixed: rng.chance(30) ? fixedRows(students: students, courses: courses, rooms: rooms) : [])
  }

  /// One or two `fixed.csv` rows that `zouban validate` would accept: the course's grades hold
  /// the student, a pinned slot is allowed for the course and free for the student, and no
  /// student gets more fixed rows than electives. Mostly the course is one the student can attend
  /// with a room of its type holding its minimum, so that most of these schools stay feasible and
  /// the optimum has to honour the rows.
  private mutating func fixedRows(students: [Student], courses: [Course], rooms: [Room]) -> [FixedPlacement] {
    var rows: [FixedPlacement] = []
    for _ in 1...rng.int(1...2) {
      let student = rng.pick(students)
      let mine = rows.filter { $0.student == student.id }
      let open = courses.filter { c in c.grades.contains(student.grade) && !mine.contains { $0.course == c.code } }
      guard mine.count < student.electives else { continue }
      let housed = open.filter { c in
        rooms.contains { $0.type == c.roomType && $0.capacity >= c.minSize }
          && c.slots.contains { student.isAvailable(in: $0) }
      }
      let pool = rng.chance(85) ? housed : open
      guard !pool.isEmpty else { continue }
      let course = rng.pick(pool)
      let free = course.slots.filter { student.isAvailable(in: $0) }
      let slot = !free.isEmpty && rng.chance(50) ? rng.pick(free) : nil
      rows.append(FixedPlacement(student: student.id, course: course.code, slot: slot))
    }
    return rows
  }
}
