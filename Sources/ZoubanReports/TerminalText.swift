import ZoubanModel

/// Plain-text views for the terminal: the summary after `solve` and the demand overview of `validate`.
public enum TerminalText {
  public static func summary(_ s: Summary, school: School, outputDirectory: String) -> String {
    let status = s.status == "optimal" ? "optimal (proven)" : s.status
    let placedRate = s.electivesAsked == 0 ? 0 : Double(s.electivesPlaced) / Double(s.electivesAsked)
    var lines: [String] = []
    if !school.name.isEmpty { lines.append([school.name, school.term].filter { !$0.isEmpty }.joined(separator: " · ")) }
    lines.append("status     \(status)")
    lines.append(
      "objective  \(s.objective.map(String.init) ?? "-")   bound \(s.bound.map(String.init) ?? "-")   gap \(s.gap.map(Format.percent) ?? "-")"
    )
    lines.append(
      "students   \(s.students)   electives placed \(s.electivesPlaced) / \(s.electivesAsked) (\(Format.percent(placedRate)))   first choice \(s.firstChoice)"
    )
    lines.append("clubs      \(s.coursesOpened) open, \(s.coursesCancelled) not opened; \(s.sectionsOpened) sections")
    lines.append("unplaced   \(s.studentsUnplaced) students got fewer electives than asked (unplaced.csv)")
    lines.append("wrote      \(outputDirectory)/ (assignments.csv, sections.csv, fill.csv, unplaced.csv, summary.json, report.html)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// First-choice and any-rank demand against what each course can seat in a week, and the
  /// courses that cannot reach their minimum even if every interested student came.
  public static func demandOverview(_ school: School) -> String {
    var lines = ["demand overview: \(school.students.count) students, \(school.courses.count) courses, \(school.week.slots.count) slots"]
    lines.append("course       1st  any  seats/week  min  note")
    let roomCapacity = Dictionary(grouping: school.rooms, by: \.type).mapValues { $0.map(\.capacity).max() ?? 0 }
    for course in school.courses {
      let first = school.students.filter { $0.choices.first == course.code }.count
      let any = school.students.filter { $0.choices.contains(course.code) }.count
      let flexible = school.students.filter {
        $0.acceptAny && !$0.choices.contains(course.code) && course.grades.contains($0.grade)
      }.count
      let seats = course.maxSections * min(course.maxSize, roomCapacity[course.roomType] ?? 0)
      var note = ""
      if let reason = school.cannotOpenReason(course) {
        note = "cannot open: \(reason)"
      } else if any + flexible < course.minSize {
        note = "cannot reach its minimum (\(any) ranked it, \(flexible) more accept any course)"
      } else if first > seats {
        note = "oversubscribed by first choices"
      }
      let code = course.code.padding(toLength: max(12, course.code.count), withPad: " ", startingAt: 0)
      lines.append(
        "\(code) \(pad(first, 4)) \(pad(any, 4)) \(pad(seats, 11)) \(pad(course.minSize, 4))  \(course.name)\(note.isEmpty ? "" : " — " + note)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: " ", count: max(0, width - s.count)) + s
  }
}
