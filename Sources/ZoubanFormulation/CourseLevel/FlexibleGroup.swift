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
  /// and once per course: a bipartite b-matching solved as a maximum flow (source → course, at
  /// most its count; course → member who may take it, at most once; member → sink, at most
  /// their share), so every placement is handed whenever the members can take them all. Handing
  /// out greedily in file order lost 11 of the 10,000-student school's planned placements; one
  /// augmenting path at a time did not end in minutes for one group of 5,000 members
  /// (`MaxFlow`). Returns (student, course) pairs, members in file order, courses ascending.
  func handOut(demand: [(course: Int, count: Int)], shares: [Int]) -> [(student: Int, course: Int)] {
    let position = Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1, $0) })
    let source = 0
    let sink = 1 + demand.count + students.count
    let memberNode = { (m: Int) in 1 + demand.count + m }
    var network = MaxFlow(nodes: sink + 1)
    var arcs: [(member: Int, course: Int, arc: Int)] = []
    for (k, (course, count)) in demand.enumerated() where count > 0 {
      network.addArc(from: source, to: 1 + k, capacity: count)
      for m in (membersByCourse[course] ?? []).compactMap({ position[$0] }).sorted() {
        arcs.append((m, course, network.addArc(from: 1 + k, to: memberNode(m), capacity: 1)))
      }
    }
    for m in students.indices where shares[m] > 0 { network.addArc(from: memberNode(m), to: sink, capacity: shares[m]) }
    _ = network.maximise(from: source, to: sink)
    var held = [[Int]](repeating: [], count: students.count)
    for (m, course, arc) in arcs where network.flow(on: arc) > 0 { held[m].append(course) }
    return held.enumerated().flatMap { i, courses in courses.sorted().map { (students[i], $0) } }
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
