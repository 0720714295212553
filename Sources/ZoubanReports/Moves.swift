import ZoubanModel

/// Why a student lost one of their previous placements in a re-solve (`moves.csv` `reason`).
public enum MoveReason: Sendable, Equatable {
  /// The course is no longer in `courses.csv`.
  case courseRemoved
  /// The slot is no longer in the week.
  case slotRemoved
  /// The student asks for no electives any more.
  case noElectives
  /// The student now asks for fewer electives than they had.
  case electivesReduced
  /// The student may no longer take the course (grade, choices, 服从调剂 changed).
  case notEligible
  /// The student is no longer available in the slot.
  case studentUnavailable
  /// `fixed.csv` now puts the course in another slot for the student.
  case pinnedElsewhere
  /// The course can no longer run in the slot (slot not allowed, no room or teacher then).
  case notOffered
  /// The course opens no section this time.
  case courseCancelled
  /// The course still opens, but no longer in this slot.
  case sectionGone
  /// The section still runs: the student was moved to make room for others or for a better
  /// timetable, worth more than the keep bonus.
  case adjusted

  /// One short Chinese sentence for the office.
  public var text: String {
    switch self {
    case .courseRemoved: return "原课程已删除"
    case .slotRemoved: return "原时段已取消"
    case .noElectives: return "该生已不再选课"
    case .electivesReduced: return "该生选课数已减少"
    case .notEligible: return "该生已不能选此课（年级或志愿有变）"
    case .studentUnavailable: return "该生原时段已不能参加"
    case .pinnedElsewhere: return "固定安排已改到其他时段"
    case .notOffered: return "原时段已无法开设此课（无可用场地或教师）"
    case .courseCancelled: return "原课程已取消（本次未开班）"
    case .sectionGone: return "原时段已无此班"
    case .adjusted: return "为录取新同学/提高满意度而调整"
    }
  }

  /// Whether the school's data alone made the move necessary (it does not count against
  /// `--max-moves`): the old placement cannot exist in any timetable of the new school.
  public var isForced: Bool {
    switch self {
    case .courseCancelled, .sectionGone, .adjusted: return false
    default: return true
    }
  }
}

/// One moved student of a re-solve: a row of `moves.csv`.
public struct MoveRow: Sendable, Equatable {
  public let student: String
  public let name: String
  public let homeClass: String
  /// `course@slot` of every previous placement, by slot.
  public let before: [String]
  /// `course@slot` of every new placement, by slot.
  public let after: [String]
  /// Each lost placement (`course@slot`) with why it was lost, by slot.
  public let lost: [(placement: String, courseName: String, reason: MoveReason)]

  public init(
    student: String, name: String, homeClass: String, before: [String], after: [String],
    lost: [(placement: String, courseName: String, reason: MoveReason)]
  ) {
    self.student = student
    self.name = name
    self.homeClass = homeClass
    self.before = before
    self.after = after
    self.lost = lost
  }

  public static func == (a: MoveRow, b: MoveRow) -> Bool {
    (a.student, a.name, a.homeClass, a.before, a.after) == (b.student, b.name, b.homeClass, b.before, b.after)
      && a.lost.map(\.placement) == b.lost.map(\.placement) && a.lost.map(\.reason) == b.lost.map(\.reason)
  }

  /// Whether every lost placement was forced by the school's data.
  public var isForced: Bool { lost.contains { $0.reason.isForced } }

  /// `绘画（ART@Mon-1）：原课程已删除；…`
  public var reasonText: String {
    lost.map { item in
      (item.courseName.isEmpty ? item.placement : "\(item.courseName)（\(item.placement)）") + "：" + item.reason.text
    }.joined(separator: "；")
  }
}

/// `moves.csv`, the workbook's 调课名单 sheet and the page's list: one row per student who moved
/// in a re-solve, placements `course@slot` separated by `;`.
public enum MovesTable {
  public static let file = "moves.csv"

  public static func table(_ moves: [MoveRow]) -> ReportTable {
    let columns = [
      ReportTable.Column("student", "学号"), ReportTable.Column("student_name", "姓名"), ReportTable.Column("class", "班级"),
      ReportTable.Column("before", "原安排"), ReportTable.Column("after", "新安排"), ReportTable.Column("reason", "调整原因"),
    ]
    let rows = moves.map { m in
      [m.student, m.name, m.homeClass, m.before.joined(separator: ";"), m.after.joined(separator: ";"), m.reasonText]
    }
    return ReportTable(file: file, sheet: "调课名单", columns: columns, rows: rows)
  }
}

/// A re-solve's counts, as `summary.json` carries them (`moved_students` …), for the terminal
/// summary after `solve --previous` and again in `zouban report`.
public struct MoveCounts: Sendable, Equatable, Decodable {
  /// Students with a previous placement who lost at least one.
  public let moved: Int
  /// Of those, the ones the school's changes forced to move.
  public let forced: Int
  public let kept: Int
  public let joined: Int
  public let left: Int

  public init(moved: Int, forced: Int, kept: Int, joined: Int, left: Int) {
    self.moved = moved
    self.forced = forced
    self.kept = kept
    self.joined = joined
    self.left = left
  }

  enum CodingKeys: String, CodingKey {
    case moved = "moved_students"
    case forced = "moved_forced"
    case kept = "kept_students"
    case joined, left
  }
}
