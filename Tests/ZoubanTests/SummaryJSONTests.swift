import Foundation
import Testing
import Zouban
import ZoubanModel
import ZoubanReports

@Suite struct SummaryJSONTests {
  @Test func namesWithQuotesBackslashesAndNewlinesStayValidJSON() throws {
    let name = "阳光\"小学\" \\ 分校\n二部\t/"
    let school = School(name: name, term: "秋", week: Week(days: [.mon], periods: [Period(start: "16:00", end: "16:40")]), courses: [], rooms: [], teachers: [], students: [])
    let outcome = try TimetableSolver.solve(school)
    let json = try Pipeline.outputs(school: school, outcome: outcome).files.first { $0.name == "summary.json" }!.text
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(parsed["school"] as? String == name)
    #expect(parsed["status"] as? String == "optimal")
    // Keys come in SPEC §3's order.
    let keys = json.split(separator: "\n").dropFirst().prefix(4).map { $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) }
    #expect(keys == ["\"status\"", "\"objective\"", "\"bound\"", "\"gap\""])
  }
}
