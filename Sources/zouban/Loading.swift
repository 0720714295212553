import Zouban
import ZoubanInput
import ZoubanModel

/// Reads a school, and a scenario on top of it when given, the way every solving command does:
/// every problem of every file on stderr as `file:line`, then exit 65 when any is an error.
func loadSchool(_ directory: String, scenario path: String? = nil, action: String = "nothing written") throws -> School {
  try loadVariant(directory, scenario: path, action: action).school
}

/// The same, also giving the scenario's name (its `name`, or its file's base name).
func loadVariant(_ directory: String, scenario path: String?, action: String) throws -> (school: School, name: String?) {
  var scenario: Scenario?
  var scenarioDiagnostics: [Diagnostic] = []
  if let path {
    (scenario, scenarioDiagnostics) = ScenarioReader.read(path: path)
    guard scenario != nil else {
      report(scenarioDiagnostics)
      printError("\(path): \(scenarioDiagnostics.errorCountLine); \(action)")
      throw Exit.badInput
    }
  }
  let loaded = Pipeline.load(directory, scenario: scenario)
  // The school's files first, then the scenario's, by line (the loader puts rows the scenario
  // wrote last; its own value problems join them in line order).
  let (fromScenario, fromSchool) = (loaded.diagnostics + scenarioDiagnostics).partitioned { $0.file == path }
  let diagnostics = fromSchool + fromScenario.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  report(diagnostics)
  guard let school = loaded.school, !scenarioDiagnostics.hasErrors else {
    printError("\(directory)\(path.map { " with \($0)" } ?? ""): \(diagnostics.errorCountLine); \(action)")
    throw Exit.badInput
  }
  return (school, scenario?.name)
}

extension Array {
  /// The elements that satisfy `belongs`, and the others, each in their order.
  func partitioned(_ belongs: (Element) -> Bool) -> ([Element], [Element]) {
    (filter(belongs), filter { !belongs($0) })
  }
}
