import ZoubanModel

/// `report.html`: one self-contained page that the academic-affairs office reads on screen and
/// prints — the summary, four charts, the weekly grids, how full each club is, how well choices
/// were met, who was left short and why, the money, and one roll-call sheet per section.
///
/// The page loads nothing: CSS is inline, charts are inline SVG, there is no script. Every figure
/// comes from the same `Analysis` and `Tables` values as the CSV files, so the page and the files
/// always agree. Every user-supplied string goes through `HTML.escape`. Priority categories
/// (留守, 残疾 …) never appear, only counts of priority students. The bytes depend only on the
/// school and the solution: no date, no solve time, no dictionary order.
public enum HTMLReport {
  /// `moves`: a re-solve's moved students (`MovesTable`), listed after the unplaced ones.
  public static func render(_ a: Analysis, summary s: Summary, moves: ReportTable? = nil) -> String {
    // The school's name escaped on its own, so that nothing in it can reorder the words after it.
    let title = a.school.name.isEmpty ? "走班课表" : HTML.escape(a.school.name) + " 课后服务走班课表"
    var body = "<header>\n<h1>\(title)</h1>\n"
    if !a.school.term.isEmpty { body += "<p class=\"term\">\(HTML.escape(a.school.term))</p>\n" }
    body += "</header>\n"
    body += contents(moves: moves != nil)
    body += overview(a, s)
    body += charts(a)
    body += timetables(a)
    body += fill(a)
    body += satisfaction(a)
    body += unplaced(a)
    if let moves { body += movesSection(moves) }
    body += money(a)
    body += rosters(a)
    return """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style>
      \(HTMLStyle.css)</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// The page's sections, in order: anchor and heading.
  static let sections: [(id: String, heading: String)] = [
    ("overview", "概况"), ("charts", "图表"), ("timetable", "周课表"), ("fill", "课程满额情况"),
    ("satisfaction", "志愿满足"), ("unplaced", "未录取学生及原因"), ("money", "经费与基础托管"), ("rosters", "点名表"),
  ]

  /// A re-solve's section, after `unplaced`.
  static let movesSectionHeading = (id: "moves", heading: "调课名单")

  private static func heading(_ id: String) -> String {
    let text = (sections + [movesSectionHeading]).first { $0.id == id }?.heading ?? id
    return "<h2 id=\"\(id)\">\(HTML.escape(text))</h2>\n"
  }

  private static func contents(moves: Bool) -> String {
    var list = sections
    if moves, let i = list.firstIndex(where: { $0.id == "unplaced" }) { list.insert(movesSectionHeading, at: i + 1) }
    return "<nav class=\"toc screen\">"
      + list.map { "<a href=\"#\($0.id)\">\(HTML.escape($0.heading))</a>" }.joined(separator: " ")
      + "</nav>\n"
  }

  // MARK: 1. 概况

  static func statusLabel(_ status: String) -> String {
    switch status {
    case "optimal": return "最优（已证明）"
    case "feasible": return "可行（未证明最优）"
    case "infeasible": return "无解"
    case "time-limit-no-solution": return "超时，未找到课表"
    default: return status
    }
  }

  static func statusNote(_ status: String, gap: String) -> String {
    switch status {
    case "optimal": return "按学校的目标权重，没有得分更高的课表"
    case "feasible": return "与已证明的上界相差 \(gap)"
    case "infeasible": return "fixed.csv 中的固定安排互相冲突"
    default: return "时间用完时还没有找到课表"
    }
  }

  private static func overview(_ a: Analysis, _ s: Summary) -> String {
    func number(_ x: Int?) -> String { x.map(String.init) ?? "—" }
    let gap = s.gap.map(HTML.percent) ?? "—"
    let priority =
      s.priorityStudents == 0
      ? ("无", "本校没有优先保障学生", "")
      : (
        HTML.percent(s.priorityFirstChoiceRate),
        "\(s.priorityStudents) 人 · 第一志愿 \(s.priorityFirstChoice)/\(s.priorityWithChoices) · 未满足 \(s.priorityUnplaced) 人",
        s.priorityUnplaced > 0 ? "warn" : ""
      )
    let cards: [(label: String, value: String, note: String, cls: String)] = [
      (
        "求解状态", statusLabel(s.status), statusNote(s.status, gap: gap),
        s.status == "optimal" ? "good" : (s.status == "feasible" ? "" : "bad")
      ),
      ("目标值", number(s.objective), "上界 \(number(s.bound)) · 差距 \(gap)", ""),
      ("学生", String(s.students), "填报志愿 \(s.studentsWithChoices) 人", ""),
      (
        "已录取课程（门次）", "\(s.electivesPlaced) / \(s.electivesAsked)", "申请课程的 \(HTML.percent(s.placedRate)) 已录取",
        ""
      ),
      ("第一志愿满足率", HTML.percent(s.firstChoiceRate), "\(s.firstChoice) / \(s.studentsWithChoices) 名填报志愿的学生", ""),
      ("前三志愿满足率", HTML.percent(s.topThreeRate), "\(s.topThree) / \(s.studentsWithChoices) 名填报志愿的学生", ""),
      ("优先保障学生 · 第一志愿", priority.0, priority.1, priority.2),
      ("开班课程 / 未开", "\(s.coursesOpened) / \(s.coursesCancelled)", "共 \(s.sectionsOpened) 个教学班", ""),
      ("未满足学生", String(s.studentsUnplaced), "录取课程少于所申请的学生", s.studentsUnplaced > 0 ? "warn" : "good"),
    ]
    var html = "<section>\n" + heading("overview")
    if s.status == "infeasible" || s.status == "time-limit-no-solution" {
      html += "<p class=\"alert\">没有得到课表（\(HTML.escape(statusLabel(s.status)))），以下各表为空。</p>\n"
    }
    html += "<div class=\"cards\">\n"
    for c in cards {
      let cls = c.cls.isEmpty ? "card" : "card \(c.cls)"
      html += "<div class=\"\(cls)\"><div class=\"label\">\(HTML.escape(c.label))</div>"
      html +=
        "<div class=\"value\">\(HTML.escape(c.value))</div><div class=\"note\">\(HTML.escape(c.note))</div></div>\n"
    }
    return html + "</div>\n</section>\n"
  }

  // MARK: 2. 图表

  private static func charts(_ a: Analysis) -> String {
    let groups = a.satisfactionGroups
    let all = groups.first ?? a.satisfaction(of: a.school.students, label: "全校")
    let priority =
      groups.first { $0.label == "优先保障学生" } ?? a.satisfaction(of: a.school.students.filter(\.isPriority), label: "")
    let others =
      groups.first { $0.label == "其他学生" } ?? a.satisfaction(of: a.school.students.filter { !$0.isPriority }, label: "")
    func figure(_ caption: String, _ svg: String, wide: Bool = false) -> String {
      "<figure\(wide ? " class=\"wide\"" : "")><figcaption>\(HTML.escape(caption))</figcaption>\n\(svg)</figure>\n"
    }
    var html = "<section>\n" + heading("charts") + "<div class=\"charts\">\n"
    html += figure("各课程满额率", SVGCharts.fillRate(a), wide: true)
    html += figure("志愿录取分布（全校）", SVGCharts.rankDistribution(all))
    html += figure("优先保障学生与其他学生", SVGCharts.priorityComparison(priority: priority, others: others))
    html += figure("各时段人数", SVGCharts.slotLoad(a), wide: true)
    return html + "</div>\n</section>\n"
  }

  // MARK: 3. 周课表

  private static func timetables(_ a: Analysis) -> String {
    var html = "<section class=\"grids\">\n" + heading("timetable")
    html += "<h3>按场地</h3>\n" + grid(Tables.timetable(a), a, empty: "没有开设任何教学班。")
    html += "<h3>按教师</h3>\n" + grid(Tables.teacherTimetable(a), a, empty: "没有教师授课。")
    return html + "</section>\n"
  }

  /// A week grid from one of `Tables`' timetables: slots as rows (with their clock times), one
  /// column per room or teacher, each section of a cell on its own line.
  private static func grid(_ t: ReportTable, _ a: Analysis, empty: String) -> String {
    guard t.columns.count > 2 else { return "<p class=\"muted\">\(HTML.escape(empty))</p>\n" }
    let header = ["时段"] + t.columns.dropFirst(2).map(\.label)
    let rows = t.rows.map { row -> String in
      let slot = row.first.flatMap(Slot.init(id:))
      let label = slot.map(a.slotLabel) ?? (row.first ?? "")
      let time = row.count > 1 ? row[1] : ""
      var html = "<tr><th class=\"slot\">\(HTML.escape(label))"
      if !time.isEmpty { html += "<small>\(HTML.escape(time))</small>" }
      html += "</th>"
      for cell in row.dropFirst(2) {
        let entries = cell.split(separator: "\n", omittingEmptySubsequences: true)
        html += "<td>" + entries.map { "<div class=\"entry\">\(entry(String($0)))</div>" }.joined() + "</td>"
      }
      return html + "</tr>"
    }
    return HTML.table(header, rows: rows, cssClass: "grid")
  }

  /// One section in a grid cell: its course in bold, the rest (`teacher · 12人`, `@ room`) below.
  private static func entry(_ text: String) -> String {
    let separators = [" · ", " @ "]
    for sep in separators {
      if let r = text.range(of: sep) {
        let rest = String(text[r.upperBound...]).components(separatedBy: sep)
        return "<b>\(HTML.escape(String(text[..<r.lowerBound])))</b><small>\(HTML.join(rest, separator: sep))</small>"
      }
    }
    return HTML.escape(text)
  }

  // MARK: 4. 课程满额情况

  private static func fill(_ a: Analysis) -> String {
    let header = ["课程", "课程编号", "第一志愿人数", "全部志愿人数", "最少人数", "班数", "容量", "录取人数", "满额率", "状态"]
    let numeric = [false, false, true, true, true, true, true, true, true, false]
    let rows = a.fill.map { f -> String in
      let open = f.sections > 0
      let width = f.fillRate.isFinite ? Int((max(0, min(f.fillRate, 1)) * 100).rounded()) : 0
      var row = open ? "<tr>" : "<tr class=\"off\">"
      row += HTML.td(f.course.name) + HTML.td(f.course.code)
      row += [f.firstChoiceDemand, f.anyRankDemand, f.course.minSize, f.sections, f.capacity, f.enrolled]
        .map { HTML.td(String($0), numeric: true) }.joined()
      row +=
        open
        ? "<td class=\"num\"><span class=\"meter\"><span style=\"width:\(width)%\"></span></span><span class=\"pct\">\(HTML.percent(f.fillRate))</span></td>"
        : "<td class=\"num\">—</td>"
      row += "<td class=\"status-\(open ? "open" : "off")\">\(HTML.escape(FillStatus.label(f.status)))</td></tr>"
      return row
    }
    var html = "<section>\n" + heading("fill")
    html += "<p class=\"muted\">容量为各开设教学班 min（课程最多人数, 场地容量）之和；满额率 = 录取人数 ÷ 容量（与 fill.csv 相同）。</p>\n"
    html += a.fill.isEmpty ? "<p class=\"muted\">没有课程。</p>\n" : HTML.table(header, numeric: numeric, rows: rows)
    return html + "</section>\n"
  }

  // MARK: 5. 志愿满足

  private static func satisfaction(_ a: Analysis) -> String {
    let groups = a.satisfactionGroups
    let ranks = groups.first?.byRank.count ?? 0
    let header =
      ["学生", "人数", "填报志愿人数", "申请课程数", "录取课程数"] + (0..<ranks).map { "第\($0 + 1)志愿" }
      + ["调剂", "第一志愿录取人数", "第一志愿满足率", "前三志愿录取人数", "前三志愿满足率", "未满足人数"]
    let numeric = [false] + Array(repeating: true, count: header.count - 1)
    let rows = groups.map { g -> String in
      let cells =
        [g.students, g.studentsWithChoices, g.electivesAsked, g.electivesPlaced] + g.byRank + [
          g.unranked, g.firstChoice,
        ]
      var row = "<tr>" + "<th>\(HTML.escape(g.label))</th>" + cells.map { HTML.td(String($0), numeric: true) }.joined()
      row += HTML.td(HTML.percent(g.firstChoiceRate), numeric: true) + HTML.td(String(g.topThree), numeric: true)
      row += HTML.td(HTML.percent(g.topThreeRate), numeric: true) + HTML.td(String(g.studentsUnplaced), numeric: true)
      return row + "</tr>"
    }
    var html = "<section>\n" + heading("satisfaction")
    html += "<p class=\"muted\">第k志愿、调剂为录取的课程门次；满足率按填报志愿的学生计。优先保障学生只给出人数统计。</p>\n"
    html += HTML.table(header, numeric: numeric, rows: rows)
    return html + "</section>\n"
  }

  // MARK: 6. 未录取学生及原因

  private static func unplaced(_ a: Analysis) -> String {
    let t = Tables.unplaced(a)
    var html = "<section>\n" + heading("unplaced")
    guard !t.rows.isEmpty else { return html + "<p>所有学生都得到了所申请的课程数。</p>\n</section>\n" }
    html += "<p>\(t.rows.count) 名学生录取的课程少于所申请的课程数。原因按志愿顺序逐一说明。</p>\n"
    return html + plain(t, cssClass: "unplaced") + "</section>\n"
  }

  /// A table as it stands, one cell per value.
  private static func plain(_ t: ReportTable, cssClass: String) -> String {
    let rows = t.rows.map { row in
      "<tr>" + zip(t.columns, row).map { HTML.td($1, numeric: $0.numeric) }.joined() + "</tr>"
    }
    return HTML.table(t.labels, numeric: t.columns.map(\.numeric), rows: rows, cssClass: cssClass)
  }

  /// Who moved in a re-solve, before and after, and why: what the office tells families.
  private static func movesSection(_ t: ReportTable) -> String {
    var html = "<section>\n" + heading("moves")
    guard !t.rows.isEmpty else { return html + "<p>与原课表相比，没有学生需要调整。</p>\n</section>\n" }
    html += "<p>与原课表相比，\(t.rows.count) 名学生的安排有调整（课程@时段，以分号分隔）。</p>\n"
    return html + plain(t, cssClass: "moves") + "</section>\n"
  }

  // MARK: 7. 经费 · 基础托管

  private static func money(_ a: Analysis) -> String {
    var html = "<section>\n" + heading("money")
    html += "<p class=\"muted\">金额单位：元，按每周计；减免金额为免收费学生本应缴纳的费用。</p>\n"
    html += "<h3>各课程经费（每周）</h3>\n"
    let clubs = Tables.money(a)
    if clubs.rows.count <= 1 {
      html += "<p class=\"muted\">没有开班的课程。</p>\n"
    } else {
      let providerColumn = clubs.columns.firstIndex { $0.key == "provider" }
      let rows = clubs.rows.enumerated().map { i, row -> String in
        let total = i == clubs.rows.count - 1
        let cells = zip(clubs.columns, row).enumerated().map { j, pair -> String in
          var value = pair.1
          if total && j == 0 { value = "" }
          if j == providerColumn { value = providerLabel(value) }
          return HTML.td(value, numeric: pair.0.numeric)
        }
        return (total ? "<tr class=\"total\">" : "<tr>") + cells.joined() + "</tr>"
      }
      html += HTML.table(clubs.labels, numeric: clubs.columns.map(\.numeric), rows: rows, cssClass: "money")
    }
    html += "<h3>教师课时费（每周）</h3>\n"
    let load = Tables.teacherLoad(a)
    if load.rows.isEmpty {
      html += "<p class=\"muted\">没有教师。</p>\n"
    } else {
      var rows = load.rows.map { row in
        "<tr>" + zip(load.columns, row).map { HTML.td($1, numeric: $0.numeric) }.joined() + "</tr>"
      }
      let m = a.money
      let sessions = m.teachers.reduce(0) { $0 + $1.sessions }
      rows.append(
        "<tr class=\"total\">" + HTML.td("") + HTML.td("合计") + HTML.td(String(sessions), numeric: true) + HTML.td("")
          + HTML.td("") + HTML.td(Format.yuan(m.teacherPay), numeric: true) + "</tr>")
      html += HTML.table(load.labels, numeric: load.columns.map(\.numeric), rows: rows, cssClass: "money")
    }
    html += basicService(a)
    return html + "</section>\n"
  }

  static func providerLabel(_ raw: String) -> String {
    switch raw {
    case Provider.school.rawValue: return "本校"
    case Provider.external.rawValue: return "校外机构"
    default: return raw
    }
  }

  /// Per slot: students at school, in clubs, staying, and the supervisors needed; the per-class
  /// detail of `basic_service.csv` folded below.
  private static func basicService(_ a: Analysis) -> String {
    var html = "<h3>基础托管（每个时段留在本班的学生）</h3>\n"
    let service = a.basicService
    let slots = a.school.week.slots
    guard !slots.isEmpty else { return html + "<p class=\"muted\">没有时段。</p>\n" }
    html += "<p class=\"muted\">每班每 \(BasicService.studentsPerSupervisor) 名留班学生需要 1 名看护教师（按班向上取整）。</p>\n"
    let rows = slots.map { slot -> String in
      let entries = service.entries.filter { $0.slot == slot }
      let present = entries.reduce(0) { $0 + $1.present }
      let inClubs = entries.reduce(0) { $0 + $1.inClubs }
      let staying = entries.reduce(0) { $0 + $1.staying }
      return "<tr>" + HTML.td(a.slotLabel(slot)) + HTML.td(a.timeLabel(slot))
        + [present, inClubs, staying, service.supervisors(in: slot)].map { HTML.td(String($0), numeric: true) }.joined()
        + "</tr>"
    }
    html += HTML.table(
      ["时段", "时间", "在校人数", "走班人数", "留班托管人数", "看护教师"], numeric: [false, false, true, true, true, true], rows: rows)
    let detail = Tables.basicService(a)
    guard !detail.rows.isEmpty else { return html }
    let detailRows = detail.rows.map { row -> String in
      "<tr>"
        + zip(detail.columns, row).enumerated().map { j, pair in
          HTML.td(j == 0 ? (Slot(id: pair.1).map(a.slotLabel) ?? pair.1) : pair.1, numeric: pair.0.numeric)
        }.joined() + "</tr>"
    }
    html += "<details class=\"detail\"><summary>各班明细（\(detail.rows.count) 行）</summary>\n"
    html += HTML.table(detail.labels, numeric: detail.columns.map(\.numeric), rows: detailRows) + "</details>\n"
    return html
  }

  // MARK: 8. 点名表

  private static func rosters(_ a: Analysis) -> String {
    let rosters = a.rosters
    var html = "<section>\n" + heading("rosters")
    guard !rosters.isEmpty else { return html + "<p class=\"muted\">没有开设任何教学班。</p>\n</section>\n" }
    html += "<p class=\"screen muted\">共 \(rosters.count) 张，点开查看；打印本页时每张点名表单独成页。</p>\n"
    let school = HTML.join([a.school.name, a.school.term].filter { !$0.isEmpty }, separator: " · ")
    for (i, roster) in rosters.enumerated() {
      let s = roster.section
      let course = a.courseName(s.course)
      let seats = a.school.course(s.course).map { a.capacity(of: s, course: $0) }
      let when = [a.slotLabel(s.slot), a.timeLabel(s.slot)].filter { !$0.isEmpty }.joined(separator: " ")
      let count = "\(roster.students.count) 人" + (seats.map { " / 容量 \($0)" } ?? "")
      html += "<details class=\"roster\" id=\"roster-\(i + 1)\">\n<summary><b>\(HTML.escape(course))</b> · "
      html += HTML.join([when, a.roomLabel(s.room), a.teacherLabel(s.teacher), count], separator: " · ")
      html += "</summary>\n<div class=\"roster-head\">\n"
      if !school.isEmpty { html += "<div class=\"print-only muted\">\(school) · 点名表</div>\n" }
      html += "<h3 class=\"print-only\">\(HTML.escape(course)) <small>\(HTML.escape(s.id))</small></h3>\n"
      html += "<p class=\"print-only\">时间：\(HTML.escape(when))　场地：\(HTML.escape(a.roomLabel(s.room)))　"
      html += "教师：\(HTML.escape(a.teacherLabel(s.teacher)))　人数：\(HTML.escape(count))</p>\n</div>\n"
      let rows = roster.students.enumerated().map { j, student in
        "<tr>" + HTML.td(String(j + 1), numeric: true) + HTML.td(student.name) + HTML.td(student.homeClass)
          + HTML.td(student.id) + "<td class=\"attend\"></td></tr>"
      }
      html += HTML.table(["序号", "姓名", "班级", "学号", "出勤"], numeric: [true], rows: rows, cssClass: "roster")
      html += "</details>\n"
    }
    return html + "</section>\n"
  }
}
