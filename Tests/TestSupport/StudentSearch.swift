/// Level two of the brute force: for a fixed set of sections, every way to place the students.
///
/// Each student picks one "bundle": a set of sections with at most `electives` members, no two in
/// one slot or of one course, each one the student is eligible for (rules 1 and 2), covering the
/// student's fixed rows (rule 6). Every section must end up between its minimum and its capacity
/// (rule 3); a section left empty is the same timetable as the set without it, which level one
/// tries on its own.
struct StudentSearch {
  private struct Bundle {
    let members: [Int]
    let value: Int
  }

  private let sections: [Candidate]
  /// `bundles[s]`, best value first.
  private let bundles: [[Bundle]]
  /// `bound[i]`: the most students i… could add, each taking their best bundle.
  private let bound: [Int]
  /// `reach[i][k]`: how many of students i… could still join section k.
  private let reach: [[Int]]

  private var counts: [Int]
  private var picked: [Int]
  private(set) var bestValue: Int?
  private(set) var bestMembers: [[Int]]?

  /// `mustBeat`: only a value strictly above it is of interest (the best from other section sets).
  init(_ problem: BruteForceProblem, sections: [Candidate], mustBeat: Int?) {
    self.sections = sections
    let students = problem.school.students
    bundles = students.indices.map { s in
      Self.bundles(student: s, electives: students[s].electives, sections: sections, problem: problem)
    }
    var bound = Array(repeating: 0, count: students.count + 1)
    var reach = Array(repeating: Array(repeating: 0, count: sections.count), count: students.count + 1)
    for s in students.indices.reversed() {
      bound[s] = bound[s + 1] + (bundles[s].first?.value ?? 0)
      reach[s] = reach[s + 1]
      for k in Set(bundles[s].flatMap(\.members)) { reach[s][k] += 1 }
    }
    self.bound = bound
    self.reach = reach
    counts = Array(repeating: 0, count: sections.count)
    picked = Array(repeating: 0, count: students.count)
    bestValue = mustBeat
  }

  /// Searches; afterwards `bestMembers` is set only if a placement beat `mustBeat`.
  mutating func run() {
    // A student whose fixed rows no bundle can cover makes this set of sections infeasible.
    guard !bundles.contains(where: \.isEmpty) else { return }
    place(0, value: 0)
  }

  private mutating func place(_ s: Int, value: Int) {
    if let bestValue, value + bound[s] <= bestValue { return }
    for k in sections.indices where counts[k] + reach[s][k] < sections[k].minSize { return }
    guard s < bundles.count else {
      bestValue = value
      bestMembers = picked.indices.map { bundles[$0][picked[$0]].members }
      return
    }
    for (b, bundle) in bundles[s].enumerated() {
      guard bundle.members.allSatisfy({ counts[$0] < sections[$0].capacity }) else { continue }
      for k in bundle.members { counts[k] += 1 }
      picked[s] = b
      place(s + 1, value: value + bundle.value)
      for k in bundle.members { counts[k] -= 1 }
    }
  }

  /// Every bundle student s may take, best value first (ties in the order generated).
  private static func bundles(
    student s: Int, electives: Int, sections: [Candidate], problem: BruteForceProblem
  ) -> [Bundle] {
    let options = sections.indices.filter { problem.eligible[s][sections[$0].course][sections[$0].slot] }
    var found: [[Int]] = []
    func extend(_ members: [Int], from start: Int) {
      found.append(members)
      guard members.count < electives else { return }
      for i in start..<options.count {
        let k = options[i]
        let clash = members.contains {
          sections[$0].slot == sections[k].slot || sections[$0].course == sections[k].course
        }
        if !clash { extend(members + [k], from: i + 1) }
      }
    }
    extend([], from: 0)
    let covering = found.filter { members in
      problem.fixed[s].allSatisfy { row in
        members.contains { sections[$0].course == row.course && (row.slot == nil || sections[$0].slot == row.slot) }
      }
    }
    let valued = covering.map { members in
      Bundle(members: members, value: members.reduce(0) { $0 + problem.weight[s][sections[$1].course] })
    }
    return valued.indices.sorted { (valued[$0].value, $1) > (valued[$1].value, $0) }.map { valued[$0] }
  }
}
