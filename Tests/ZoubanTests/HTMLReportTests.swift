import Foundation
import TestSupport
import Testing
import Zouban
import ZoubanInput
import ZoubanModel
import ZoubanReports

/// `report.html` from the library side: the tiny school's hand-checked figures (Catalogs/tiny/README.md)
/// are on the page, hostile names cannot add markup, priority categories never show, the page
/// loads nothing, and the same school gives the same bytes.
@Suite struct HTMLReportTests {
  // MARK: Building pages

  static func school(_ name: String) throws -> School {
    try #require(SchoolLoader.load(directory: Fixtures.catalog(name)).school)
  }

  /// Solves `school` and renders its page, as `zouban solve` does.
  static func page(_ school: School, solveSeconds: Double? = nil) throws -> (html: String, analysis: Analysis) {
    let outcome = try TimetableSolver.solve(school)
    let a = Analysis(school: school, solution: outcome.solution)
    let s = Summary(
      analysis: a, status: outcome.status.rawValue, objective: outcome.objective, bound: outcome.bound,
      gap: outcome.gap,
      solveSeconds: solveSeconds ?? outcome.seconds)
    return (HTMLReport.render(a, summary: s), a)
  }

  /// The page of a school with no timetable at all (every club closed).
  static func emptyPage(_ school: School, status: String = "infeasible") -> String {
    let a = Analysis(school: school, solution: .empty)
    let s = Summary(analysis: a, status: status, objective: nil, bound: nil, gap: nil, solveSeconds: 0)
    return HTMLReport.render(a, summary: s)
  }

  /// The text from `start` to the first `end` after it.
  static func slice(_ html: String, from start: String, to end: String) -> String? {
    guard let a = html.range(of: start), let b = html.range(of: end, range: a.upperBound..<html.endIndex) else {
      return nil
    }
    return String(html[a.lowerBound..<b.upperBound])
  }

  static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

  // MARK: The tiny school's figures

