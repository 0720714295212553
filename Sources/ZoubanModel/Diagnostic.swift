/// A problem found in the user's files, located as `file:line`.
///
/// Problems are collected, never thrown, so that one run reports every one of them (SPEC: exit 65).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public let severity: Severity
  /// The file as the user named it (e.g. `Catalogs/x/courses.csv`).
  public let file: String
  /// 1-based line; `nil` when the problem concerns the whole file.
  public let line: Int?
  /// Lower-case sentence saying what is wrong.
  public let message: String
  /// What to do about it, when that helps.
  public let hint: String?

  public init(_ severity: Severity, file: String, line: Int?, _ message: String, hint: String? = nil) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
    self.hint = hint
  }

  /// `file:line: error: message (hint)`: the form every tool and editor understands.
  public var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    let tail = hint.map { " (hint: \($0))" } ?? ""
    return "\(location): \(severity.rawValue): \(message)\(tail)"
  }
}
