import ZoubanModel

/// Collects every diagnostic of one load, so that a run reports all problems, not the first.
final class DiagnosticLog {
  private(set) var diagnostics: [Diagnostic] = []

  func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func error(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) {
    add(Diagnostic(.error, file: file, line: line, message, hint: hint))
  }

  func warning(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) {
    add(Diagnostic(.warning, file: file, line: line, message, hint: hint))
  }

  /// How many errors so far; a reader compares counts to learn whether a row was clean.
  var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
