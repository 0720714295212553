import ZoubanModel

/// How well a group of students fared: the rank of every elective they got, what they missed,
/// and how many got their 1st choice or one of their top three.
///
/// Rates are per student because that is how a school reports them to families and the
/// district ("92 % of students got their first choice"); the rank distribution is per elective.
public struct Satisfaction: Sendable, Equatable {
  public let label: String
  public let students: Int
  /// Students who ranked at least one course: the denominator of the two rates.
  public let studentsWithChoices: Int
  public let electivesAsked: Int
  public let electivesPlaced: Int
  /// Electives placed at rank 1, 2, …, up to the longest list in the school.
  public let byRank: [Int]
  /// Electives placed in a course the student did not rank (服从调剂 or fixed).
  public let unranked: Int
  /// Students placed in their 1st choice.
  public let firstChoice: Int
  /// Students placed in at least one of their first three choices.
  public let topThree: Int
  /// Students who got fewer electives than asked.
  public let studentsUnplaced: Int

  public var firstChoiceRate: Double { Self.rate(firstChoice, studentsWithChoices) }
  public var topThreeRate: Double { Self.rate(topThree, studentsWithChoices) }
  public var placedRate: Double { Self.rate(electivesPlaced, electivesAsked) }

  static func rate(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}

extension Analysis {
  /// The longest choice list in the school: the number of rank columns every group shares.
  var longestChoiceList: Int { school.students.map(\.choices.count).max() ?? 0 }

  /// Satisfaction of any subset of the students.
  public func satisfaction(of students: [Student], label: String) -> Satisfaction {
    var byRank = [Int](repeating: 0, count: longestChoiceList)
    var unranked = 0, placed = 0, firstChoice = 0, topThree = 0, unplaced = 0
    for student in students {
      let ranks = (sectionsOf[student.id] ?? []).map { student.rank(of: $0.course) }
      placed += ranks.count
      for rank in ranks {
        if let rank { byRank[rank - 1] += 1 } else { unranked += 1 }
      }
      if ranks.contains(1) { firstChoice += 1 }
      if ranks.contains(where: { ($0 ?? .max) <= 3 }) { topThree += 1 }
      if ranks.count < student.electives { unplaced += 1 }
    }
    return Satisfaction(
      label: label, students: students.count, studentsWithChoices: students.filter { !$0.choices.isEmpty }.count,
      electivesAsked: students.reduce(0) { $0 + $1.electives }, electivesPlaced: placed, byRank: byRank,
      unranked: unranked, firstChoice: firstChoice, topThree: topThree, studentsUnplaced: unplaced)
  }

  /// The whole school, then each grade, then priority students (留守, 随迁, 残疾, 困难 …) against
  /// the rest: the rows of `satisfaction.csv`. Labels are the table's own words (zh-CN).
  public var satisfactionGroups: [Satisfaction] {
    var groups = [satisfaction(of: school.students, label: "全校")]
    for grade in Set(school.students.map(\.grade)).sorted() {
      groups.append(satisfaction(of: school.students.filter { $0.grade == grade }, label: "\(grade)年级"))
    }
    groups.append(satisfaction(of: school.students.filter(\.isPriority), label: "优先保障学生"))
    groups.append(satisfaction(of: school.students.filter { !$0.isPriority }, label: "其他学生"))
    return groups
  }
}
