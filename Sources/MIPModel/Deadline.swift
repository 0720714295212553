/// The one clock a solve runs against: an end on the monotonic clock and a way to be stopped.
///
/// Why one value instead of each phase reading the wall clock: a phase handed "the time left"
/// as a number computes it from its own start, and a floor like `max(0.5, …)` there lets it
/// outlive the user's `--time-limit`. A share of a deadline never ends after its parent, so a
/// phase and everything it calls (GLPK's `tm_lim`, our own search loops) stop with the solve.
/// `stop` is how Ctrl-C reaches loops that are not GLPK's (the caller passes its interrupt flag).
public struct Deadline: Sendable {
  public let end: ContinuousClock.Instant
  private let stop: @Sendable () -> Bool

  public init(seconds: Double, stop: @escaping @Sendable () -> Bool = { false }) {
    self.init(end: ContinuousClock.now + Self.duration(seconds), stop: stop)
  }

  private init(end: ContinuousClock.Instant, stop: @escaping @Sendable () -> Bool) {
    self.end = end
    self.stop = stop
  }

  /// A deadline that never comes, for callers without a limit (tests, library defaults).
  public static var none: Deadline { Deadline(seconds: 365 * 86400) }

  /// Seconds left, never negative.
  public var remaining: Double {
    let left = ContinuousClock.now.duration(to: end).components
    return max(0, Double(left.seconds) + Double(left.attoseconds) * 1e-18)
  }

  /// Out of time or stopped: a loop checks this between steps and returns what it has.
  public var expired: Bool { stop() || remaining <= 0 }

  /// `fraction` of the time left, ending no later than this deadline.
  public func share(_ fraction: Double) -> Deadline {
    within(seconds: remaining * min(1, max(0, fraction)))
  }

  /// At most `seconds` from now, ending no later than this deadline.
  public func within(seconds: Double) -> Deadline {
    let candidate = ContinuousClock.now + Self.duration(max(0, seconds))
    return Deadline(end: min(end, candidate), stop: stop)
  }

  private static func duration(_ seconds: Double) -> Duration {
    .milliseconds(Int64(min(seconds, 1e12 / 1000) * 1000))
  }
}
