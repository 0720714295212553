import MIPModel
import ZoubanFormulation
import ZoubanModel

/// How a solve ended, in SPEC §3's words (`summary.json` `status`).
public enum SolveStatus: String, Sendable {
  case optimal
  case feasible
  case infeasible
  case timeLimitNoSolution = "time-limit-no-solution"
}

/// A solve's answer: the timetable, its objective and a proven bound.
public struct SolveOutcome: Sendable {
  public let status: SolveStatus
  /// Empty unless `status` is optimal or feasible.
  public let solution: Solution
  public let objective: Int?
  /// A proven upper bound on the optimum (integer: the objective is an integer).
  public let bound: Int?
  public internal(set) var seconds: Double
  /// Why no timetable exists (fixed.csv rows that cannot hold together), as `file:line: message`.
  public let conflicts: [String]
  /// A re-solve (`SolveOptions.stability`): the objective plus the keep bonus of the students
  /// who stay, what the re-solve maximised. `objective` stays SPEC §2's alone.
  public internal(set) var stableValue: Int? = nil
  /// A re-solve found no timetable within `--max-moves` (though timetables exist): nothing to write.
  public internal(set) var moveLimitUnmet = false

  /// `(bound − objective) / max(1, |objective|)`.
  public var gap: Double? {
    guard let objective, let bound else { return nil }
    return Double(bound - objective) / Double(max(1, abs(objective)))
  }
}

/// Which way to solve: the whole model, or the decomposition (see `TimetableSolver`).
public enum SolveMethod: String, Sendable, CaseIterable {
  /// The decomposition; on small schools, where it proves nothing, the direct model after it.
  case automatic
  /// One integer program over every student, course and slot: exact, slow at school scale.
  case direct
  /// Course-level bound → section placement → student assignment.
  case decomposition
}

/// Settings of one solve (`zouban solve` flags).
public struct SolveOptions: Sendable {
  /// Seconds of wall clock for the whole search.
  public var timeLimit: Double = 60
  /// Relative gap at which a solution is good enough (0: prove optimality).
  public var gap: Double = 0
  /// Copy GLPK's log to stderr.
  public var verbose = false
  public var method: SolveMethod = .automatic
  /// Megabytes GLPK may allocate (`glp_mem_limit`); 0 = no limit. Past it GLPK stops with an error.
  public var memoryLimitMB = 0
  /// Where the solve publishes its best objective and bound as it runs (the live progress line).
  public var progress: SolveProgress?
  /// A re-solve that keeps students where they were (`--previous`, `--keep-bonus`, `--max-moves`).
  public var stability: Stability?
  /// The clock every phase of the solve stops by. `TimetableSolver.solve` sets it from
  /// `timeLimit` and Ctrl-C when it is `nil`; a caller sets it to solve within a share of its own.
  public var deadline: Deadline?
  public init(
    timeLimit: Double = 60, gap: Double = 0, verbose: Bool = false, method: SolveMethod = .automatic, memoryLimitMB: Int = 0,
    progress: SolveProgress? = nil
  ) {
    self.progress = progress
    self.timeLimit = timeLimit
    self.gap = gap
    self.verbose = verbose
    self.method = method
    self.memoryLimitMB = memoryLimitMB
  }
}