  @Test func theTinyPageShowsTheHandCheckedFigures() throws {
    let (html, _) = try Self.page(Self.school("tiny"))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    for heading in ["概况", "图表", "周课表", "课程满额情况", "志愿满足", "未录取学生及原因", "经费与基础托管", "点名表"] {
      #expect(html.contains("\">\(heading)</h2>"), "heading \(heading)")
    }
    // 绘画 fills the 5 seats of 美术室（小）; 足球 seats 8 of 12; 围棋 is cancelled (README steps 1–3).
    let art = try #require(Self.slice(html, from: "<tr><td>绘画</td><td>ART</td>", to: "</tr>"))
    #expect(art.contains("<td class=\"num\">5</td>") && art.contains(">100.0%<") && art.contains(">开班<"), "\(art)")
    let football = try #require(Self.slice(html, from: "<tr><td>足球</td><td>FB</td>", to: "</tr>"))
    #expect(football.contains("<td class=\"num\">12</td>") && football.contains(">66.7%<"), "\(football)")
    let go = try #require(Self.slice(html, from: "<tr class=\"off\"><td>围棋</td><td>GO</td>", to: "</tr>"))
    #expect(go.contains("取消（不足最少人数）"), "\(go)")
    // The same figures in the chart.
    #expect(html.contains("<title>绘画（ART）：100.0%（5/5人）</title>"))
    #expect(html.contains("<title>足球（FB）：66.7%（8/12人）</title>"))
    #expect(html.contains("<title>围棋（GO）：未开班，取消（不足最少人数）</title>"))
    // Headline: 6 of the 9 students who ranked anything got their first choice, all 9 one of their top three.
    #expect(
      html.contains("<div class=\"label\">第一志愿满足率</div><div class=\"value\">66.7%</div><div class=\"note\">6 / 9 "))
    #expect(html.contains("<div class=\"label\">前三志愿满足率</div><div class=\"value\">100.0%</div>"))
    #expect(html.contains("<div class=\"value\">13 / 15</div>"), "electives placed 13 of 15")
    #expect(html.contains("<div class=\"value\">735</div>"), "the optimum 735")
  }

  @Test func unplacedStudentsComeWithTheirReasons() throws {
    let (html, a) = try Self.page(Self.school("tiny"))
    let table = try #require(Self.slice(html, from: "<table class=\"unplaced\">", to: "</table>"))
    // S03 and S06 each miss one elective (README step 5).
    #expect(Self.count("<tr><td>", in: table) == 2)
    let s03 = try #require(Self.slice(table, from: "<tr><td>S03</td><td>黄三</td>", to: "</tr>"))
    #expect(s03.contains("<td>第1志愿围棋未开班（报名不足4人）；第2志愿绘画已满</td>"), "\(s03)")
    let s06 = try #require(Self.slice(table, from: "<tr><td>S06</td><td>郑六</td>", to: "</tr>"))
    #expect(s06.contains("<td>未填写志愿，且没有可调剂的课程名额</td>"), "\(s06)")
    // The page's sentences are unplaced.csv's.
    for student in a.school.students where ["S03", "S06"].contains(student.id) {
      #expect(table.contains(a.unplacedReason(for: student)))
    }
  }

  @Test func oneRosterPerSectionWithItsStudents() throws {
    let (html, a) = try Self.page(Self.school("tiny"))
    let blocks = html.components(separatedBy: "<details class=\"roster\"").dropFirst()
    #expect(blocks.count == a.solution.sections.count)
    #expect(blocks.count == 2)
    // In sections.csv order: ART/Mon-1 first, with the five students README step 4 gives the seats.
    let art = try #require(blocks.first)
    #expect(art.contains("<b>绘画</b> · 周一第1节 16:00–16:40 · 美术室（小） · 王老师 · 5 人 / 容量 5"))
    for name in ["陈一", "林二", "吴五", "赵九", "冯十"] { #expect(art.contains("<td>\(name)</td>"), "\(name) in 绘画") }
    for name in ["黄三", "周四", "郑六", "孙七", "钱八"] { #expect(!art.contains("<td>\(name)</td>"), "\(name) not in 绘画") }
    for (block, roster) in zip(blocks, a.rosters) {
      let table = try #require(Self.slice(block, from: "<table class=\"roster\">", to: "</table>"))
      #expect(Self.count("<td class=\"attend\"></td>", in: table) == roster.students.count)
      for (i, s) in roster.students.enumerated() {
        #expect(
          table.contains("<tr><td class=\"num\">\(i + 1)</td><td>\(s.name)</td><td>\(s.homeClass)</td><td>\(s.id)</td>")
        )
      }
    }
  }

  @Test func moneyTotalsAreTheAnalysisTotals() throws {
    let (html, a) = try Self.page(Self.school("tiny"))
    let m = a.money
    // By hand: 绘画 4 paying × 10 + 足球 7 paying × 15 (S05 has a fee waiver); pay 40 + 80.
    #expect(m.income == 145 && m.waived == 25 && m.teacherPay == 120)
    let rows = html.components(separatedBy: "<tr class=\"total\">").dropFirst().map {
      $0.components(separatedBy: "</tr>")[0]
    }
    #expect(rows.count == 2)
    let clubs = try #require(rows.first)
    #expect(
      clubs.hasSuffix(
        "<td class=\"num\">145</td><td class=\"num\">25</td><td class=\"num\">120</td><td class=\"num\">25</td>"),
      "\(clubs)")
    let teachers = try #require(rows.last)
    #expect(teachers.hasSuffix("<td class=\"num\">120</td>"), "\(teachers)")
    // Basic service at Mon-1: S04 is not at school, 5 are in 绘画, 4 stay in three classes (3-1, 4-1, 1-1).
    #expect(
      html.contains(
        "<tr><td>周一第1节</td><td>16:00–16:40</td><td class=\"num\">9</td><td class=\"num\">5</td><td class=\"num\">4</td><td class=\"num\">3</td></tr>"
      ))
  }

  // MARK: Hostile names

  static let script = "<script>alert(1)</script>"
  static let image = "\"><img src=x onerror=alert(1)>"

  /// The tiny school with markup, quotes, `&amp;`, U+202E and line breaks in every kind of name.
  static func hostileTiny() throws -> School {
    var school = try Self.school("tiny")
    school.name = script + "小学\u{202E}"
    school.term = "&amp; 'term' \(image)"
    school.courses = school.courses.map { c in
      let name = ["ART": script + "绘画", "FB": image, "GO": "围\u{202E}棋&amp;"][c.code] ?? c.name
      return Course(
        code: c.code, name: name, category: c.category, grades: c.grades, maxSize: c.maxSize, minSize: c.minSize,
        maxSections: c.maxSections, slots: c.slots, roomType: c.roomType, teachers: c.teachers, fee: c.fee,
        provider: c.provider)
    }
    school.rooms = school.rooms.map { r in
      Room(
        id: r.id, name: r.id == "R-ART" ? image : "室\n\(script)", type: r.type, capacity: r.capacity,
        unavailable: r.unavailable)
    }
    school.teachers = school.teachers.map { t in
      Teacher(
        id: t.id, name: "\(script)'\(t.id)'\u{202E}", maxSections: t.maxSections, unavailable: t.unavailable,
        rate: t.rate)
    }
    let names = ["S01": script, "S03": image, "S05": "王\"小\"明, 二\n行\u{202E}cba", "S06": "&amp;"]
    school.students = school.students.map { s in
      Student(
        id: s.id == "S09" ? "S09\(image)" : s.id, name: names[s.id] ?? s.name, grade: s.grade,
        homeClass: s.id == "S02" ? script : s.homeClass, electives: s.electives, priority: s.priority,
        acceptAny: s.acceptAny, feeWaiver: s.feeWaiver, unavailable: s.unavailable, choices: s.choices)
    }
    return school
  }

  @Test func hostileNamesCannotAddMarkup() throws {
    let (html, _) = try Self.page(Self.hostileTiny())
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<img"))
    // Read as a browser's tokenizer would: only the page's own tags and attributes.
    let tags = Markup.tags(html)
    #expect(tags.count > 100)
    let allowedTags: Set<String> = [
      "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav", "a",
      "section", "div", "span", "small", "b", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
      "details", "summary", "svg", "g", "rect", "line", "text",
    ]
    let allowedAttributes: Set<String> = [
      "lang", "charset", "name", "content", "class", "id", "href", "style", "width", "height", "viewbox", "role",
      "aria-label", "x", "y", "x1", "y1", "x2", "y2", "text-anchor", "html",
    ]
    var unexpected: [String] = []
    for tag in tags {
      if !allowedTags.contains(tag.name) { unexpected.append("<\(tag.name)>") }
      for (name, value) in tag.attributes {
        if !allowedAttributes.contains(name) { unexpected.append("\(name)= on <\(tag.name)>") }
        if name == "href" && !value.hasPrefix("#") { unexpected.append("href=\(value)") }
        if name == "style" && value.range(of: "^width:[0-9]+%$", options: .regularExpression) == nil {
          unexpected.append("style=\(value)")
        }
      }
    }
    #expect(unexpected.isEmpty, "markup the page does not write: \(unexpected.prefix(12))")
    // Everything is still there, escaped: in text, in attributes and inside the SVG charts.
    #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;小学&#x202E;&#x202C; 课后服务走班课表</h1>"))
    // Each name's U+202E ends with the name, not with the line it is part of.
    #expect(html.contains("&#39;T1&#39;&#x202E;&#x202C; · 5 人 / 容量 5</summary>"), "roster line")
    #expect(html.contains("&#39;T1&#39;&#x202E;&#x202C; · 5人</small>"), "timetable cell")
    #expect(html.contains("&amp;amp; &#39;term&#39; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("<td>&amp;amp;</td>"), "a student called &amp;")
    #expect(html.contains("王&quot;小&quot;明, 二 行&#x202E;cba&#x202C;"), "line break a space, U+202E closed at the end")
    #expect(html.contains("<td>S09&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"), "a hostile student id")
    #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;绘画（ART）：100.0%（5/5人）</title>"))
    #expect(html.contains("<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;（FB）：66.7%（8/12人）</title>"))
    #expect(html.contains("围&#x202E;棋&amp;amp;&#x202C;"))
    #expect(!html.unicodeScalars.contains("\u{202E}"), "no raw bidi override")
    #expect(!html.contains("\u{000A}行"), "no line break inside a name")
  }

  // MARK: Privacy, self-containment, determinism

  @Test func noPriorityCategoryAppears() throws {
    for name in ["tiny", "yangguang-primary"] {
      let school = try Self.school(name)
      let categories = Set(school.students.map(\.priority).filter { !$0.isEmpty }).sorted()
      #expect(!categories.isEmpty)
      let (html, _) = try Self.page(school)
      for category in categories { #expect(!html.contains(category), "\(category) in \(name)'s report.html") }
      #expect(html.contains("优先保障学生"), "priority students are counted")
    }
  }

  @Test func thePageLoadsNothing() throws {
    for name in ["tiny", "yangguang-primary"] {
      let (html, _) = try Self.page(Self.school(name))
      let lower = html.lowercased()
      for needle in [
        "http://", "https://", "<script", "src=", "url(", "@import", "<link", "<iframe", "<object", "xlink",
      ] {
        #expect(!lower.contains(needle), "\(needle) in \(name)'s page")
      }
      #expect(Self.count("<svg ", in: html) == 4)
      #expect(Self.count("<title>", in: html) > 4, "every chart has a title")
    }
  }

  @Test func theSameSchoolGivesTheSameBytes() throws {
    let school = try Self.school("yangguang-primary")
    let (first, _) = try Self.page(school, solveSeconds: 0.5)
    let (second, _) = try Self.page(school, solveSeconds: 42)
    #expect(first == second)
    let hostile = try Self.hostileTiny()
    #expect(try Self.page(hostile).html == Self.page(hostile).html)
  }

  // MARK: Edge cases

  /// No value that is not a number may reach the page.
  static func hasNonNumbers(_ html: String) -> Bool {
    html.range(of: "(?i)(^|[^a-z])(nan|inf|infinity)([^a-z]|$)", options: .regularExpression) != nil
  }

  @Test func noClubOpenedRendersWithoutDividingByZero() throws {
    let html = Self.emptyPage(try Self.school("tiny"))
    #expect(!Self.hasNonNumbers(html), "nan or inf in the page")
    #expect(html.contains("没有开设任何教学班"))
    #expect(html.contains("没有得到课表"))
    #expect(Self.count("<svg ", in: html) == 4)
    #expect(Self.count("未开班 · ", in: html) == 3, "every club marked as not opened in the chart")
    #expect(!html.contains("<details class=\"roster\""))
    // A school with nothing at all.
    let nothing = School(week: Week(days: [], periods: []), courses: [], rooms: [], teachers: [], students: [])
    let empty = Self.emptyPage(nothing, status: "optimal")
    #expect(!Self.hasNonNumbers(empty))
    #expect(empty.contains("没有课程") && empty.contains("没有时段"))
  }

  @Test func chartsGrowWithTwoHundredClubsAndCutLongNames() throws {
    var school = try Self.school("tiny")
    let long = "非常非常长的名字的兴趣小组课程（高年级提高班）"
    school.courses = (1...200).map { i in
      Course(
        code: "C\(i)", name: "第\(i)个\(long)", grades: GradeSet([1, 2, 3, 4]), maxSize: 10, minSize: 3, slots: [],
        roomType: "教室", teachers: ["T1"])
    }
    school.students = []
    let html = Self.emptyPage(school, status: "optimal")
    #expect(Self.count("<g class=\"row\">", in: html) == 200)
    #expect(html.contains("<title>第200个\(long)（C200）：未开班，"), "the full name in the row's title")
    let row = try #require(Self.slice(html, from: "<title>第200个", to: "</text>"))
    let label = try #require(row.components(separatedBy: "</title>").last)
    #expect(!label.contains(long))
    #expect(label.contains(">第200个非常非常长的名字"), "\(label)")
    #expect(label.hasSuffix("…</text>"), "the label is cut: \(label)")
    #expect(!Self.hasNonNumbers(html))
    // One club.
    school.courses = Array(school.courses.prefix(1))
    #expect(Self.count("<g class=\"row\">", in: Self.emptyPage(school)) == 1)
  }
}

