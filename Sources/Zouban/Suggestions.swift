import Foundation
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// `zouban suggest`: the single changes that would help the timetable most, each confirmed by
/// solving the school with it.
///
/// Candidates come from where the solved timetable is tight — clubs that are full or did not
/// reach their minimum, teachers of such clubs who are unavailable in some slot, room types whose
/// rooms are all in use in a slot — rather than from LP dual values: the decomposition's models
/// are not the whole problem, so their duals would point at the wrong constraints. Every
/// candidate is then solved for real, and its gain is the difference of the two objectives.
public enum Suggestions {
  /// One change, as a scenario file would write it.
  public struct Candidate: Sendable {
    public let kind: String
    /// What a person reads: `创意儿童画班多开一个班（2→3）`.
    public let description: String
    /// The change as a scenario file (apply it with `zouban solve SCHOOL --scenario FILE`).
    public let toml: String
  }

  public struct Suggestion: Sendable {
    public let candidate: Candidate
    public let result: WhatIf.Result
    /// Objective with the change minus the baseline's.
    public let gain: Int
    /// Electives placed with the change minus the baseline's.
    public let placedChange: Int
    /// Students whose own score (utility less penalty) is higher with the change.
    public let studentsBetter: Int
  }

  /// The candidates for `school`, given its solved timetable, at most `limit`, most promising first.
  public static func candidates(_ school: School, baseline: Analysis, limit: Int) -> [Candidate] {
    var list: [(priority: Int, candidate: Candidate)] = []
    let roomsByType = Dictionary(grouping: school.rooms, by: \.type)
    for f in baseline.fill {
      let c = f.course
      let demand = f.anyRankDemand
      let quoted = "\"\(escape(c.code))\""
      if f.status == "open" && f.enrolled >= f.capacity && demand > f.enrolled {
        let unmet = demand - f.enrolled
        if f.sections >= c.maxSections {
          list.append((unmet, Candidate(
            kind: "section", description: "\(c.name)多开一个班（每周最多 \(c.maxSections)→\(c.maxSections + 1) 班）",
            toml: "[[courses.change]]\ncode = \(quoted)\nmax_sections = \(c.maxSections + 1)\n")))
        }
        let largest = roomsByType[c.roomType]?.map(\.capacity).max() ?? c.maxSize
        if c.maxSize < largest {
          let raised = min(largest, c.maxSize + max(5, c.maxSize / 5))
          list.append((unmet, Candidate(
            kind: "max_size", description: "\(c.name)每班最多人数 \(c.maxSize)→\(raised)",
            toml: "[[courses.change]]\ncode = \(quoted)\nmax_size = \(raised)\n")))
        }
      }
      if f.status == "cancelled-under-minimum" && demand > 0 && demand < c.minSize {
        list.append((demand, Candidate(
          kind: "min_size", description: "\(c.name)开班人数 \(c.minSize)→\(demand)",
          toml: "[[courses.change]]\ncode = \(quoted)\nmin_size = \(max(1, demand))\n")))
      }
      // The clubs that are tight: their teachers' missing slots and their rooms' full slots.
      guard f.status == "cancelled-under-minimum" || (f.status == "open" && f.enrolled >= f.capacity && demand > f.enrolled)
      else { continue }
      for teacher in school.teachers where c.teachers.contains(teacher.id) {
        for slot in teacher.unavailable.sorted() where c.slots.contains(slot) && school.week.contains(slot) {
          let rest = teacher.unavailable.filter { $0 != slot }.sorted().map(\.id)
          list.append((demand / 2, Candidate(
            kind: "teacher_slot", description: "\(teacher.name.isEmpty ? teacher.id : teacher.name)在\(baseline.slotLabel(slot))也能上课",
            toml: "[[teachers.change]]\nid = \"\(escape(teacher.id))\"\nunavailable = [\(rest.map { "\"\($0)\"" }.joined(separator: ", "))]\n")))
        }
      }
      let typed = roomsByType[c.roomType] ?? []
      for slot in c.slots where school.week.contains(slot) {
        let free = typed.filter { room in room.isAvailable(in: slot) && !baseline.solution.sections.contains { $0.room == room.id && $0.slot == slot } }
        guard free.isEmpty, let model = typed.max(by: { $0.capacity < $1.capacity }) else { continue }
        let others = school.week.slots.filter { $0 != slot }.map { "\"\($0.id)\"" }.joined(separator: ", ")
        list.append((demand / 3, Candidate(
          kind: "room", description: "\(baseline.slotLabel(slot))多一间\(c.roomType)（\(model.capacity)人）",
          toml: "[[rooms.add]]\nid = \"NEW-\(escape(c.roomType))-\(slot.id)\"\nname = \"新增\(escape(c.roomType))\"\ntype = \"\(escape(c.roomType))\"\ncapacity = \(model.capacity)\nunavailable = [\(others)]\n")))
      }
    }
    // One candidate per change (two tight clubs can propose the same room or teacher slot).
    var seen = Set<String>()
    let unique = list.enumerated().sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }
      .map(\.element.candidate).filter { seen.insert($0.toml).inserted }
    return Array(unique.prefix(limit))
  }

  /// Solves the school with each candidate and ranks them by the objective gained.
  public static func evaluate(
    _ candidates: [Candidate], directory: String, baseline: WhatIf.Result, options: SolveOptions, jobs: Int
  ) throws -> [Suggestion] {
    var variants: [(name: String, school: School)] = []
    var kept: [Candidate] = []
    for candidate in candidates {
      guard let scenario = ScenarioReader.read(text: candidate.toml, file: "suggestion").scenario,
        let school = Pipeline.load(directory, scenario: scenario).school
      else { continue }
      variants.append((candidate.description, school))
      kept.append(candidate)
    }
    let results = try WhatIf.solveAll(variants, options: options, jobs: jobs)
    let before = baseline.column
    return zip(kept, results).map { candidate, result in
      let after = result.column
      return Suggestion(
        candidate: candidate, result: result, gain: (result.outcome.objective ?? 0) - (baseline.outcome.objective ?? 0),
        placedChange: after.summary.electivesPlaced - before.summary.electivesPlaced,
        studentsBetter: studentsBetter(before.analysis, after.analysis))
    }
    .enumerated().sorted { ($1.element.gain, $0.offset) < ($0.element.gain, $1.offset) }.map(\.element)
  }

  /// Students whose own objective term is higher in `after` (students not in `before` count when placed).
  static func studentsBetter(_ before: Analysis, _ after: Analysis) -> Int {
    func scores(_ a: Analysis) -> [String: Int] {
      let weights = a.school.objective
      var result: [String: Int] = [:]
      for student in a.school.students {
        let sections = a.sectionsOf[student.id] ?? []
        let utility = sections.reduce(0) { sum, section in
          guard let rank = student.rank(of: section.course) else { return sum + weights.anyUtility }
          return sum + (rank <= weights.rankUtility.count ? weights.rankUtility[rank - 1] : weights.anyUtility)
        }
        result[student.id] = utility - weights.unplacedPenalty * max(0, student.electives - sections.count)
      }
      return result
    }
    let old = scores(before), new = scores(after)
    return new.filter { id, score in score > (old[id] ?? .min) }.count
  }

  /// Text safe inside a TOML basic string.
  private static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
