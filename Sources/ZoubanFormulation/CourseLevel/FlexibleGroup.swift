import MIPModel
import ZoubanModel

/// 服从调剂 students who are interchangeable for unranked placements: same grade (so the same
/// eligible courses), same priority multiplier (so the same value), same unavailable slots.
///
/// An unranked placement is worth `m · (any_utility + penalty)` whoever gets it, so the
/// course-level model only counts them per (course, group) instead of per (student, course):
/// at school scale that removes most of its columns. It stays a relaxation — every timetable
/// maps onto it — so its optimum is still a valid bound. A group's count alone cannot see a
/// member's clashes (an unranked club in the slot of their ranked one); the clash rows' model
/// gives each member's unranked placements their slots (`addFlexibleSlots`).
struct FlexibleGroup {
  struct Key: Hashable, Comparable {
    let grade: Int
    let multiplier: Int
    let unavailable: [Slot]

    static func < (a: Key, b: Key) -> Bool {
      (a.grade, a.multiplier, a.unavailable.map(\.id).joined(separator: ";"))
        < (b.grade, b.multiplier, b.unavailable.map(\.id).joined(separator: ";"))
    }
  }

  let key: Key
  /// Members in file order, with their share column `a[s]`.
  private(set) var students: [Int] = []
  private(set) var shares: [MIPModel.VariableID] = []
  /// Members who may be placed in each course without ranking it.
  private(set) var membersByCourse: [Int: Set<Int>] = [:]

  init(key: Key) { self.key = key }

  mutating func add(student s: Int, share: MIPModel.VariableID, courses: [Int]) {
    students.append(s)
    shares.append(share)
    for c in courses { membersByCourse[c, default: []].insert(s) }
  }

  /// Hands out `demand` (course, placements) to the members, each at most `shares[i]` placements
  /// and once per course: a bipartite b-matching grown by shortest augmenting paths (a member
  /// who is full may pass one of their courses on to another member), so every placement is
  /// handed whenever the members can take them all. Handing out greedily in file order lost
  /// 11 of the 10,000-student school's planned placements. Returns (student, course) pairs.
  func handOut(demand: [(course: Int, count: Int)], shares: [Int]) -> [(student: Int, course: Int)] {
    let position = Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1, $0) })
    let eligible = membersByCourse.mapValues { $0.compactMap { position[$0] }.sorted() }
    var held = [[Int]](repeating: [], count: students.count)
    for (course, count) in demand {
      for _ in 0..<count {
        guard let path = augmentingPath(course: course, held: held, shares: shares, eligible: eligible) else { break }
        for step in path {
          if let given = step.gives, let k = held[step.member].firstIndex(of: given) { held[step.member].remove(at: k) }
          held[step.member].append(step.takes)
        }
      }
    }
    return held.enumerated().flatMap { i, courses in courses.sorted().map { (students[i], $0) } }
  }

  /// Breadth-first from the members who may take `course`: a member with room ends the path; a
  /// full one may give one of their courses to another member who may take it.
  private func augmentingPath(course: Int, held: [[Int]], shares: [Int], eligible: [Int: [Int]]) -> [HandOutStep]? {
    var parent: [Int: (from: Int?, takes: Int)] = [:]
    var queue: [Int] = []
    for m in eligible[course] ?? [] where !held[m].contains(course) {
      parent[m] = (nil, course)
      queue.append(m)
    }
    var head = 0
    while head < queue.count {
      let m = queue[head]
      head += 1
      if held[m].count < shares[m] {
        var steps: [HandOutStep] = []
        var current = m
        var gives: Int? = nil
        while true {
          let link = parent[current]!
          steps.append(HandOutStep(member: current, takes: link.takes, gives: gives))
          guard let from = link.from else { break }
          gives = link.takes
          current = from
        }
        return steps
      }
      for passed in held[m] {
        for other in eligible[passed] ?? [] where parent[other] == nil && !held[other].contains(passed) {
          parent[other] = (m, passed)
          queue.append(other)
        }
      }
    }
    return nil
  }

  /// A readable, unique name for model rows: `g7x1` or `g7x2-Fri-1-Fri-2`.
  var name: String {
    (["g\(key.grade)x\(key.multiplier)"] + key.unavailable.map(\.id)).joined(separator: "-")
  }
}

/// One `z[c,g]` column.
struct FlexibleTake {
  let group: Int
  let course: Int
  let variable: MIPModel.VariableID
}

/// One member's change along an augmenting path: takes a course, and gives one away if full.
private struct HandOutStep {
  let member: Int
  let takes: Int
  let gives: Int?
}
