/// Seats students in slots by augmenting paths (a bipartite b-matching): each student has a mask
/// of slots they may sit in, each slot a number of seats. Small: one course's students.
struct SeatFlow {
  private var free: [Int]
  private let wants: [UInt64]
  private var holders: [[Int]]

  init(seats: [Int], wants: [UInt64]) {
    free = seats
    self.wants = wants
    holders = Array(repeating: [], count: seats.count)
  }

  /// How many students find no seat.
  mutating func unseated() -> Int {
    var missing = 0
    for u in wants.indices {
      var visited: UInt64 = 0
      if !seat(u, &visited) { missing += 1 }
    }
    return missing
  }

  private mutating func seat(_ u: Int, _ visited: inout UInt64) -> Bool {
    var bits = wants[u] & ~visited
    while bits != 0 {
      let t = bits.trailingZeroBitCount
      bits &= bits - 1
      visited |= 1 << UInt64(t)
      if free[t] > 0 {
        free[t] -= 1
        holders[t].append(u)
        return true
      }
      for k in holders[t].indices where seat(holders[t][k], &visited) {
        holders[t][k] = u
        return true
      }
    }
    return false
  }
}
