import Foundation
import GLPKSolver
import MIPModel
import Testing

/// A 0/1 knapsack whose optimum is known by enumeration: items (value, weight) with capacity 10.
private func knapsack(constant: Double = 0) -> MIPModel {
  var m = MIPModel(name: "knapsack", sense: .maximize)
  let items: [(Double, Double)] = [(10, 5), (40, 4), (30, 6), (50, 3)]
  let x = items.enumerated().map { i, item in m.addVariable("x\(i)", kind: .binary, objective: item.0) }
  m.addRow("cap", zip(x, items).map { MIPModel.Term($0, $1.1) }, upper: 10)
  m.objectiveConstant = constant
  return m
}

/// Brute force over the 16 subsets.
private func knapsackOptimum() -> Double {
  let items: [(Double, Double)] = [(10, 5), (40, 4), (30, 6), (50, 3)]
  var best = 0.0
  for mask in 0..<16 {
    let chosen = items.indices.filter { mask & (1 << $0) != 0 }
    if chosen.map({ items[$0].1 }).reduce(0, +) <= 10 { best = max(best, chosen.map { items[$0].0 }.reduce(0, +)) }
  }
  return best
}

@Suite struct GLPKSolverTests {
  @Test(arguments: [false, true]) func solvesKnapsackToProvenOptimum(presolve: Bool) throws {
    var options = GLPKSolver.Options()
    options.presolve = presolve
    let result = try GLPKSolver(options: options).solve(knapsack(constant: -7))
    #expect(result.status == .optimal)
    #expect(result.objective == knapsackOptimum() - 7)
    #expect(result.bound == result.objective)
    #expect(knapsack().violatedRows(result.values).isEmpty)
  }

  /// Branching on chosen columns first and the best-projection node order change the path, not
  /// the answer.
  @Test func branchingOnChosenColumnsFirstKeepsTheOptimum() throws {
    var model = knapsack()
    let extra = model.addVariable("spare", kind: .binary)
    var options = GLPKSolver.Options()
    options.branchFirst = [extra] + model.rows[0].terms.map(\.variable).reversed()
    options.bestProjection = true
    options.cuts = false
    let result = try GLPKSolver(options: options).solve(model)
    #expect(result.status == .optimal)
    #expect(result.objective == knapsackOptimum())
  }

  /// Values 10, 40, 30, 50: every point's objective is a multiple of 10, so a point better than
  /// the optimum minus 10 is the optimum, and none is better than the optimum.
  @Test func aCutoffOneStepAboveAValueKeepsOnlyBetterPoints() throws {
    #expect(knapsack(constant: -7).objectiveStep == 10)
    var below = knapsack(constant: -7)
    below.requireBetter(than: knapsackOptimum() - 17, step: 10)
    #expect(try GLPKSolver().solve(below).objective == knapsackOptimum() - 7)
    var at = knapsack(constant: -7)
    at.requireBetter(than: knapsackOptimum() - 7, step: 10)
    #expect(try GLPKSolver().solve(at).status == .infeasible)
    var continuous = knapsack()
    continuous.relax(continuous.rows[0].terms[0].variable)
    #expect(continuous.objectiveStep == nil)
  }

  /// GLPK marks a node whose LP is not solved yet with the bound ±DBL_MAX. A search stopped at
  /// its first callback, before the root LP is solved again inside `glp_intopt`, must not hand
  /// that on as a bound: the progress line turns the live bound into an integer.
  @Test func aSearchStoppedAtOnceKeepsTheRootLPBound() throws {
    var options = GLPKSolver.Options()
    let live = LiveSearch()
    options.live = live
    GLPKSolverTesting.stopNextSolveAtItsFirstCallback()
    let result = try GLPKSolver(options: options).solve(knapsack())
    let lpBound = 50 + 40 + 3.0 / 6 * 30  // by value per weight: all of 50 and 40, half of 30
    #expect(result.status == .noSolution)
    for bound in [live.snapshot.bound, result.bound] {
      #expect(bound.map { abs($0 - lpBound) < 1e-6 } == true)
    }
  }

  @Test func reportsInfeasibility() throws {
    var m = MIPModel(name: "infeasible", sense: .maximize)
    let a = m.addVariable("a", kind: .binary, objective: 1)
    let b = m.addVariable("b", kind: .binary, objective: 1)
    m.addRow("both", [.init(a, 1), .init(b, 1)], lower: 3)
    let result = try GLPKSolver().solve(m)
    #expect(result.status == .infeasible)
    #expect(result.objective == nil)
  }

  @Test func acceptsAWarmStartAndNeverReturnsLess() throws {
    let result = try GLPKSolver().solve(knapsack(), warmStart: [0, 1, 0, 1])
    #expect(result.warmStartAccepted || result.firstSolutionSeconds != nil)
    #expect(result.objective == knapsackOptimum())
  }

  @Test func turnsAGLPKFatalErrorIntoAThrownErrorAndKeepsWorking() throws {
    GLPKSolverTesting.forceFatalErrorOnNextSolve()
    #expect(throws: GLPKError.self) { try GLPKSolver().solve(knapsack()) }
    // The environment was freed and rebuilt: the next solve on this thread works.
    #expect(try GLPKSolver().solve(knapsack()).objective == knapsackOptimum())
  }

  @Test func reachingTheMemoryLimitIsAThrownErrorAndTheNextSolveWorks() throws {
    // A model whose LP basis alone needs more than 1 MB.
    var big = MIPModel(name: "big", sense: .maximize)
    let x = (0..<4000).map { big.addVariable("x\($0)", kind: .binary, objective: Double($0 % 7)) }
    for i in 0..<2000 { big.addRow("r\(i)", [.init(x[i], 1), .init(x[(i * 7 + 1) % 4000], 1), .init(x[(i * 13 + 5) % 4000], 1)], upper: 1) }
    var options = GLPKSolver.Options()
    options.memoryLimitMB = 1
    do {
      _ = try GLPKSolver(options: options).solve(big)
      Issue.record("expected GLPK to reach its memory limit")
    } catch {
      #expect(error.kind == .memoryLimit)
    }
    #expect(try GLPKSolver().solve(knapsack()).objective == knapsackOptimum())
  }

  @Test func crossChecksWithGlpsolThroughTheLPWriter() throws {
    guard let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(where: FileManager.default.fileExists)
    else { return }  // glpk-utils is installed by .ci/run; without it there is nothing to compare with
    let model = knapsack(constant: 3)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-lp-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lp = dir.appendingPathComponent("m.lp"), out = dir.appendingPathComponent("m.txt")
    try LPWriter.write(model).write(to: lp, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: glpsol)
    p.arguments = ["--lp", lp.path, "-o", out.path]
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let text = try String(contentsOf: out, encoding: .utf8)
    let line = text.split(separator: "\n").first { $0.hasPrefix("Objective:") } ?? ""
    #expect(line.contains("= \(Int(knapsackOptimum() + 3))"))
  }
}
