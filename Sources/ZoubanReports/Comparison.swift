import ZoubanModel

/// The baseline and each scenario side by side (`zouban compare`): one row per figure, one
/// column per solve, with the rows that differ from the baseline marked.
public struct Comparison: Sendable {
  /// One solve: its name, headline figures and analysis.
  public struct Column: Sendable {
    public let name: String
    public let summary: Summary
    public let analysis: Analysis

    public init(name: String, summary: Summary, analysis: Analysis) {
      self.name = name
      self.summary = summary
      self.analysis = analysis
    }
  }

  public struct Row: Sendable, Equatable {
    /// Which block the row belongs to (概况, 课程满额, 教师工作量, 经费).
    public let group: String
    public let label: String
    public let values: [String]
    /// Whether any scenario's value differs from the baseline's (the first column).
    public var changed: Bool { values.dropFirst().contains { $0 != values.first } }
  }

  public let columns: [Column]
  public let rows: [Row]

  public init(_ columns: [Column]) {
    self.columns = columns
    var rows: [Row] = []
    func add(_ group: String, _ label: String, _ value: (Column) -> String) {
      rows.append(Row(group: group, label: label, values: columns.map(value)))
    }
    let overview = "概况"
    let statusNames = ["optimal": "最优", "feasible": "可行", "infeasible": "无解", "time-limit-no-solution": "超时无解"]
    add(overview, "求解状态") { statusNames[$0.summary.status] ?? $0.summary.status }
    add(overview, "目标值") { $0.summary.objective.map(String.init) ?? "" }
    add(overview, "上界") { $0.summary.bound.map(String.init) ?? "" }
    add(overview, "差距") { $0.summary.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "" }
    add(overview, "学生") { String($0.summary.students) }
    add(overview, "录取课程数 / 申请") { "\($0.summary.electivesPlaced) / \($0.summary.electivesAsked)" }
    add(overview, "第一志愿满足率") { Format.percent($0.summary.firstChoiceRate) }
    add(overview, "前三志愿满足率") { Format.percent($0.summary.topThreeRate) }
    add(overview, "优先保障学生第一志愿") { Format.percent($0.summary.priorityFirstChoiceRate) }
    add(overview, "优先保障学生未满足") { String($0.summary.priorityUnplaced) }
    add(overview, "未满足学生") { String($0.summary.studentsUnplaced) }
    add(overview, "开班课程 / 未开") { "\($0.summary.coursesOpened) / \($0.summary.coursesCancelled)" }
    add(overview, "教学班") { String($0.summary.sectionsOpened) }
    // Clubs: every club of any solve, in the order the baseline lists them, then new ones.
    var clubs: [(code: String, name: String)] = []
    for column in columns {
      for f in column.analysis.fill where !clubs.contains(where: { $0.code == f.course.code }) {
        clubs.append((f.course.code, f.course.name))
      }
    }
    for club in clubs {
      add("课程满额（人数/容量）", "\(club.name)") { column in
        guard let f = column.analysis.fill.first(where: { $0.course.code == club.code }) else { return "（无此课程）" }
        return f.sections == 0 ? "未开" : "\(f.enrolled)/\(f.capacity)"
      }
    }
    var teachers: [(id: String, label: String)] = []
    for column in columns {
      for t in column.analysis.school.teachers where !teachers.contains(where: { $0.id == t.id }) {
        teachers.append((t.id, t.name.isEmpty ? t.id : t.name))
      }
    }
    for teacher in teachers {
      add("教师工作量（节/周）", teacher.label) { column in
        String(column.analysis.solution.sections.filter { $0.teacher == teacher.id }.count)
      }
    }
    add("经费（元/周）", "收费收入") { Format.yuan($0.analysis.money.income) }
    add("经费（元/周）", "减免金额") { Format.yuan($0.analysis.money.waived) }
    add("经费（元/周）", "课时费") { Format.yuan($0.analysis.money.teacherPay) }
    add("经费（元/周）", "结余") { Format.yuan($0.analysis.money.balance) }
    self.rows = rows
  }

  /// `compare.csv`: group, figure, then one column per solve.
  public var table: ReportTable {
    var columns = [ReportTable.Column("group", "分组"), ReportTable.Column("figure", "项目")]
    columns += self.columns.map { ReportTable.Column($0.name, $0.name) }
    columns.append(ReportTable.Column("changed", "有变化"))
    return ReportTable(
      file: "compare.csv", sheet: "方案对比", columns: columns,
      rows: rows.map { [$0.group, $0.label] + $0.values + [$0.changed ? "yes" : ""] })
  }

  /// The terminal view: the overview and money in full, and of the clubs and teachers only the
  /// rows that change (a school has dozens); changed values marked.
  public func terminalText(color: Bool = false) -> String {
    let paint = Paint(enabled: color)
    let shown = rows.filter { $0.group == "概况" || $0.group.hasPrefix("经费") || $0.changed }
    let labelWidth = max(8, shown.map { DisplayWidth.of($0.label) }.max() ?? 0)
    let widths = columns.indices.map { i in
      max(DisplayWidth.of(columns[i].name), shown.map { DisplayWidth.of($0.values[i]) }.max() ?? 0)
    }
    var lines = [DisplayWidth.pad("", to: labelWidth + 2) + "  " + columns.indices.map { paint.bold(DisplayWidth.pad(columns[$0].name, to: widths[$0], right: true)) }.joined(separator: "  ")]
    var group = ""
    for row in shown {
      if row.group != group {
        group = row.group
        lines.append(paint.dim(group))
      }
      let cells = row.values.indices.map { i -> String in
        let text = DisplayWidth.pad(row.values[i], to: widths[i], right: true)
        return i > 0 && row.values[i] != row.values[0] ? paint.yellow(text) : text
      }
      let label = (row.changed ? "* " : "  ") + row.label
      lines.append(DisplayWidth.pad(label, to: labelWidth + 2) + "  " + cells.joined(separator: "  "))
    }
    let hidden = rows.count - shown.count
    if hidden > 0 { lines.append(paint.dim("（另有 \(hidden) 行课程、教师数字与基准相同，见 compare.csv）")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
