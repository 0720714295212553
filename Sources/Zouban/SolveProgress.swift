import Foundation
import GLPKSolver

/// A solve's progress while it runs: the best timetable's objective and the best proven bound so
/// far, for the live line `zouban solve` shows on a terminal. Safe to read from another thread.
///
/// The solver's stages record what they finish with; during a GLPK search the figures come live
/// from its callback, but only those that mean something for the timetable: the course-level
/// relaxation's bound is a bound on the timetable, its solutions are not timetables; stage 3's
/// solutions are timetables, its bound holds only for the sections it was given.
public final class SolveProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var objective: Int?
  private var bound: Int?
  private var liveMeaning: (incumbent: Bool, bound: Bool) = (false, false)
  private var firstRecorded: Date?
  let live = LiveSearch()

  public init() {}

  /// The best objective and bound known now.
  public var snapshot: (objective: Int?, bound: Int?) {
    let (incumbent, liveBound) = live.snapshot
    return lock.withLock {
      var best = objective, upper = bound
      if liveMeaning.incumbent, let incumbent { best = max(best ?? .min, Int(incumbent.rounded())) }
      if liveMeaning.bound, let liveBound { upper = min(upper ?? .max, Int((liveBound + 1e-6).rounded(.down))) }
      return (best, upper)
    }
  }

  /// When a stage first recorded a timetable (the benchmark's "first solution"): the
  /// decomposition's first timetable from the plan, or the end of a direct solve.
  public var firstTimetable: Date? { lock.withLock { firstRecorded } }

  /// A stage's final figures: the objective of a timetable it found, a bound it proved.
  func record(objective newObjective: Int? = nil, bound newBound: Int? = nil) {
    lock.withLock {
      if newObjective != nil && firstRecorded == nil { firstRecorded = Date() }
      if let newObjective { objective = max(objective ?? .min, newObjective) }
      if let newBound { bound = min(bound ?? .max, newBound) }
    }
  }

  /// Which of the next GLPK search's live figures count for the timetable.
  func watch(incumbent: Bool, bound: Bool) {
    lock.withLock {
      live.reset()
      liveMeaning = (incumbent, bound)
    }
  }
}
