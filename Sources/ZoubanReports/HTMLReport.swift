import ZoubanModel

/// `report.html`: one self-contained page (no scripts, fonts or images from the network) that an
/// academic-affairs office can read and print. Every user-supplied string is escaped.
public enum HTMLReport {
  public static func render(_ a: Analysis, summary s: Summary) -> String {
    let title = a.school.name.isEmpty ? "走班课表" : "\(a.school.name) 课后服务走班课表"
    var body = "<h1>\(escape(title))</h1>\n"
    if !a.school.term.isEmpty { body += "<p class=term>\(escape(a.school.term))</p>\n" }
    body += headline(s)
    body += timetable(a)
    body += fillTable(a)
    body += unplacedTable(a)
    return """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
      body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
      h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 2px solid #3a7; }
      .term { color: #666; margin-top: 0; }
      table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
      th { background: #eef6f1; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .cards { display: flex; flex-wrap: wrap; gap: 0.8em; }
      .card { border: 1px solid #cde; border-radius: 6px; padding: 0.6em 1em; min-width: 8em; }
      .card b { display: block; font-size: 1.5em; }
      .bar { background: #3a7; height: 0.8em; display: inline-block; vertical-align: middle; }
      .cancelled { color: #a33; } .cell small { color: #666; display: block; }
      @media print { body { margin: 0.5cm; } h2 { break-before: page; } .cards { break-inside: avoid; } }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  private static func headline(_ s: Summary) -> String {
    let status = ["optimal": "最优（已证明）", "feasible": "可行（未证明最优）", "infeasible": "无解", "time-limit-no-solution": "超时无解"][s.status] ?? s.status
    let placedRate = s.electivesAsked == 0 ? 0 : Double(s.electivesPlaced) / Double(s.electivesAsked)
    let cards: [(String, String)] = [
      ("求解状态", status),
      ("目标值", s.objective.map(String.init) ?? "—"),
      ("上界 / 差距", "\(s.bound.map(String.init) ?? "—") / \(s.gap.map(Format.percent) ?? "—")"),
      ("学生", String(s.students)),
      ("已录取课程数 / 申请数", "\(s.electivesPlaced) / \(s.electivesAsked)（\(Format.percent(placedRate))）"),
      ("第一志愿录取", String(s.firstChoice)),
      ("开班课程 / 取消", "\(s.coursesOpened) / \(s.coursesCancelled)"),
      ("开设教学班", String(s.sectionsOpened)),
      ("未满足学生", String(s.studentsUnplaced)),
    ]
    return "<h2>概况</h2>\n<div class=cards>\n"
      + cards.map { "<div class=card>\(escape($0.0))<b>\(escape($0.1))</b></div>\n" }.joined() + "</div>\n"
  }

  /// The weekly grid: one row per room, one column per slot.
  private static func timetable(_ a: Analysis) -> String {
    let slots = a.school.week.slots
    var html = "<h2>周课表（场地 × 时段）</h2>\n<table>\n<tr><th>场地</th>"
    for slot in slots {
      let time = a.school.week.period(of: slot).map { " \($0.start)–\($0.end)" } ?? ""
      html += "<th>\(escape(slot.day.chineseName + " 第\(slot.period)节"))<small>\(escape(time))</small></th>"
    }
    html += "</tr>\n"
    let teachers = Dictionary(a.school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    for room in a.school.rooms {
      let used = a.solution.sections.filter { $0.room == room.id }
      guard !used.isEmpty else { continue }
      html += "<tr><th>\(escape(room.name.isEmpty ? room.id : room.name))</th>"
      for slot in slots {
        if let s = used.first(where: { $0.slot == slot }), let course = a.school.course(s.course) {
          let teacher = teachers[s.teacher].map { $0.name.isEmpty ? $0.id : $0.name } ?? s.teacher
          html += "<td class=cell>\(escape(course.name))<small>\(escape(teacher)) · \(a.enrolment[s.id] ?? 0)人</small></td>"
        } else {
          html += "<td></td>"
        }
      }
      html += "</tr>\n"
    }
    return html + "</table>\n"
  }

  private static func fillTable(_ a: Analysis) -> String {
    let status = [
      "open": "开班", "cancelled-under-minimum": "取消（不足最少人数）", "no-demand": "无人报名",
      "no-room-or-teacher": "无场地或教师",
    ]
    var html = "<h2>课程满额情况</h2>\n<table>\n<tr><th>课程</th><th>第一志愿</th><th>全部志愿</th><th>班数</th><th>录取</th><th>容量</th><th>满额率</th><th>状态</th></tr>\n"
    for f in a.fill {
      let width = Int((min(1, f.fillRate) * 120).rounded())
      let cls = f.sections == 0 ? " class=cancelled" : ""
      html += "<tr\(cls)><td>\(escape(f.course.name))</td><td class=num>\(f.firstChoiceDemand)</td><td class=num>\(f.anyRankDemand)</td>"
      html += "<td class=num>\(f.sections)</td><td class=num>\(f.enrolled)</td><td class=num>\(f.capacity)</td>"
      html += "<td><span class=bar style=\"width:\(width)px\"></span> \(Format.percent(f.fillRate))</td><td>\(escape(status[f.status] ?? f.status))</td></tr>\n"
    }
    return html + "</table>\n"
  }

  private static func unplacedTable(_ a: Analysis) -> String {
    let (_, rows) = Tables.unplaced(a)
    var html = "<h2>未满足的学生（\(rows.count)人）</h2>\n"
    guard !rows.isEmpty else { return html + "<p>所有学生都得到了所申请的课程数。</p>\n" }
    html += "<table>\n<tr><th>学号</th><th>姓名</th><th>年级</th><th>班级</th><th>申请</th><th>录取</th><th>原因</th></tr>\n"
    for r in rows {
      html += "<tr>" + r.enumerated().map { i, v in (4...5).contains(i) ? "<td class=num>\(escape(v))</td>" : "<td>\(escape(v))</td>" }.joined() + "</tr>\n"
    }
    return html + "</table>\n"
  }
}
