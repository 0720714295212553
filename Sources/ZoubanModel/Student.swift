/// A student who applied, with ranked choices (志愿).
public struct Student: Hashable, Sendable {
  public let id: String
  public let name: String
  public let grade: Int
  /// Home class, e.g. `3-2`; empty when not given.
  public let homeClass: String
  /// Electives wanted per week, as written.
  public let electives: Int
  /// The priority category as written (留守, 随迁 …); empty means none.
  public let priority: String
  /// 服从调剂: may be placed in an eligible course not ranked.
  public let acceptAny: Bool
  /// The family pays no fees.
  public let feeWaiver: Bool
  public let unavailable: Set<Slot>
  /// Course codes in rank order: `choices[0]` is the 1st choice. No repeats.
  public let choices: [String]

  public init(
    id: String, name: String = "", grade: Int, homeClass: String = "", electives: Int, priority: String = "",
    acceptAny: Bool = false, feeWaiver: Bool = false, unavailable: Set<Slot> = [], choices: [String]
  ) {
    self.id = id
    self.name = name
    self.grade = grade
    self.homeClass = homeClass
    self.electives = electives
    self.priority = priority
    self.acceptAny = acceptAny
    self.feeWaiver = feeWaiver
    self.unavailable = unavailable
    self.choices = choices
  }

  public var isPriority: Bool { !priority.isEmpty }

  public func isAvailable(in slot: Slot) -> Bool { !unavailable.contains(slot) }

  /// 1-based rank of a course among the choices, or `nil` when not ranked.
  public func rank(of courseCode: String) -> Int? {
    choices.firstIndex(of: courseCode).map { $0 + 1 }
  }
}

/// A placement decided beforehand (fixed.csv): the student must attend the course, in `slot` if given.
public struct FixedPlacement: Hashable, Sendable {
  public let student: String
  public let course: String
  public let slot: Slot?
  /// Line of the row in `fixed.csv` (0 when not read from a file), to point at it in conflicts.
  public let line: Int

  public init(student: String, course: String, slot: Slot? = nil, line: Int = 0) {
    self.student = student
    self.course = course
    self.slot = slot
    self.line = line
  }
}
