import Foundation
import Zouban
import ZoubanCheck
import ZoubanGenerator
import ZoubanModel

/// `zouban-bench suite`: Zouban alone on every kind of school we know of, one after another,
/// each with its own time limit: the public schools in `schools/`, the generator's four sizes,
/// and generated schools of other shapes than the generator's default (sized to demand, few
/// slots, everyone 服从调剂, …). For each: when the first real timetable came, the objective and
/// gap at 10, 30 and 60 s (and at the end), peak memory, and the checker's verdict.
///
///     swift run -c release zouban-bench suite [--only NAME,NAME] [--scale 1.0]
///
/// `--scale` multiplies every time limit (0.5 for a quick look; the table in README.md is 1.0).
enum Suite {
  struct Entry {
    let name: String
    let timeLimit: Double
    /// The optimum where one is proven (by us or another solver), for the table.
    let known: String
    let make: () throws -> School
  }

  static func run(_ arguments: [String]) throws {
    var arguments = arguments
    func option(_ name: String) -> String? {
      guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
      defer { arguments.removeSubrange(i...i + 1) }
      return arguments[i + 1]
    }
    let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) }
    let scale = Double(option("--scale") ?? "1") ?? 1
    let entries = self.entries()
    guard arguments.isEmpty, scale > 0, only.map({ $0.isSubset(of: Set(entries.map(\.name))) }) ?? true else {
      FileHandle.standardError.write(
        Data("usage: zouban-bench suite [--only \(entries.map(\.name).joined(separator: ","))] [--scale FACTOR]\n".utf8))
      exit(64)
    }
    emit("| school | students | slots | limit (s) | first (s) | at 10 s | at 30 s | at 60 s | end (s) | status | objective | bound | gap | known | peak MiB | checker |")
    emit("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | --- |")
    for entry in entries where only?.contains(entry.name) ?? true {
      let school = try entry.make()
      let limit = entry.timeLimit * scale
      let m = try ZoubanBench.zouban(school, timeLimit: limit)
      // Unbuffered: a long suite shows each row as it is measured.
      emit(row(entry, school, limit: limit, m))
    }
  }

  static func row(_ entry: Entry, _ school: School, limit: Double, _ m: Measurement) -> String {
    func gap(at seconds: Double) -> String {
      guard seconds <= limit + 1e-9, let point = m.trajectory.points.last(where: { $0.seconds <= seconds }),
        let objective = point.objective, let bound = point.bound
      else { return "-" }
      return percent(Double(bound - objective) / Double(max(1, abs(objective))))
    }
    let cells: [String] = [
      entry.name, "\(school.students.count)", "\(school.week.slots.count)", String(format: "%.0f", limit),
      m.firstSolution.map { String(format: "%.1f", $0) } ?? "-", gap(at: 10), gap(at: 30), gap(at: 60),
      String(format: "%.1f", m.finish), m.status, m.objective.map(String.init) ?? "-", m.bound.map(String.init) ?? "-",
      m.gap.map(percent) ?? "-", entry.known, String(format: "%.0f", m.peakMiB), m.checked,
    ]
    return "| " + cells.joined(separator: " | ") + " |"
  }

  static func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

  static func percent(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }

  /// The benchmark's schools, in the order of the table.
  static func entries() -> [Entry] {
    let schools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("schools")
    func loaded(_ name: String) -> () throws -> School {
      {
        let result = Pipeline.load(schools.appendingPathComponent(name).path)
        guard let school = result.school else { throw SuiteError(message: "\(name): \(result.diagnostics)") }
        return school
      }
    }
    func generated(
      _ students: Int, _ clubs: Int, days: Int = 5, periods: Int = 2, level: SchoolLevel? = nil,
      shape: SchoolGenerator.Shape = .init(), seed: UInt64 = 2026, then change: @escaping (School) -> School = { $0 }
    ) -> () throws -> School {
      {
        var generator = SchoolGenerator(students: students, clubs: clubs, days: days, periods: periods, seed: seed, level: level)
        generator.shape = shape
        return change(generator.generate())
      }
    }
    let demand = SchoolGenerator.Shape(cover: 1.0, coverSpread: 0.2)
    return [
      Entry(name: "wassign-realistic120", timeLimit: 60, known: "24925 (optimal)", make: loaded("wassign-realistic120")),
      Entry(name: "wassign-realistic300", timeLimit: 60, known: "-", make: loaded("wassign-realistic300")),
      Entry(name: "wassign-realistic5000", timeLimit: 60, known: "-", make: loaded("wassign-realistic5000")),
      Entry(name: "wpi-2017", timeLimit: 60, known: "74905 (optimal)", make: loaded("wpi-2017")),
      Entry(name: "wpi-2018", timeLimit: 60, known: "81250 (optimal)", make: loaded("wpi-2018")),
      Entry(name: "wpi-2019", timeLimit: 60, known: "95680 (optimal)", make: loaded("wpi-2019")),
      Entry(name: "generated-300", timeLimit: 60, known: "49020 (optimal)", make: generated(300, 20, days: 2, periods: 2)),
      Entry(name: "generated-1500", timeLimit: 60, known: "120210 (optimal)", make: generated(1500, 40)),
      Entry(name: "generated-4000", timeLimit: 60, known: "291420 (optimal)", make: generated(4000, 80)),
      Entry(name: "generated-10000", timeLimit: 60, known: "-", make: generated(10000, 120)),
      Entry(name: "demand-500-10slots", timeLimit: 60, known: "-", make: generated(500, 25, shape: demand)),
      Entry(name: "demand-1500", timeLimit: 60, known: "-", make: generated(1500, 40, shape: demand)),
      Entry(name: "demand-3000", timeLimit: 60, known: "-", make: generated(3000, 60, shape: demand)),
      Entry(
        name: "few-slots-600", timeLimit: 60, known: "-",
        make: generated(600, 20, days: 1, periods: 3, shape: .init(cover: 1.0, coverSpread: 0.2, electives: 3))),
      Entry(
        name: "all-flexible-1000", timeLimit: 60, known: "-",
        make: generated(1000, 30, shape: .init(cover: 1.0, coverSpread: 0.2, acceptAny: 1))),
      Entry(
        name: "middle-3-electives-2000", timeLimit: 60, known: "-",
        make: generated(2000, 50, level: .middle, shape: .init(cover: 1.0, coverSpread: 0.2, electives: 3))),
      Entry(name: "club-days-1200", timeLimit: 60, known: "-", make: generated(1200, 36, shape: demand, then: clubsOnTwoDays)),
      Entry(name: "scarce-rooms-1200", timeLimit: 60, known: "-", make: generated(1200, 36, shape: demand, then: halveSpecialRooms)),
      Entry(name: "parallel-3000", timeLimit: 60, known: "-", make: generated(3000, 15, shape: demand)),
      Entry(name: "popular-few-1500", timeLimit: 60, known: "-", make: generated(1500, 40, shape: demand, then: concentratePopularity)),
      Entry(name: "demand-8000", timeLimit: 120, known: "-", make: generated(8000, 100, shape: demand)),
      Entry(
        name: "few-slots-8000", timeLimit: 120, known: "-",
        make: generated(8000, 250, days: 1, periods: 3, shape: .init(cover: 1.0, coverSpread: 0.2, electives: 3))),
    ]
  }

  /// Every club meets only on two days of the week (the i-th club on days i and i + 2): the
  /// outside coaches who come twice a week.
  static func clubsOnTwoDays(_ school: School) -> School {
    var school = school
    let days = school.week.days
    guard days.count > 2 else { return school }
    school.courses = school.courses.enumerated().map { i, c in
      let mine: Set = [days[i % days.count], days[(i + 2) % days.count]]
      let slots = c.slots.filter { mine.contains($0.day) }
      return Course(
        code: c.code, name: c.name, category: c.category, grades: c.grades, maxSize: c.maxSize, minSize: c.minSize,
        maxSections: min(c.maxSections, max(1, slots.count)), slots: slots.isEmpty ? c.slots : slots, roomType: c.roomType,
        teachers: c.teachers, fee: c.fee, provider: c.provider)
    }
    return school
  }

  /// Every second room of each special type (all but 教室, the ordinary classroom, and 操场, the
  /// field) taken away, keeping at least one of each: labs, studios and halls are what schools lack.
  static func halveSpecialRooms(_ school: School) -> School {
    var school = school
    var seen: [String: Int] = [:]
    school.rooms = school.rooms.filter { room in
      seen[room.type, default: 0] += 1
      return room.type == "教室" || room.type == "操场" || seen[room.type]! % 2 == 1
    }
    return school
  }

  /// Three students in five put the school's three most-ranked clubs (those their grade may
  /// take) first: the year 机器人 and 篮球 are what everyone wants.
  static func concentratePopularity(_ school: School) -> School {
    var school = school
    var counts: [String: Int] = [:]
    for s in school.students { for c in s.choices { counts[c, default: 0] += 1 } }
    let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key)
    school.students = school.students.enumerated().map { i, s in
      guard i % 5 < 3 else { return s }
      let favourites = top.filter { code in school.course(code)?.grades.contains(s.grade) ?? false }
      let choices = Array((favourites + s.choices.filter { !favourites.contains($0) }).prefix(max(s.choices.count, favourites.count)))
      return Student(
        id: s.id, name: s.name, grade: s.grade, homeClass: s.homeClass, electives: s.electives, priority: s.priority,
        acceptAny: s.acceptAny, feeWaiver: s.feeWaiver, unavailable: s.unavailable, choices: choices)
    }
    return school
  }
}

struct SuiteError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
