import ZoubanModel

/// One club's line of `fill.csv`, as the terminal summary needs it. Built from a solve, or read
/// back from a solution directory by `zouban report`.
public struct ClubFill: Sendable, Equatable {
  public let code: String
  public let name: String
  public let enrolled: Int
  public let capacity: Int
  /// `fill_rate` as written: four decimals, so a summary read back from files shows the same.
  public let fillRate: Double
  public let status: String

  public init(code: String, name: String, enrolled: Int, capacity: Int, fillRate: Double, status: String) {
    self.code = code
    self.name = name
    self.enrolled = enrolled
    self.capacity = capacity
    self.fillRate = fillRate
    self.status = status
  }

  public init(_ f: Analysis.CourseFill) {
    self.init(
      code: f.course.code, name: f.course.name, enrolled: f.enrolled, capacity: f.capacity,
      fillRate: Double(Format.fraction(f.fillRate)) ?? 0, status: f.status)
  }
}

/// Plain-text views for the terminal: the summary after `solve` (and `zouban report`) and the
/// demand overview of `validate`.
public enum TerminalText {
  /// How many clubs the fullest and emptiest lists show.
  static let clubsListed = 3

  /// The summary of a solve: status and bound, what was placed, choice rates, priority
  /// students, clubs opened and cancelled, the fullest and emptiest clubs, who is unplaced, and
  /// for a re-solve (`moves`) how many students moved. Columns line up for Chinese text; colour
  /// only when `color` (the caller checks for a terminal).
  public static func summary(
    _ s: Summary, clubs: [ClubFill], moves: MoveCounts? = nil, language: Language = .zh, color: Bool = false
  ) -> String {
    let l = language, paint = Paint(enabled: color)
    var rows: [(String, String)] = []
    let statusText: String
    switch s.status {
    case "optimal": statusText = paint.green(l.pick("最优（已证明）", "optimal (proven)"))
    case "feasible": statusText = paint.yellow(l.pick("可行（未证明最优）", "feasible (not proven optimal)"))
    case "infeasible": statusText = paint.red(l.pick("无解（fixed.csv 有冲突）", "infeasible (fixed.csv conflicts)"))
    default: statusText = paint.red(l.pick("超时，未找到课表", "time limit, no timetable found"))
    }
    rows.append((l.pick("求解状态", "status"), statusText))
    rows.append(
      (
        l.pick("目标值", "objective"),
        "\(number(s.objective))   \(l.pick("上界", "bound")) \(number(s.bound))   \(l.pick("差距", "gap")) \(s.gap.map(Format.percent) ?? "-")"
      ))
    rows.append(
      (
        l.pick("学生", "students"),
        l.pick(
          "\(s.students) 人，录取 \(s.electivesPlaced) / \(s.electivesAsked) 门次（\(Format.percent(s.placedRate))）",
          "\(s.students), electives placed \(s.electivesPlaced) / \(s.electivesAsked) (\(Format.percent(s.placedRate)))")
      ))
    rows.append(
      (
        l.pick("志愿满足", "choices"),
        l.pick(
          "第一志愿 \(Format.percent(s.firstChoiceRate))（\(s.firstChoice) 人），前三志愿 \(Format.percent(s.topThreeRate))（\(s.topThree) 人）",
          "1st choice \(Format.percent(s.firstChoiceRate)) (\(s.firstChoice)), top 3 \(Format.percent(s.topThreeRate)) (\(s.topThree))")
      ))
    if s.priorityStudents > 0 {
      rows.append(
        (
          l.pick("优先保障", "priority"),
          l.pick(
            "\(s.priorityStudents) 人，第一志愿 \(Format.percent(s.priorityFirstChoiceRate))，未满足 \(s.priorityUnplaced) 人",
            "\(s.priorityStudents) students, 1st choice \(Format.percent(s.priorityFirstChoiceRate)), \(s.priorityUnplaced) unplaced")
        ))
    }
    rows.append(
      (
        l.pick("课程", "clubs"),
        l.pick(
          "开班 \(s.coursesOpened) 门（\(s.sectionsOpened) 个教学班），未开 \(s.coursesCancelled) 门",
          "\(s.coursesOpened) open (\(s.sectionsOpened) sections), \(s.coursesCancelled) not opened")
      ))
    let unplaced = l.pick(
      "\(s.studentsUnplaced) 名学生少于所申请的课程数", "\(s.studentsUnplaced) students got fewer electives than asked")
    rows.append((l.pick("未满足", "unplaced"), s.studentsUnplaced > 0 ? paint.yellow(unplaced) : unplaced))
    if let m = moves {
      let others = l.pick("新增 \(m.joined) 名，离开 \(m.left) 名", "\(m.joined) joined, \(m.left) left")
      let text =
        m.moved == 0
        ? l.pick("没有学生调整，\(m.kept) 名不变；\(others)", "no student moved, \(m.kept) kept; \(others)")
        : l.pick(
          "\(m.moved) 名学生调整（其中 \(m.forced) 名因学校数据变动必须调整），\(m.kept) 名不变；\(others)；名单见 moves.csv",
          "\(m.moved) moved (\(m.forced) forced by the school's changes), \(m.kept) kept; \(others); see moves.csv")
      rows.append((l.pick("调整", "moves"), m.moved > 0 ? paint.yellow(text) : text))
    }

    var lines: [String] = []
    let title = [s.school, s.term].filter { !$0.isEmpty }.joined(separator: " · ")
    if !title.isEmpty { lines.append(paint.bold(title)) }
    let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
    lines += rows.map { DisplayWidth.pad($0.0, to: labelWidth) + "  " + $0.1 }
    lines += clubTables(clubs, language: l, paint: paint)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The fullest and emptiest open clubs, and the clubs that did not open.
  private static func clubTables(_ clubs: [ClubFill], language l: Language, paint: Paint) -> [String] {
    let open = clubs.filter { $0.status == "open" }
    guard !open.isEmpty else { return [] }
    // Ties keep courses.csv order, so the lists are the same on every run. The emptiest list
    // leaves out the clubs the fullest list shows, and full clubs: they are not empty at all.
    let indexed = Array(open.enumerated())
    let fullest = indexed.sorted { ($1.element.fillRate, $0.offset) < ($0.element.fillRate, $1.offset) }.prefix(clubsListed)
    let shown = Set(fullest.map(\.offset))
    let emptiest = indexed.filter { !shown.contains($0.offset) && $0.element.fillRate < 1 }
      .sorted { ($0.element.fillRate, $0.offset) < ($1.element.fillRate, $1.offset) }.prefix(clubsListed)
    let full = open.filter { $0.fillRate >= 1 }.count
    let nameWidth = max(DisplayWidth.of(l.pick("课程", "club")), open.map { DisplayWidth.of($0.name) }.max() ?? 0)
    func line(_ c: ClubFill) -> String {
      "  " + DisplayWidth.pad(c.name, to: nameWidth) + "  " + DisplayWidth.pad(Format.percent(c.fillRate), to: 6, right: true)
        + "  " + DisplayWidth.pad("\(c.enrolled)/\(c.capacity)", to: 9, right: true)
    }
    let heading =
      "  " + DisplayWidth.pad(l.pick("课程", "club"), to: nameWidth) + "  "
      + DisplayWidth.pad(l.pick("满额率", "fill"), to: 6, right: true) + "  "
      + DisplayWidth.pad(l.pick("人数/容量", "in/seats"), to: 9, right: true)
    let fullTitle = l.pick("最满的课程", "fullest clubs") + (full > 0 ? l.pick("（\(full) 门已满）", " (\(full) full)") : "")
    var lines = ["", paint.bold(fullTitle), paint.dim(heading)] + fullest.map { line($0.element) }
    if !emptiest.isEmpty {
      lines += ["", paint.bold(l.pick("最空的课程", "emptiest clubs")), paint.dim(heading)] + emptiest.map { line($0.element) }
    }
    let cancelled = clubs.filter { $0.status == "cancelled-under-minimum" }
    if !cancelled.isEmpty {
      let names = cancelled.prefix(8).map(\.name).joined(separator: l.pick("、", ", "))
      let more = cancelled.count > 8 ? l.pick(" 等 \(cancelled.count) 门", " and \(cancelled.count - 8) more") : ""
      lines += ["", l.pick("因人数不足未开班：", "cancelled under the minimum: ") + names + more]
    }
    return lines
  }

  private static func number(_ n: Int?) -> String { n.map(String.init) ?? "-" }

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
