import ArgumentParser
import Zouban
import ZoubanReports

extension ZoubanCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the summary of a solution directory again (the one `solve --out` wrote).")

    @Argument(help: "A directory written by `zouban solve --out`.")
    var directory: String

    @Option(name: .long, help: "Language of the summary: zh-CN (default) or en.")
    var lang: LanguageOption = LanguageOption(.zh)

    func run() throws {
      let (read, diagnostics) = SolutionDirectory.read(directory)
      report(diagnostics)
      guard let read else {
        printError("\(directory): \(diagnostics.errorCountLine)")
        throw Exit.badInput
      }
      print(
        TerminalText.summary(
          read.summary, clubs: read.clubs, moves: read.moves, language: lang.language, color: Terminal.stdoutIsColour),
        terminator: "")
    }
  }
}
