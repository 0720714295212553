import ArgumentParser
import Foundation

/// The options of the commands that run many solves (compare, sweep, suggest): how long each
/// may search and how many run at once.
struct BatchOptions: ParsableArguments {
  @Option(name: .long, help: "Seconds each solve may search.")
  var timeLimit: Double = 60

  @Option(name: .long, help: "Solves run at once (default: the machine's cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
  }
}
