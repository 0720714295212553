import ArgumentParser
import Foundation
import GLPKSolver
import Zouban
import ZoubanInput
import ZoubanReports

extension ZoubanCommand {
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve the school as it is and under each scenario, and show them side by side.")

    @Argument(help: "The school directory.")
    var school: String

    @Argument(help: "Scenario files (.toml, see Catalogs/README.md).")
    var scenarios: [String]

    @Option(name: .long, help: "Directory to write compare.csv and compare.html into.")
    var out: String?

    @OptionGroup var batch: BatchOptions

    func validate() throws {
      guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file to compare with the school") }
    }

    func run() throws {
      Interrupts.install()
      var variants = [(name: "现状", school: try loadSchool(school, action: "nothing compared"))]
      for path in scenarios {
        let variant = try loadVariant(school, scenario: path, action: "nothing compared")
        variants.append((variant.name ?? path, variant.school))
      }
      if let out { try checkOut(out) }
      let results: [WhatIf.Result]
      do {
        results = try WhatIf.solveAll(variants, options: SolveOptions(timeLimit: batch.timeLimit), jobs: batch.jobs)
      } catch {
        printError("zouban: internal error: \(error); nothing written")
        throw Exit.internalError
      }
      let comparison = Comparison(results.map(\.column))
      print(comparison.terminalText(color: Terminal.stdoutIsColour), terminator: "")
      if let out {
        try writeOut([OutputFile("compare.csv", text: comparison.table.csv), OutputFile("compare.html", text: comparison.html)], to: out)
        print("已写入   \(out)/ (compare.csv, compare.html)")
      }
    }
  }
}

/// Refuses an output directory holding files Zouban did not write (exit 64), before solving.
func checkOut(_ out: String) throws {
  do {
    try OutputDirectory.checkReplaceable(out)
  } catch {
    printError("zouban: \(error.description); nothing solved")
    throw Exit.usage
  }
}

/// Writes a result directory as a whole, or says why not (exit 70, 64 for a foreign directory).
func writeOut(_ files: [OutputFile], to out: String) throws {
  do {
    try OutputDirectory.write(files, to: out)
  } catch {
    printError("zouban: \(error.description); nothing written")
    throw error.isForeignDirectory ? Exit.usage : Exit.internalError
  }
}
