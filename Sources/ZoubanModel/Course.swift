import Foundation

/// Who runs a course: the school itself (本校) or an approved outside institution (校外机构).
public enum Provider: String, Sendable, Hashable {
  case school
  case external
}

/// One club or elective of the catalog (课程/社团). A course may open several sections a week.
public struct Course: Hashable, Sendable {
  /// Unique id: letters, digits, `-`, `_`.
  public let code: String
  /// Unique display name.
  public let name: String
  public let category: String
  public let grades: GradeSet
  /// Most students in one section.
  public let maxSize: Int
  /// Fewest students for a section to open (满15人开班).
  public let minSize: Int
  /// Most sections per week.
  public let maxSections: Int
  /// Slots the course may run in, ascending.
  public let slots: [Slot]
  public let roomType: String
  /// Ids of the teachers qualified to teach it, as listed.
  public let teachers: [String]
  /// Yuan per session per student.
  public let fee: Double
  public let provider: Provider

  public init(
    code: String, name: String, category: String = "", grades: GradeSet, maxSize: Int, minSize: Int,
    maxSections: Int = 1, slots: [Slot], roomType: String, teachers: [String], fee: Double = 0,
    provider: Provider = .school
  ) {
    self.code = code
    self.name = name
    self.category = category
    self.grades = grades
    self.maxSize = maxSize
    self.minSize = minSize
    self.maxSections = maxSections
    self.slots = slots.sorted()
    self.roomType = roomType
    self.teachers = teachers
    self.fee = fee
    self.provider = provider
  }

  /// Academic tutoring (学科类): a category containing `学科`, or exactly `academic`.
  public var isAcademic: Bool {
    Course.isAcademic(category: category)
  }

  public static func isAcademic(category: String) -> Bool {
    category.contains("学科") || category.trimmingCharacters(in: .whitespaces).lowercased() == "academic"
  }
}