/// The tags of an HTML page with their attributes, read as an HTML tokenizer reads them: a tag
/// starts at `<` followed by a letter, `/` or `!`; attribute values are quoted or run to a space.
/// A name that escaped its escaping shows up here as a tag or attribute of its own.
enum Markup {
  struct Tag {
    let name: String
    let attributes: [(String, String)]
  }

  static func tags(_ html: String) -> [Tag] {
    let chars = Array(html.unicodeScalars)
    var tags: [Tag] = []
    var i = 0
    func isNameChar(_ c: Unicode.Scalar) -> Bool { !c.properties.isWhitespace && c != ">" && c != "/" && c != "=" }
    while i < chars.count {
      guard chars[i] == "<", i + 1 < chars.count,
        chars[i + 1].properties.isAlphabetic || chars[i + 1] == "/" || chars[i + 1] == "!"
      else {
        i += 1
        continue
      }
      i += 1
      if chars[i] == "/" { i += 1 }
      var name = ""
      while i < chars.count, isNameChar(chars[i]) {
        name.unicodeScalars.append(chars[i])
        i += 1
      }
      var attributes: [(String, String)] = []
      while i < chars.count, chars[i] != ">" {
        if chars[i].properties.isWhitespace || chars[i] == "/" {
          i += 1
          continue
        }
        var attribute = ""
        while i < chars.count, isNameChar(chars[i]) {
          attribute.unicodeScalars.append(chars[i])
          i += 1
        }
        var value = ""
        if i < chars.count, chars[i] == "=" {
          i += 1
          if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
            let quote = chars[i]
            i += 1
            while i < chars.count, chars[i] != quote {
              value.unicodeScalars.append(chars[i])
              i += 1
            }
            i += 1
          } else {
            while i < chars.count, !chars[i].properties.isWhitespace, chars[i] != ">" {
              value.unicodeScalars.append(chars[i])
              i += 1
            }
          }
        }
        if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
      }
      tags.append(Tag(name: name.lowercased(), attributes: attributes))
      i += 1
    }
    return tags
  }
}
