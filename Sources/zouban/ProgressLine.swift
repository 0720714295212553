import Foundation
import Zouban
import ZoubanReports

/// The live line a long solve shows on a terminal's stderr: elapsed time, best objective, bound
/// and gap, redrawn in place. It appears only after `delay` seconds (a quick solve shows
/// nothing) and only when stderr is a terminal (logs and pipes get no carriage returns).
final class ProgressLine: @unchecked Sendable {
  static let delay = 2.0
  private static let interval: UInt32 = 250_000

  private let progress: SolveProgress
  private let language: Language
  private let started = Date()
  private let lock = NSLock()
  private var running = true
  private var shown = false
  private var thread: Thread?

  /// Starts drawing for `progress` when stderr is a terminal; `nil` otherwise.
  static func start(_ progress: SolveProgress, language: Language) -> ProgressLine? {
    guard Terminal.stderrIsTerminal else { return nil }
    let line = ProgressLine(progress: progress, language: language)
    let thread = Thread { line.loop() }
    line.thread = thread
    thread.start()
    return line
  }

  private init(progress: SolveProgress, language: Language) {
    self.progress = progress
    self.language = language
  }

  /// Stops drawing and erases the line, so the summary that follows starts on a clean line.
  func stop() {
    lock.withLock {
      guard running else { return }
      running = false
      if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
  }

  private func loop() {
    while true {
      usleep(Self.interval)
      let elapsed = Date().timeIntervalSince(started)
      guard elapsed >= Self.delay else { continue }
      let text = Self.text(elapsed: elapsed, snapshot: progress.snapshot, language: language)
      let keepGoing = lock.withLock {
        guard running else { return false }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
        return true
      }
      if !keepGoing { return }
    }
  }

  /// `求解中 12.3 s · 当前最优 95845 · 上界 96000 · 差距 0.2%`.
  static func text(elapsed: Double, snapshot: (objective: Int?, bound: Int?), language: Language) -> String {
    let zh = language == .zh
    var parts = [(zh ? "求解中 " : "solving ") + String(format: "%.1f s", elapsed)]
    parts.append((zh ? "当前最优 " : "best ") + (snapshot.objective.map(String.init) ?? "-"))
    parts.append((zh ? "上界 " : "bound ") + (snapshot.bound.map(String.init) ?? "-"))
    if let objective = snapshot.objective, let bound = snapshot.bound {
      let gap = Double(max(0, bound - objective)) / Double(max(1, abs(objective)))
      parts.append((zh ? "差距 " : "gap ") + String(format: "%.2f%%", gap * 100))
    }
    return parts.joined(separator: " · ")
  }
}
