import ArgumentParser
import Zouban
import ZoubanReports

extension ZoubanCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read and check a school; list every problem as file:line: message; show the demand.")

    @Argument(help: "The school directory (school.toml, courses.csv, rooms.csv, teachers.csv, students.csv).")
    var school: String

    func run() throws {
      let loaded = Pipeline.load(school)
      report(loaded.diagnostics)
      guard let school = loaded.school else {
        printError("\(self.school): \(loaded.diagnostics.errorCountLine); nothing solved")
        throw Exit.badInput
      }
      print(TerminalText.demandOverview(school), terminator: "")
      print("\(self.school): valid (\(loaded.diagnostics.errorCountLine))")
    }
  }
}
