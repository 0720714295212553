/// A maximum flow by Dinic's algorithm on integer capacities: breadth-first levels, then
/// blocking flows along them. Arcs are kept in the order they were added and searched in that
/// order, so the same network always gives the same flow.
///
/// Why Dinic and not one augmenting path at a time: handing 服从调剂 placements to a group's
/// members (`FlexibleGroup.handOut`) is a b-matching with one arc per member and course; with
/// one group of 5,000 members, 35 courses and 30,000 placements, a path at a time did not end
/// in minutes, and Dinic needs a few dozen phases.
struct MaxFlow {
  private var head: [Int]
  private var target: [Int] = []
  private var capacity: [Int] = []
  private var next: [Int] = []

  init(nodes: Int) { head = [Int](repeating: -1, count: nodes) }

  /// Adds an arc and its residual twin; returns the arc's number, for `flow(on:)`.
  @discardableResult
  mutating func addArc(from u: Int, to v: Int, capacity c: Int) -> Int {
    let arc = target.count
    for (from, to, cap) in [(u, v, c), (v, u, 0)] {
      target.append(to)
      capacity.append(cap)
      next.append(head[from])
      head[from] = target.count - 1
    }
    return arc
  }

  /// The flow on an arc after `maximise`: what its twin carries back.
  func flow(on arc: Int) -> Int { capacity[arc ^ 1] }

  /// Sends as much as the network allows from `source` to `sink`; returns the amount.
  mutating func maximise(from source: Int, to sink: Int) -> Int {
    var total = 0
    while let level = levels(from: source, to: sink) {
      var current = head
      while true {
        let pushed = push(source, sink, .max, level: level, current: &current)
        if pushed == 0 { break }
        total += pushed
      }
    }
    return total
  }

  private func levels(from source: Int, to sink: Int) -> [Int]? {
    var level = [Int](repeating: -1, count: head.count)
    level[source] = 0
    var queue = [source]
    var i = 0
    while i < queue.count {
      let u = queue[i]
      i += 1
      var arc = head[u]
      while arc >= 0 {
        if capacity[arc] > 0 && level[target[arc]] < 0 {
          level[target[arc]] = level[u] + 1
          queue.append(target[arc])
        }
        arc = next[arc]
      }
    }
    return level[sink] < 0 ? nil : level
  }

  /// One augmenting path along the levels, depth first, iteratively (no recursion: paths are
  /// short here, but a deep one must not overflow the stack).
  private mutating func push(_ source: Int, _ sink: Int, _ limit: Int, level: [Int], current: inout [Int]) -> Int {
    var path: [Int] = []
    var u = source
    while true {
      if u == sink {
        let amount = path.reduce(limit) { min($0, capacity[$1]) }
        for arc in path {
          capacity[arc] -= amount
          capacity[arc ^ 1] += amount
        }
        return amount
      }
      var advanced = false
      while current[u] >= 0 {
        let arc = current[u]
        let v = target[arc]
        if capacity[arc] > 0 && level[v] == level[u] + 1 {
          path.append(arc)
          u = v
          advanced = true
          break
        }
        current[u] = next[arc]
      }
      if advanced { continue }
      // A dead end: never try it again in this phase, and step back.
      guard let last = path.popLast() else { return 0 }
      u = target[last ^ 1]
      current[u] = next[current[u]]
    }
  }
}
