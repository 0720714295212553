/// School-wide rules from `school.toml` `[rules]`.
public struct Rules: Hashable, Sendable {
  /// Default minimum section size (满15人开班).
  public var minSize: Int
  /// Default number of weekly electives a student asks for.
  public var electivesPerStudent: Int
  /// The most the week's teacher pay may cost (Σ over open sections of the teacher's `rate`, in
  /// yuan), or `nil` for no cap: a planner's "what if our budget were …".
  public var teacherPayBudget: Int?

  public init(minSize: Int = 15, electivesPerStudent: Int = 2, teacherPayBudget: Int? = nil) {
    self.minSize = minSize
    self.electivesPerStudent = electivesPerStudent
    self.teacherPayBudget = teacherPayBudget
  }
}

/// Objective weights from `school.toml` `[objective]` (SPEC §2).
public struct ObjectiveWeights: Hashable, Sendable {
  /// Utility of the 1st, 2nd, … choice.
  public var rankUtility: [Int]
  /// Utility of a placement past the list or not ranked at all.
  public var anyUtility: Int
  /// Per elective asked for and not placed.
  public var unplacedPenalty: Int
  /// Integer weight of a priority student.
  public var priorityMultiplier: Int

  public init(
    rankUtility: [Int] = [100, 70, 50, 35, 25], anyUtility: Int = 5, unplacedPenalty: Int = 200,
    priorityMultiplier: Int = 2
  ) {
    self.rankUtility = rankUtility
    self.anyUtility = anyUtility
    self.unplacedPenalty = unplacedPenalty
    self.priorityMultiplier = priorityMultiplier
  }
}

/// A named grade set from `school.toml` `[tiers]` (低段 = 1-2).
public struct Tier: Hashable, Sendable {
  public let name: String
  public let grades: GradeSet
  public init(name: String, grades: GradeSet) {
    self.name = name
    self.grades = grades
  }
}

/// A whole school: everything `solve` reads. Lists keep the order of their files.
public struct School: Hashable, Sendable {
  public var name: String
  public var term: String
  public var week: Week
  /// Named grade sets, in file order.
  public var tiers: [Tier]
  public var rules: Rules
  public var objective: ObjectiveWeights
  public var courses: [Course]
  public var rooms: [Room]
  public var teachers: [Teacher]
  public var students: [Student]
  public var fixed: [FixedPlacement]

  public init(
    name: String = "", term: String = "", week: Week, tiers: [Tier] = [], rules: Rules = Rules(),
    objective: ObjectiveWeights = ObjectiveWeights(), courses: [Course], rooms: [Room], teachers: [Teacher],
    students: [Student], fixed: [FixedPlacement] = []
  ) {
    self.name = name
    self.term = term
    self.week = week
    self.tiers = tiers
    self.rules = rules
    self.objective = objective
    self.courses = courses
    self.rooms = rooms
    self.teachers = teachers
    self.students = students
    self.fixed = fixed
  }

  public func course(_ code: String) -> Course? { courses.first { $0.code == code } }
}
