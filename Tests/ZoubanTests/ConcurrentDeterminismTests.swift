import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanInput

/// Solves on several threads at once (GLPK keeps one environment per thread) give the same bytes
/// as one at a time: nothing in the pipeline depends on the thread or on scheduling.
@Suite struct ConcurrentDeterminismTests {
  private func stableOutputs(_ catalog: String) throws -> [String] {
    let school = try #require(SchoolLoader.load(directory: Fixtures.catalog(catalog)).school)
    let files = try Pipeline.outputs(school: school, outcome: try TimetableSolver.solve(school)).files
    return files.map { "\($0.name)\n" + $0.text.split(separator: "\n").filter { !$0.contains("solve_seconds") }.joined(separator: "\n") }
  }

  @Test func fourConcurrentSolvesMatchTheSequentialOnes() async throws {
    let catalogs = ["tiny", "yangguang-primary", "tiny", "chenguang-middle"]
    let sequential = try catalogs.map(stableOutputs)
    let concurrent = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
      for (i, catalog) in catalogs.enumerated() {
        group.addTask { (i, try self.stableOutputs(catalog)) }
      }
      var results = [[String]](repeating: [], count: catalogs.count)
      for try await (i, outputs) in group { results[i] = outputs }
      return results
    }
    #expect(concurrent == sequential)
  }
}
