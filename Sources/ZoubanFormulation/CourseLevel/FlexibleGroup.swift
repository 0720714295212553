import MIPModel
import ZoubanModel

/// 服从调剂 students who are interchangeable for unranked placements: same grade (so the same
/// eligible courses), same priority multiplier (so the same value), same unavailable slots.
///
/// An unranked placement is worth `m · (any_utility + penalty)` whoever gets it, so the
/// course-level model only counts them per (course, group) instead of per (student, course):
/// at school scale that removes most of its columns. It stays a relaxation — every timetable
/// maps onto it — so its optimum is still a valid bound.
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
