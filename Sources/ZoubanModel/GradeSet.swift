/// A set of school grades (1–12), e.g. the grades allowed to take a course.
public struct GradeSet: Hashable, Sendable, CustomStringConvertible {
  /// The grades, ascending and without repeats.
  public let grades: [Int]

  public init<S: Sequence>(_ grades: S) where S.Element == Int {
    self.grades = Array(Set(grades)).sorted()
  }

  public func contains(_ grade: Int) -> Bool { grades.contains(grade) }

  /// Compact text: runs become ranges, e.g. `1-2;5`.
  public var description: String {
    var parts: [String] = []
    var i = 0
    while i < grades.count {
      var j = i
      while j + 1 < grades.count && grades[j + 1] == grades[j] + 1 { j += 1 }
      parts.append(i == j ? "\(grades[i])" : "\(grades[i])-\(grades[j])")
      i = j + 1
    }
    return parts.joined(separator: ";")
  }
}
