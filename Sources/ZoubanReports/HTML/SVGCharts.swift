import Foundation
import ZoubanModel

/// The page's four charts, written as inline SVG by hand: no script, no font or image from
/// anywhere. Each chart names itself in `<title>` and `aria-label`, prints its numbers on the
/// bars, keeps a sensible scale when every value is 0, and grows with the data (one row per
/// club or slot) instead of squeezing it. Long names are cut with `…`; the full name is in the
/// row's `<title>`, which a browser shows on hover.
enum SVGCharts {
  static let fontSize = 12.0
  /// Pixels per display column at `fontSize` (a CJK character is two columns, about 1 em).
  static let columnWidth = fontSize * 0.56

  // MARK: Fill rate per club

  /// One horizontal bar per open club (fullest first), then every club that did not open, marked
  /// with the reason, in courses.csv order.
  static func fillRate(_ a: Analysis) -> String {
    let title = "各课程满额率（录取人数 ÷ 容量）"
    let open = a.fill.enumerated().filter { $0.element.sections > 0 }
      .sorted { ($1.element.fillRate, $0.offset) < ($0.element.fillRate, $1.offset) }.map(\.element)
    let closed = a.fill.filter { $0.sections == 0 }
    let rows = open + closed
    let width = 900.0
    let labelRight = 196.0
    let barX = 206.0
    let barWidth = 520.0
    let rowHeight = 22.0
    let top = 24.0
    guard !rows.isEmpty else { return frame(width: width, height: 44, title: title, body: note("没有课程", x: 12, y: 28)) }
    let scale = max(1, open.map(\.fillRate).filter(\.isFinite).max() ?? 0)
    var body = ""
    for tick in stride(from: 0.0, through: scale + 1e-9, by: 0.25) {
      let x = barX + tick / scale * barWidth
      body +=
        "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(top - 4))\" x2=\"\(n(x))\" y2=\"\(n(top + Double(rows.count) * rowHeight))\"/>"
      body +=
        "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(top - 8))\" text-anchor=\"middle\">\(Int((tick * 100).rounded()))%</text>\n"
    }
    for (i, f) in rows.enumerated() {
      let y = top + Double(i) * rowHeight
      let name = f.course.name.isEmpty ? f.course.code : f.course.name
      let isOpen = f.sections > 0
      let status = FillStatus.label(f.status)
      let figures = "\(HTML.percent(f.fillRate))（\(f.enrolled)/\(f.capacity)人）"
      let full =
        HTML.escape(name) + "（" + HTML.escape(f.course.code) + "）：" + HTML.escape(isOpen ? figures : "未开班，\(status)")
      body += "<g class=\"row\"><title>\(full)</title>"
      body += "<text x=\"\(n(labelRight))\" y=\"\(n(y + 15))\" text-anchor=\"end\"\(isOpen ? "" : " class=\"off\"")>"
      body += HTML.escape(fit(name, width: labelRight - 8)) + "</text>"
      if isOpen {
        let w = f.fillRate.isFinite ? max(0, min(f.fillRate / scale, 1)) * barWidth : 0
        body += "<rect class=\"bar\" x=\"\(n(barX))\" y=\"\(n(y + 4))\" width=\"\(n(w))\" height=\"14\"/>"
        body += "<text class=\"value\" x=\"\(n(barX + w + 5))\" y=\"\(n(y + 15))\">\(HTML.escape(figures))</text>"
      } else {
        body += "<text class=\"off\" x=\"\(n(barX + 5))\" y=\"\(n(y + 15))\">未开班 · \(HTML.escape(status))</text>"
      }
      body += "</g>\n"
    }
    return frame(width: width, height: top + Double(rows.count) * rowHeight + 8, title: title, body: body)
  }

  // MARK: Rank distribution

  /// Electives placed at each rank, placed in an unranked course (调剂), and not placed, as
  /// columns with their count and share.
  static func rankDistribution(_ g: Satisfaction) -> String {
    let title = "志愿录取分布（按课程门次）"
    var bars = g.byRank.enumerated().map { (label: "第\($0.offset + 1)志愿", value: $0.element, cls: "bar") }
    bars.append((label: "调剂", value: g.unranked, cls: "bar any"))
    bars.append((label: "未录取", value: max(0, g.electivesAsked - g.electivesPlaced), cls: "bar miss"))
    let total = bars.reduce(0) { $0 + $1.value }
    let left = 48.0
    let top = 26.0
    let plotHeight = 170.0
    let slotWidth = 68.0
    let barWidth = 38.0
    let width = max(400, left + Double(bars.count) * slotWidth + 12)
    let (ceiling, step) = niceScale(bars.map(\.value).max() ?? 0)
    var body = axis(left: left, right: width - 8, top: top, height: plotHeight, ceiling: ceiling, step: step) {
      String($0)
    }
    for (i, bar) in bars.enumerated() {
      let cx = left + (Double(i) + 0.5) * slotWidth
      let h = Double(bar.value) / Double(ceiling) * plotHeight
      let share = total == 0 ? "0.0%" : Format.percent(Double(bar.value) / Double(total))
      body += "<g><title>\(HTML.escape("\(bar.label)：\(bar.value) 门次（\(share)）"))</title>"
      body +=
        "<rect class=\"\(bar.cls)\" x=\"\(n(cx - barWidth / 2))\" y=\"\(n(top + plotHeight - h))\" width=\"\(n(barWidth))\" height=\"\(n(h))\"/>"
      body +=
        "<text class=\"value\" x=\"\(n(cx))\" y=\"\(n(top + plotHeight - h - 4))\" text-anchor=\"middle\">\(bar.value)</text>"
      body +=
        "<text x=\"\(n(cx))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">\(HTML.escape(bar.label))</text>"
      body +=
        "<text class=\"tick\" x=\"\(n(cx))\" y=\"\(n(top + plotHeight + 31))\" text-anchor=\"middle\">\(share)</text></g>\n"
    }
    return frame(width: width, height: top + plotHeight + 40, title: title, body: body)
  }

  // MARK: Priority students against the others

  /// Grouped columns: first-choice rate, top-3 rate and the share of students left short, for
  /// priority students next to everyone else, on a fixed 0–100 % scale.
  static func priorityComparison(priority p: Satisfaction, others o: Satisfaction) -> String {
    let title = "优先保障学生与其他学生对比"
    let metrics: [(label: String, rates: [(Int, Int)])] = [
      ("第一志愿满足率", [(p.firstChoice, p.studentsWithChoices), (o.firstChoice, o.studentsWithChoices)]),
      ("前三志愿满足率", [(p.topThree, p.studentsWithChoices), (o.topThree, o.studentsWithChoices)]),
      ("未满足学生占比", [(p.studentsUnplaced, p.students), (o.studentsUnplaced, o.students)]),
    ]
    let series = [("优先保障学生（\(p.students)人）", "bar"), ("其他学生（\(o.students)人）", "bar other")]
    let left = 48.0
    let top = 40.0
    let plotHeight = 160.0
    let groupWidth = 150.0
    let barWidth = 44.0
    let width = left + Double(metrics.count) * groupWidth + 12
    var body = axis(left: left, right: width - 8, top: top, height: plotHeight, ceiling: 100, step: 25) { "\($0)%" }
    var lx = left
    for (label, cls) in series {
      body += "<rect class=\"\(cls)\" x=\"\(n(lx))\" y=\"6\" width=\"12\" height=\"12\"/>"
      body += "<text x=\"\(n(lx + 17))\" y=\"16\">\(HTML.escape(label))</text>\n"
      lx += 17 + textWidth(label) + 18
    }
    for (i, metric) in metrics.enumerated() {
      let gx = left + Double(i) * groupWidth
      for (j, (part, whole)) in metric.rates.enumerated() {
        let rate = Satisfaction.rate(part, whole)
        let x = gx + groupWidth / 2 - barWidth - 3 + Double(j) * (barWidth + 6)
        let h = max(0, min(rate, 1)) * plotHeight
        let text = Format.percent(rate)
        body += "<g><title>\(HTML.escape("\(series[j].0) \(metric.label)：\(text)（\(part)/\(whole)）"))</title>"
        body +=
          "<rect class=\"\(series[j].1)\" x=\"\(n(x))\" y=\"\(n(top + plotHeight - h))\" width=\"\(n(barWidth))\" height=\"\(n(h))\"/>"
        body +=
          "<text class=\"value\" x=\"\(n(x + barWidth / 2))\" y=\"\(n(top + plotHeight - h - 4))\" text-anchor=\"middle\">\(text)</text></g>\n"
      }
      body +=
        "<text x=\"\(n(gx + groupWidth / 2))\" y=\"\(n(top + plotHeight + 17))\" text-anchor=\"middle\">\(HTML.escape(metric.label))</text>\n"
    }
    if p.students == 0 {
      body += note("本校没有优先保障学生", x: left + 12, y: top + 20)
    }
    return frame(width: width, height: top + plotHeight + 28, title: title, body: body)
  }

  // MARK: Students per slot

  /// One stacked bar per slot: students in a club (走班) and students staying in the basic
  /// service (留班托管), with the supervisors that needs.
  static func slotLoad(_ a: Analysis) -> String {
    let title = "各时段走班与留班托管人数"
    let service = a.basicService
    let slots = a.school.week.slots
    let rows = slots.map { slot in
      let entries = service.entries.filter { $0.slot == slot }
      return (
        slot: slot, inClubs: entries.reduce(0) { $0 + $1.inClubs }, staying: entries.reduce(0) { $0 + $1.staying },
        supervisors: service.supervisors(in: slot)
      )
    }
    let width = 900.0
    let labelRight = 78.0
    let barX = 86.0
    let barWidth = 560.0
    let rowHeight = 24.0
    let top = 30.0
    guard !rows.isEmpty else { return frame(width: width, height: 44, title: title, body: note("没有时段", x: 12, y: 28)) }
    let scale = Double(max(1, rows.map { $0.inClubs + $0.staying }.max() ?? 0))
    var body = ""
    var lx = barX
    for (label, cls) in [("走班（在课程中）", "bar"), ("留班托管", "bar stay")] {
      body += "<rect class=\"\(cls)\" x=\"\(n(lx))\" y=\"6\" width=\"12\" height=\"12\"/>"
      body += "<text x=\"\(n(lx + 17))\" y=\"16\">\(label)</text>\n"
      lx += 17 + textWidth(label) + 18
    }
    for (i, r) in rows.enumerated() {
      let y = top + Double(i) * rowHeight
      let w1 = Double(r.inClubs) / scale * barWidth
      let w2 = Double(max(0, r.staying)) / scale * barWidth
      let summary = "走班 \(r.inClubs) · 留班 \(r.staying) · 看护 \(r.supervisors) 人"
      body += "<g><title>\(HTML.escape("\(a.slotLabel(r.slot)) \(a.timeLabel(r.slot))：\(summary)"))</title>"
      body +=
        "<text x=\"\(n(labelRight))\" y=\"\(n(y + 16))\" text-anchor=\"end\">\(HTML.escape(a.slotLabel(r.slot)))</text>"
      body += "<rect class=\"bar\" x=\"\(n(barX))\" y=\"\(n(y + 4))\" width=\"\(n(w1))\" height=\"16\"/>"
      body += "<rect class=\"bar stay\" x=\"\(n(barX + w1))\" y=\"\(n(y + 4))\" width=\"\(n(w2))\" height=\"16\"/>"
      for (value, x, w, cls) in [(r.inClubs, barX, w1, "inside"), (r.staying, barX + w1, w2, "inside dark")]
      where textWidth(String(value)) + 6 <= w {
        body += "<text class=\"\(cls)\" x=\"\(n(x + w / 2))\" y=\"\(n(y + 16))\" text-anchor=\"middle\">\(value)</text>"
      }
      body +=
        "<text class=\"value\" x=\"\(n(barX + w1 + w2 + 6))\" y=\"\(n(y + 16))\">\(HTML.escape(summary))</text></g>\n"
    }
    return frame(width: width, height: top + Double(rows.count) * rowHeight + 6, title: title, body: body)
  }

  // MARK: Pieces

  /// The `<svg>` element: its size, its accessible name and its `<title>`.
  static func frame(width: Double, height: Double, title: String, body: String) -> String {
    let t = HTML.escape(title)
    return "<svg class=\"chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
      + " role=\"img\" aria-label=\"\(t)\">\n<title>\(t)</title>\n\(body)</svg>\n"
  }

  /// A value axis with horizontal grid lines from 0 to `ceiling` every `step`.
  static func axis(
    left: Double, right: Double, top: Double, height: Double, ceiling: Int, step: Int, label: (Int) -> String
  ) -> String {
    var body = ""
    for value in stride(from: 0, through: ceiling, by: max(1, step)) {
      let y = top + height - Double(value) / Double(max(1, ceiling)) * height
      body +=
        "<line class=\"\(value == 0 ? "baseline" : "grid")\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(right))\" y2=\"\(n(y))\"/>"
      body +=
        "<text class=\"tick\" x=\"\(n(left - 5))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(HTML.escape(label(value)))</text>\n"
    }
    return body
  }

  /// A round top for a count axis and its step (1, 2 or 5 × 10ⁿ, at most 5 steps); 1 for 0.
  static func niceScale(_ maximum: Int) -> (ceiling: Int, step: Int) {
    guard maximum > 0 else { return (1, 1) }
    var magnitude = 1
    while true {
      for m in [1, 2, 5] {
        let step = m * magnitude
        let steps = (maximum + step - 1) / step
        if steps <= 5 { return (steps * step, step) }
      }
      magnitude *= 10
    }
  }

  static func note(_ text: String, x: Double, y: Double) -> String {
    "<text class=\"off\" x=\"\(n(x))\" y=\"\(n(y))\">\(HTML.escape(text))</text>\n"
  }

  /// Estimated width of a text at `fontSize`, from its display columns.
  static func textWidth(_ s: String) -> Double { Double(DisplayWidth.of(s)) * columnWidth }

  /// `s` cut with `…` to fit `width` pixels.
  static func fit(_ s: String, width: Double) -> String { HTML.truncate(s, columns: Int(width / columnWidth)) }

  /// A coordinate with one decimal, the same bytes on every machine; 0 for anything not finite.
  static func n(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return "0" }
    let s = String(format: "%.1f", x)
    let t = s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    return t == "-0" ? "0" : t
  }
}

/// The words the page uses for `fill.csv`'s `status`.
enum FillStatus {
  static func label(_ status: String) -> String {
    switch status {
    case "open": return "开班"
    case "cancelled-under-minimum": return "取消（不足最少人数）"
    case "no-demand": return "无人报名"
    case "no-room-or-teacher": return "无场地或教师"
    default: return status
    }
  }
}
