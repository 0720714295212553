import Foundation
import TestSupport
import Testing

/// Two solves of the same school give the same files, byte for byte, except the one line SPEC
/// lets vary (`solve_seconds` in summary.json): a school office re-running a timetable must not
/// get a different one.
@Suite struct DeterminismTests {
  @Test func tinySolvesTwiceToTheSameBytes() throws {
    try Scratch.with { scratch in
      let first = scratch.appendingPathComponent("first")
      let second = scratch.appendingPathComponent("second")
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: first).status == Exit.ok)
      #expect(try CLI.solve(Fixtures.catalog("tiny"), out: second).status == Exit.ok)
      try Self.expectSameOutputs(first, second)
    }
  }

  /// A school big enough for the decomposition. Under a time limit a search cut short may
  /// legitimately stop elsewhere, so the bytes are compared only when both runs reached the same
  /// status well inside the limit (the first stage alone may use half of it).
  @Test func yangguangSolvesTwiceToTheSameBytes() throws {
    let limit = 20.0
    try Scratch.with { scratch in
      let outs = [scratch.appendingPathComponent("first"), scratch.appendingPathComponent("second")]
      var summaries: [[String: Any]] = []
      for out in outs {
        let run = try CLI.solve(Fixtures.catalog("yangguang-primary"), out: out, "--time-limit", String(limit))
        #expect([Exit.ok, Exit.timeLimitNoSolution].contains(run.status), "\(run)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
        summaries.append(try #require(json as? [String: Any]))
      }
      let statuses = summaries.map { $0["status"] as? String }
      let seconds = summaries.map { ($0["solve_seconds"] as? NSNumber)?.doubleValue ?? limit }
      guard statuses[0] == statuses[1], seconds.allSatisfy({ $0 < limit / 2 }) else {
        try Test.cancel("a search was cut by the time limit (\(statuses), \(seconds) s); bytes not compared")
      }
      try Self.expectSameOutputs(outs[0], outs[1])
    }
  }

  /// Every file equal, and summary.json equal once its `solve_seconds` line is left out.
  static func expectSameOutputs(_ a: URL, _ b: URL) throws {
    let left = try Scratch.snapshot(a)
    let right = try Scratch.snapshot(b)
    #expect(left.keys.sorted() == right.keys.sorted())
    for name in left.keys.sorted() where name != "summary.json" {
      #expect(left[name] == right[name], "\(name) differs between two runs")
    }
    func withoutSeconds(_ data: Data?) -> [Substring] {
      String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter { !$0.contains("\"solve_seconds\"") }
    }
    #expect(withoutSeconds(left["summary.json"]) == withoutSeconds(right["summary.json"]))
  }
}
