import ArgumentParser
import MIPModel
import Zouban
import ZoubanFormulation

extension ZoubanCommand {
  struct ExportModel: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export-model",
      abstract: "Write the direct integer program of a school (LP or MPS) so glpsol, HiGHS or CBC can solve the same problem.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case lp
      case mps
    }

    @Argument(help: "The school directory.")
    var school: String

    @Option(name: .long, help: "lp (CPLEX LP) or mps (free MPS).")
    var format: Format = .lp

    func run() throws {
      let loaded = Pipeline.load(school)
      report(loaded.diagnostics)
      guard let school = loaded.school else { throw Exit.badInput }
      let model = Formulation(school: school).model
      print(format == .lp ? LPWriter.write(model) : MPSWriter.write(model), terminator: "")
    }
  }
}
