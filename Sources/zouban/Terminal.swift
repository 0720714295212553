import ArgumentParser
import Foundation
import ZoubanReports

/// What the command line needs to know about where its output goes.
enum Terminal {
  /// Colour on standard output only when it is a terminal and the user has not set `NO_COLOR`
  /// (https://no-color.org), so files and pipes get plain text.
  static var stdoutIsColour: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// `--lang zh-CN|en`, parsed leniently (`zh`, `zh_CN`, `en-US` …).
struct LanguageOption: ExpressibleByArgument {
  let language: Language

  init(_ language: Language) { self.language = language }

  init?(argument: String) {
    guard let language = Language(tag: argument) else { return nil }
    self.language = language
  }

  var defaultValueDescription: String { language.rawValue }
}
