/// One open section: a course in a slot, with one room and one teacher.
public struct Section: Hashable, Sendable, Comparable {
  /// `<course>/<slot>`, with `/<n>` for the n-th parallel section in that slot (n ≥ 2).
  public let id: String
  public let course: String
  public let slot: Slot
  /// 1 for the first section of the course in the slot, 2 for the next, …
  public let parallelIndex: Int
  public let room: String
  public let teacher: String

  public init(course: String, slot: Slot, parallelIndex: Int = 1, room: String, teacher: String) {
    self.course = course
    self.slot = slot
    self.parallelIndex = parallelIndex
    self.room = room
    self.teacher = teacher
    self.id = Section.id(course: course, slot: slot, parallelIndex: parallelIndex)
  }

  /// The section id rule of SPEC §3.
  public static func id(course: String, slot: Slot, parallelIndex: Int) -> String {
    parallelIndex == 1 ? "\(course)/\(slot.id)" : "\(course)/\(slot.id)/\(parallelIndex)"
  }

  public static func < (a: Section, b: Section) -> Bool {
    (a.course, a.slot, a.parallelIndex) < (b.course, b.slot, b.parallelIndex)
  }
}

/// A student attending a section.
public struct Placement: Hashable, Sendable, Comparable {
  public let student: String
  public let section: String

  public init(student: String, section: String) {
    self.student = student
    self.section = section
  }

  public static func < (a: Placement, b: Placement) -> Bool { (a.student, a.section) < (b.student, b.section) }
}

/// A timetable: the sections that open and who attends them.
public struct Solution: Hashable, Sendable {
  /// Sorted by course, slot, parallel index.
  public let sections: [Section]
  /// Sorted by student, then section id.
  public let placements: [Placement]

  public init(sections: [Section], placements: [Placement]) {
    self.sections = sections.sorted()
    self.placements = placements.sorted()
  }

  public static let empty = Solution(sections: [], placements: [])
}

/// One row of an `assignments.csv` as written (strings, not yet checked): what `check` judges.
public struct AssignmentRow: Hashable, Sendable {
  /// 1-based line of the row in its file (0 when the row did not come from a file).
  public let line: Int
  public let student: String
  public let course: String
  public let section: String
  public let slot: String
  public let room: String
  public let teacher: String

  public init(line: Int = 0, student: String, course: String, section: String, slot: String, room: String, teacher: String) {
    self.line = line
    self.student = student
    self.course = course
    self.section = section
    self.slot = slot
    self.room = room
    self.teacher = teacher
  }
}

extension Solution {
  /// The rows an `assignments.csv` of this solution holds, in file order.
  public var assignmentRows: [AssignmentRow] {
    let byID = Dictionary(uniqueKeysWithValues: sections.map { ($0.id, $0) })
    return placements.enumerated().map { i, p in
      let s = byID[p.section]!
      return AssignmentRow(
        line: i + 2, student: p.student, course: s.course, section: s.id, slot: s.slot.id, room: s.room,
        teacher: s.teacher)
    }
  }
}
