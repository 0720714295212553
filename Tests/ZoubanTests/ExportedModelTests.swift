import Foundation
import MIPModel
import TestSupport
import Testing
import ZoubanFormulation

/// The exported direct model is the same problem: `glpsol`, an independent reader and solver,
/// finds the brute-force optimum from the LP and MPS files.
@Suite struct ExportedModelTests {
  static let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(where: FileManager.default.fileExists)

  @Test(.enabled(if: glpsol != nil, "glpk-utils (installed by .ci/run) provides glpsol"), arguments: Array(UInt64(1)...24))
  func glpsolSolvesTheExportedModelToTheBruteForceOptimum(seed: UInt64) throws {
    var generator = SmallSchoolGenerator(seed: seed)
    let school = generator.next()
    let model = Formulation(school: school).model
    let expected = BruteForce.optimum(school)?.objective
    #expect(try glpsolObjective(LPWriter.write(model), flag: "--lp") == expected.map(Double.init), "seed \(seed) LP")
    // MPS minimises the negated objective.
    #expect(try glpsolObjective(MPSWriter.write(model), flag: "--freemps") == expected.map { -Double($0) }, "seed \(seed) MPS")
  }

  /// Runs glpsol on a model file; the optimum, or nil when glpsol finds no integer solution.
  private func glpsolObjective(_ text: String, flag: String) throws -> Double? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("model"), report = dir.appendingPathComponent("report.txt")
    try text.write(to: model, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.glpsol!)
    process.arguments = [flag, model.path, "-o", report.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let output = try String(contentsOf: report, encoding: .utf8)
    guard output.contains("INTEGER OPTIMAL") else { return nil }
    let line = output.split(separator: "\n").first { $0.hasPrefix("Objective:") }!
    return Double(line.split(separator: "=")[1].split(separator: "(")[0].trimmingCharacters(in: .whitespaces))
  }
}
