/// `compare.html`: the comparison as one self-contained page, each scenario's changed values
/// highlighted, every row shown (the terminal shows only the changed clubs and teachers).
extension Comparison {
  public var html: String {
    let title = "方案对比"
    let school = columns.first?.summary.school ?? ""
    var body = "<h1>\(HTML.escape(school.isEmpty ? title : "\(school) \(title)"))</h1>\n"
    body += "<p>第一列是学校现状，其后每列是一个方案；与现状不同的数字以黄色标出，有变化的行前带 *。</p>\n"
    var group = ""
    for row in rows {
      if row.group != group {
        if !group.isEmpty { body += "</table>\n" }
        group = row.group
        body += "<h2>\(HTML.escape(group))</h2>\n<table>\n<tr><th></th>"
        body += columns.map { "<th>\(HTML.escape($0.name))</th>" }.joined() + "</tr>\n"
      }
      body += "<tr><th>\(row.changed ? "* " : "")\(HTML.escape(row.label))</th>"
      for (i, value) in row.values.enumerated() {
        let changed = i > 0 && value != row.values[0]
        body += "<td class=\"num\(changed ? " changed" : "")\">\(HTML.escape(value))</td>"
      }
      body += "</tr>\n"
    }
    if !group.isEmpty { body += "</table>\n" }
    return """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title))</title>
      <style>
      body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
      h2 { margin-top: 1.4em; border-bottom: 2px solid #3a7; }
      table { border-collapse: collapse; font-size: 0.92em; }
      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
      th { background: #eef6f1; text-align: left; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.changed { background: #fff3b0; font-weight: bold; }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }
}
