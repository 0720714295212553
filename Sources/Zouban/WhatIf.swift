import Foundation
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// What-if planning: the same school solved under several scenarios, side by side.
public enum WhatIf {
  /// One solved variant of the school.
  public struct Result: Sendable {
    public let name: String
    public let school: School
    public let outcome: SolveOutcome

    /// Its column of a comparison (the analysis every report reads).
    public var column: Comparison.Column {
      let analysis = Analysis(school: school, solution: outcome.solution)
      let summary = Summary(
        analysis: analysis, status: outcome.status.rawValue, objective: outcome.objective, bound: outcome.bound,
        gap: outcome.gap, solveSeconds: outcome.seconds)
      return Comparison.Column(name: name, summary: summary, analysis: analysis)
    }
  }

  /// Solves every school, `jobs` at a time on separate threads (Debian's GLPK keeps one
  /// environment per thread, so solves do not share state), results in the order given.
  public static func solveAll(
    _ schools: [(name: String, school: School)], options: SolveOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws -> [Result] {
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = max(1, jobs)
    let results = Results(count: schools.count)
    for (index, entry) in schools.enumerated() {
      queue.addOperation {
        results.set(index, Swift.Result { try TimetableSolver.solve(entry.school, options: options) })
      }
    }
    queue.waitUntilAllOperationsAreFinished()
    return try zip(schools, results.all).map { entry, result in
      Result(name: entry.name, school: entry.school, outcome: try result.get())
    }
  }

  /// The solves' answers, filled in by the worker threads under a lock.
  private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<SolveOutcome, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Swift.Result<SolveOutcome, Error>) { lock.withLock { slots[index] = result } }

    var all: [Swift.Result<SolveOutcome, Error>] {
      lock.withLock { slots.map { $0 ?? .failure(CancellationError()) } }
    }
  }
}
