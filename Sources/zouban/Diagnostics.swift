import Foundation
import ZoubanModel

/// Writes to standard error, which carries every diagnostic so that stdout stays the report.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints every diagnostic as `file:line: severity: message`, errors first in file order as found.
func report(_ diagnostics: [Diagnostic]) {
  for d in diagnostics { printError(d.description) }
}

extension [Diagnostic] {
  var hasErrors: Bool { contains { $0.severity == .error } }

  var errorCountLine: String {
    let errors = filter { $0.severity == .error }.count
    let warnings = count - errors
    return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
  }
}
