import Foundation
import Zouban

/// How a method's best objective and proven bound moved during its run, for the issue's
/// criterion "at least 10× faster to the same gap": the time each method first stood at a given
/// gap, not only where it finished.
struct Trajectory {
  /// Seconds since the method started, with the best objective and bound known then.
  struct Point {
    let seconds: Double
    let objective: Int?
    let bound: Int?
  }

  private(set) var points: [Point] = []

  /// Keeps a point only when the figures changed.
  mutating func record(seconds: Double, objective: Int?, bound: Int?) {
    if let last = points.last, last.objective == objective, last.bound == bound { return }
    points.append(Point(seconds: seconds, objective: objective, bound: bound))
  }

  /// The first time the gap, SPEC §3's `(bound − objective) / max(1, |objective|)`, was at most
  /// `gap`; `nil` when it never was.
  func firstSeconds(atGapAtMost gap: Double) -> Double? {
    points.first { point in
      guard let objective = point.objective, let bound = point.bound else { return false }
      return Double(bound - objective) / Double(max(1, abs(objective))) <= gap + 1e-12
    }?.seconds
  }
}

/// Samples a running solve's `SolveProgress` every few milliseconds on its own thread: the
/// solver records its figures there as it goes (a stage's end, or GLPK's callback live), so the
/// samples are what a progress line would have shown.
final class ProgressSampler: @unchecked Sendable {
  private let progress: SolveProgress
  private let started: Double
  private let lock = NSLock()
  private var trajectory = Trajectory()
  private var running = true
  private let done = DispatchSemaphore(value: 0)

  init(_ progress: SolveProgress, started: Double) {
    self.progress = progress
    self.started = started
    Thread.detachNewThread { [self] in
      while lock.withLock({ running }) {
        sample()
        usleep(10_000)
      }
      done.signal()
    }
  }

  /// Stops sampling and returns what was seen, ending with the solve's own final figures.
  func stop(seconds: Double, objective: Int?, bound: Int?) -> Trajectory {
    lock.withLock { running = false }
    done.wait()
    return lock.withLock {
      trajectory.record(seconds: seconds, objective: objective, bound: bound)
      return trajectory
    }
  }

  private func sample() {
    let (objective, bound) = progress.snapshot
    let seconds = now() - started
    lock.withLock { trajectory.record(seconds: seconds, objective: objective, bound: bound) }
  }
}
