import ArgumentParser
import Zouban

extension ZoubanCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check an assignments.csv (for example one edited by hand) against every rule; print the objective.")

    @Argument(help: "The school directory.")
    var school: String

    @Argument(help: "The assignments.csv to check.")
    var assignments: String

    func run() throws {
      let loaded = Pipeline.load(school)
      report(loaded.diagnostics.filter { $0.severity == .error })
      guard let school = loaded.school else { throw Exit.badInput }
      let (result, diagnostics) = Pipeline.check(school: school, assignmentsPath: assignments)
      report(diagnostics)
      guard let result else { throw Exit.badInput }
      for v in result.violations {
        print(v.line.map { "\(assignments):\($0): \(v.message)" } ?? "\(assignments): \(v.message)")
      }
      print("objective \(result.objective)")
      print("electives placed \(result.electivesPlaced) / \(result.electivesAsked), first choice \(result.firstChoice)")
      if result.violations.isEmpty {
        print("\(assignments): no violations")
      } else {
        print("\(assignments): \(result.violations.count) violation\(result.violations.count == 1 ? "" : "s")")
        throw Exit.infeasible
      }
    }
  }
}
