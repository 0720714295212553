import ZoubanModel

/// The applications (报名): who applied, in which grade and class, and what they ranked.
extension SchoolDraft {
  /// Lower grades apply a little more often, as the plans in DOMAIN.md report.
  private static let gradeWeights: [SchoolLevel: [Double]] = [
    .primary: [1.15, 1.1, 1.05, 1.0, 0.95, 0.9], .middle: [1.1, 1.0, 0.9],
  ]
  /// Priority groups (优先保障) with how common each is among them.
  private static let priorityGroups: [(name: String, weight: Double)] = [
    ("留守", 4), ("随迁", 3), ("困难", 2), ("单亲", 1.5), ("残疾", 0.5),
  ]
  /// Home classes of at most this many students (a class is ~45).
  private static let classSize = 45

  /// `count` students, grade by grade and class by class, each with 3–5 ranked choices among the
  /// clubs open to the grade, drawn by popularity; ~10 % priority, ~40 % 服从调剂, ~12 % asking for
  /// one elective only, and some who cannot come on Fridays.
  mutating func makeStudents(count: Int) {
    let grades = Array(level.grades)
    let perGrade = Self.apportion(count, weights: Self.gradeWeights[level]!)
    let eligible = grades.map { g in clubs.indices.filter { clubs[$0].template.grades.contains(g) } }
    let friday = week.slots.filter { $0.day == .fri }
    for (g, grade) in grades.enumerated() {
      let classes = (perGrade[g] + Self.classSize - 1) / Self.classSize
      let entryYear = 2026 - (grade - grades[0])
      let classWidth = max(2, String(classes).count)
      for c in 0..<classes {
        // Classes are filled evenly (never empty): the first `perGrade % classes` get one more.
        let size = perGrade[g] / classes + (c < perGrade[g] % classes ? 1 : 0)
        for number in 1...size {
          let id = "\(entryYear)\(Self.padded(c + 1, classWidth))\(Self.padded(number, 2))"
          students.append(makeStudent(id: id, grade: grade, homeClass: "\(grade)-\(c + 1)", eligible: eligible[g], friday: friday))
        }
      }
    }
  }

  private mutating func makeStudent(id: String, grade: Int, homeClass: String, eligible: [Int], friday: [Slot]) -> Student {
    let name = PersonNames.random(using: &rng)
    let fewer = rules.electivesPerStudent > 1 && rng.chance(0.12)
    let electives = fewer && shape.electives == nil ? 1 : rules.electivesPerStudent
    var priority = ""
    if rng.chance(0.1) {
      let pick = rng.weightedDraw(Self.priorityGroups.map(\.weight), count: 1)[0]
      priority = Self.priorityGroups[pick].name
    }
    let acceptAny = rng.chance(shape.acceptAny)
    let feeWaiver = priority == "困难" || rng.chance(0.02)
    // Friday afternoons are optional in some schools; ~6 % of families opt out of them.
    let unavailable: Set<Slot> = week.days.count > 1 && rng.chance(0.06) ? Set(friday) : []
    let wanted = min(rng.int(3...5), eligible.count)
    let drawn = rng.weightedDraw(eligible.map { clubs[$0].popularity }, count: wanted)
    return Student(
      id: id, name: name, grade: grade, homeClass: homeClass, electives: electives, priority: priority, acceptAny: acceptAny,
      feeWaiver: feeWaiver, unavailable: unavailable, choices: drawn.map { clubs[eligible[$0]].code })
  }

  /// Splits `total` in proportion to `weights` (largest remainder), so the counts add up exactly.
  static func apportion(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    let exact = weights.map { Double(total) * $0 / sum }
    var counts = exact.map { Int($0) }
    let byRemainder = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
    for i in byRemainder.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
    return counts
  }

  static func padded(_ n: Int, _ width: Int) -> String {
    let text = String(n)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// Per club, the students who ranked it within their first `electives` choices: what the
  /// school would plan sections for (a first reading of the survey, 调查摸底).
  func topDemand() -> [String: Int] {
    var demand: [String: Int] = [:]
    for s in students {
      for code in s.choices.prefix(s.electives) { demand[code, default: 0] += 1 }
    }
    return demand
  }
}
