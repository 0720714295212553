/// `zouban sweep`: the outcome against one numeric rule (the minimum class size, the electives
/// per student, a weight), one solve per value — a table and a chart.
public struct Sweep: Sendable {
  /// The rule as the command line names it (`min-size`).
  public let parameter: String
  public let values: [Int]
  public let columns: [Comparison.Column]

  public init(parameter: String, values: [Int], columns: [Comparison.Column]) {
    self.parameter = parameter
    self.values = values
    self.columns = columns
  }

  /// The figures per value, as numbers for the chart and text for the table.
  private var figures: [(key: String, label: String, value: (Comparison.Column) -> Double, text: (Comparison.Column) -> String)] {
    [
      ("status", "求解状态", { _ in 0 }, { $0.summary.status }),
      ("objective", "目标值", { Double($0.summary.objective ?? 0) }, { $0.summary.objective.map(String.init) ?? "" }),
      ("bound", "上界", { Double($0.summary.bound ?? 0) }, { $0.summary.bound.map(String.init) ?? "" }),
      ("electives_placed", "录取课程数", { Double($0.summary.electivesPlaced) }, { String($0.summary.electivesPlaced) }),
      ("first_choice_rate", "第一志愿满足率", { $0.summary.firstChoiceRate }, { Format.fraction($0.summary.firstChoiceRate) }),
      ("top3_rate", "前三志愿满足率", { $0.summary.topThreeRate }, { Format.fraction($0.summary.topThreeRate) }),
      ("courses_opened", "开班课程", { Double($0.summary.coursesOpened) }, { String($0.summary.coursesOpened) }),
      ("sections_opened", "教学班", { Double($0.summary.sectionsOpened) }, { String($0.summary.sectionsOpened) }),
      ("students_unplaced", "未满足学生", { Double($0.summary.studentsUnplaced) }, { String($0.summary.studentsUnplaced) }),
      ("priority_unplaced", "优先保障学生未满足", { Double($0.summary.priorityUnplaced) }, { String($0.summary.priorityUnplaced) }),
      ("income", "收费收入（元/周）", { $0.analysis.money.income }, { Format.yuan($0.analysis.money.income) }),
      ("balance", "结余（元/周）", { $0.analysis.money.balance }, { Format.yuan($0.analysis.money.balance) }),
    ]
  }

  /// `sweep.csv`: one row per value.
  public var table: ReportTable {
    let columns = [ReportTable.Column(parameter, parameter, numeric: true)]
      + figures.map { ReportTable.Column($0.key, $0.label, numeric: $0.key != "status") }
    let rows = zip(values, self.columns).map { value, column in [String(value)] + figures.map { $0.text(column) } }
    return ReportTable(file: "sweep.csv", sheet: "参数扫描", columns: columns, rows: rows)
  }

  public func terminalText(color: Bool = false) -> String {
    let paint = Paint(enabled: color)
    let t = table
    let shown = [0] + [1, 2, 4, 5, 6, 7, 9, 12].filter { $0 < t.columns.count }
    let headers = shown.map { t.columns[$0].label }
    let widths = shown.indices.map { i in max(DisplayWidth.of(headers[i]), t.rows.map { DisplayWidth.of($0[shown[i]]) }.max() ?? 0) }
    var lines = [paint.bold(shown.indices.map { DisplayWidth.pad(headers[$0], to: widths[$0], right: true) }.joined(separator: "  "))]
    for row in t.rows {
      lines.append(shown.indices.map { DisplayWidth.pad(row[shown[$0]], to: widths[$0], right: true) }.joined(separator: "  "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `sweep.html`: the table, and a line chart per figure against the parameter.
  public var html: String {
    let t = table
    var body = "<h1>\(HTML.escape("参数扫描：\(parameter)"))</h1>\n"
    body += "<p>每个取值单独求解一次；其余规则与学校设置相同。</p>\n<div class=charts>\n"
    for (index, figure) in figures.enumerated() where index > 0 && ["objective", "electives_placed", "first_choice_rate", "courses_opened", "students_unplaced", "balance"].contains(figure.key) {
      body += lineChart(title: figure.label, points: zip(values, columns).map { (Double($0), figure.value($1)) })
    }
    body += "</div>\n<table>\n<tr>" + t.labels.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
    for row in t.rows { body += "<tr>" + row.map { "<td class=num>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
    body += "</table>\n"
    return """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <title>\(HTML.escape("参数扫描：\(parameter)"))</title>
      <style>
      body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
      table { border-collapse: collapse; font-size: 0.92em; margin-top: 1em; }
      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; } th { background: #eef6f1; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .charts { display: flex; flex-wrap: wrap; gap: 1em; } svg { border: 1px solid #dde; }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// A small line chart: the parameter across, the figure up, every point labelled.
  private func lineChart(title: String, points: [(x: Double, y: Double)]) -> String {
    let width = 320.0, height = 200.0, left = 50.0, right = 15.0, top = 30.0, bottom = 30.0
    guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max() else { return "" }
    let ys = points.map(\.y)
    var low = ys.min() ?? 0, high = ys.max() ?? 0
    if low == high { (low, high) = (low - 1, high + 1) }
    func px(_ x: Double) -> Double { maxX == minX ? left + (width - left - right) / 2 : left + (x - minX) / (maxX - minX) * (width - left - right) }
    func py(_ y: Double) -> Double { top + (high - y) / (high - low) * (height - top - bottom) }
    func n(_ v: Double) -> String { String(format: "%.1f", v) }
    func label(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.3f", v) }
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
    svg += "<title>\(HTML.escape(title))</title>"
    svg += "<text x=\"\(n(left))\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(HTML.escape(title))</text>"
    svg += "<line x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\" stroke=\"#999\"/>"
    svg += "<polyline fill=\"none\" stroke=\"#3a7\" stroke-width=\"2\" points=\"\(points.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " "))\"/>"
    for p in points {
      svg += "<circle cx=\"\(n(px(p.x)))\" cy=\"\(n(py(p.y)))\" r=\"3\" fill=\"#3a7\"/>"
      svg += "<text x=\"\(n(px(p.x)))\" y=\"\(n(py(p.y) - 6))\" font-size=\"10\" text-anchor=\"middle\">\(label(p.y))</text>"
      svg += "<text x=\"\(n(px(p.x)))\" y=\"\(n(height - bottom + 14))\" font-size=\"10\" text-anchor=\"middle\">\(label(p.x))</text>"
    }
    return svg + "</svg>\n"
  }
}
