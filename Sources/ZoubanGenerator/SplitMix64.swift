/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator whose sequence is the same on every
/// platform and Swift version, so that `zouban generate --seed 7` writes the same bytes anywhere.
///
/// The system generator is never used: it cannot be seeded, and a benchmark that cannot be
/// replayed measures nothing.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range`. The modulo bias (below 2⁻⁴⁰ for any range used here) does not
  /// matter for made-up schools, and unlike `Int.random(in:using:)` the mapping is written down
  /// here, so it cannot change with the standard library.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// A number in `[0, 1)` with 53 random bits.
  public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

  /// True with the given probability (0…1).
  public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  public mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

  /// The items in a random order (Fisher–Yates).
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var items = items
    for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
    return items
  }

  /// `count` distinct indices of `weights`, each drawn in proportion to its weight among those
  /// not drawn yet (how a family ranks clubs: the popular ones first, but not always).
  public mutating func weightedDraw(_ weights: [Double], count: Int) -> [Int] {
    var remaining = Array(weights.indices)
    var drawn: [Int] = []
    while drawn.count < count, !remaining.isEmpty {
      let total = remaining.reduce(0) { $0 + weights[$1] }
      var target = unit() * total
      var chosen = remaining.count - 1
      for (position, index) in remaining.enumerated() {
        target -= weights[index]
        if target < 0 {
          chosen = position
          break
        }
      }
      drawn.append(remaining.remove(at: chosen))
    }
    return drawn
  }
}
