import Foundation
import ZoubanModel

/// Paths and small values that tests across the package share.
///
/// Paths are resolved from this file's own location, so tests find the catalogs whatever the
/// working directory of the test runner is.
public enum Fixtures {
  /// The package's root directory (the one holding `Package.swift`).
  public static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Tests/TestSupport
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // the root
      .path
  }

  /// The absolute path of `Catalogs/<name>`, e.g. `catalog("yangguang-primary")`.
  public static func catalog(_ name: String) -> String {
    URL(fileURLWithPath: repositoryRoot).appendingPathComponent("Catalogs").appendingPathComponent(name).path
  }

  /// A slot from its id, for tests that write slots by hand (`slot("Tue-2")`).
  ///
  /// A malformed id is a mistake in the test itself, so it stops the test run at once.
  public static func slot(_ id: String) -> Slot {
    guard let slot = Slot(id: id) else { preconditionFailure("not a slot id: \(id)") }
    return slot
  }

  /// Slots from their ids, in the order given.
  public static func slots(_ ids: String...) -> [Slot] { ids.map(slot) }

  /// A week of the given days with `periods` periods each, clock times made up (tests never
  /// look at them).
  public static func week(_ days: [Weekday], periods: Int) -> Week {
    Week(
      days: days,
      periods: (0..<periods).map { p in
        Period(start: "\(16 + p):00", end: "\(16 + p):40")
      })
  }

  /// An assignment row written by hand, with the ids a test would type.
  public static func row(
    _ line: Int, _ student: String, _ section: String, room: String, teacher: String
  ) -> AssignmentRow {
    let parts = section.split(separator: "/").map(String.init)
    return AssignmentRow(
      line: line, student: student, course: parts.first ?? "", section: section, slot: parts.count > 1 ? parts[1] : "",
      room: room, teacher: teacher)
  }
}
