import Glibc
import TOMLKit

/// Runs TOMLKit's parser on untrusted text in a child process first.
///
/// toml++ (the C++ parser inside TOMLKit 0.6.0) stops the whole process with a failed `assert`
/// on some malformed input — found by fuzzing: a table header whose `[` is followed by something
/// that cannot start a key, such as `[` then a line break. A crash is not ours to patch in a
/// dependency, but a school office's typo must still get a message, so the parse is tried in a
/// forked child; only when the child survives does the real parse run here.
enum TOMLProbe {
  /// Whether parsing `text` returns (with a table or a parse error) instead of aborting.
  static func parserSurvives(_ text: String) -> Bool {
    let pid = fork()
    if pid < 0 { return true }  // no child to spare: parse as usual
    if pid == 0 {
      // The child: no assert text or crash report on the user's terminal.
      let null = open("/dev/null", O_WRONLY)
      if null >= 0 { dup2(null, STDERR_FILENO) }
      signal(SIGABRT, SIG_DFL)
      _ = try? TOMLTable(string: text)
      _exit(0)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED(status) && WEXITSTATUS(status) == 0, spelled out (the macros do not import).
    return status & 0x7F == 0 && (status >> 8) & 0xFF == 0
  }

  /// The 1-based line of the first table header whose `[` (or `[[`) is not followed by a key,
  /// the input known to abort the parser.
  static func lineOfBrokenHeader(_ text: String) -> Int? {
    let keyStart = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-\"']")
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line.drop { $0 == " " || $0 == "\t" }
      guard rest.first == "[" else { continue }
      rest = rest.dropFirst()
      if rest.first == "[" { rest = rest.dropFirst() }
      rest = rest.drop { $0 == " " || $0 == "\t" }
      guard let next = rest.first, keyStart.contains(next) else { return i + 1 }
    }
    return nil
  }
}
