import Foundation
import TestSupport
import Testing

/// `report.html` as a browser sees it: headless Chromium parses the page `zouban solve` wrote,
/// renders it to a PNG and prints it to a PDF.
///
/// Chromium is required, not optional: without it these tests fail and say how to install it
/// (`scripts/setup.sh`), so a machine that cannot check the page never reports it as checked.
@Suite(.serialized) struct BrowserTests {
  static let school = "yangguang-primary"
  /// Seconds any one Chromium or poppler run may take before it is killed and the test fails.
  static let timeout: TimeInterval = 60

  // MARK: Tools

  /// An executable on `PATH`, or a failed test naming how to get it.
  static func tool(_ name: String, package: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    Issue.record("`\(name)` is not on PATH: run scripts/setup.sh (it installs the Debian package \(package))")
    throw Missing(name: name)
  }

  struct Missing: Error { let name: String }

  struct Output: CustomStringConvertible {
    let status: Int32
    let stdout: Data
    let stderr: String
    let timedOut: Bool
    var text: String { String(decoding: stdout, as: UTF8.self) }
    var description: String {
      "exit \(status)\(timedOut ? " (killed after the timeout)" : "")\n--- stderr\n\(stderr.suffix(2000))"
    }
  }

  /// Runs a program to its end, or kills it after `timeout` seconds. Output goes to files read
  /// once the program is gone, so neither a full pipe nor a slow reader can stall it.
  static func run(_ executable: URL, _ arguments: [String], in scratch: URL) throws -> Output {
    let id = UUID().uuidString
    let out = scratch.appendingPathComponent("stdout-\(id)")
    let err = scratch.appendingPathComponent("stderr-\(id)")
    try Data().write(to: out)
    try Data().write(to: err)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? outHandle.close()
      try? errHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    var timedOut = false
    if done.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      if done.wait(timeout: .now() + 5) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        done.wait()
      }
    }
    return Output(
      status: process.terminationStatus, stdout: try Data(contentsOf: out),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), timedOut: timedOut)
  }

  /// Headless Chromium on a file, with a profile of its own inside the scratch folder.
  static func chromium(_ options: [String], page: URL, in scratch: URL) throws -> Output {
    let browser = try tool("chromium", package: "chromium")
    let profile = scratch.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
    let arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=\(profile.path)",
      ] + options + [page.absoluteString]
    return try run(browser, arguments, in: scratch)
  }

  /// Solves the sample school into `<scratch>/out` and returns its `report.html`.
  static func solve(into scratch: URL) throws -> URL {
    let out = scratch.appendingPathComponent("out")
    let run = try CLI.solve(Fixtures.catalog(school), out: out)
    #expect(run.status == Exit.ok, "\(run)")
    let page = out.appendingPathComponent("report.html")
    #expect(FileManager.default.fileExists(atPath: page.path))
    return page
  }

  static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  // MARK: Tests

  @Test func chromiumParsesThePageWithEverySection() throws {
    try Scratch.with { scratch in
      let page = try Self.solve(into: scratch)
      let result = try Self.chromium(["--dump-dom"], page: page, in: scratch)
      #expect(result.status == 0 && !result.timedOut, "\(result)")
      let dom = result.text
      #expect(dom.contains("<html lang=\"zh-CN\">"), "\(dom.prefix(300))")
      for heading in ["概况", "图表", "周课表", "课程满额情况", "志愿满足", "未录取学生及原因", "经费与基础托管", "点名表"] {
        #expect(dom.contains("\">\(heading)</h2>"), "no heading \(heading) in the parsed page")
      }
      #expect(dom.contains("阳光小学 课后服务走班课表"))
      // The four charts survived parsing as SVG, each with its title.
      #expect(Self.count("<svg ", in: dom) == 4)
      for title in ["各课程满额率", "志愿录取分布", "优先保障学生与其他学生对比", "各时段走班与留班托管人数"] {
        #expect(dom.contains("<title>\(title)"), "chart \(title)")
      }
      #expect(!dom.lowercased().contains("<script"))
      // One roster table per section of sections.csv, each with its section's students.
      let out = page.deletingLastPathComponent()
      let sections = try CSVTable(contentsOf: out.appendingPathComponent("sections.csv"))
      #expect(sections.rows.count > 30)
      #expect(Self.count("<table class=\"roster\">", in: dom) == sections.rows.count)
      let enrolled = sections.column("enrolled").compactMap { Int($0) }.reduce(0, +)
      #expect(Self.count("<td class=\"attend\"></td>", in: dom) == enrolled)
      // The figures of the files: each club's fill rate, the first-choice rate of summary.json.
      let fill = try CSVTable(contentsOf: out.appendingPathComponent("fill.csv"))
      for club in fill.records where club["status"] == "open" {
        let rate = Double(club["enrolled"]!)! / Double(club["capacity"]!)!
        let text = String(format: "%.1f%%", rate * 100) + "（\(club["enrolled"]!)/\(club["capacity"]!)人）"
        #expect(dom.contains("<title>\(club["course_name"]!)（\(club["course"]!)）：\(text)</title>"), "\(club)")
      }
      let summary = try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
          as? [String: Any])
      let first = try #require(summary["first_choice"] as? Int)
      let ranked = try #require(summary["students_with_choices"] as? Int)
      let firstRate = String(format: "%.1f%%", Double(first) / Double(ranked) * 100)
      #expect(dom.contains("第一志愿满足率</div><div class=\"value\">\(firstRate)</div>"), "first choice \(firstRate)")
    }
  }

  @Test func chromiumTakesAScreenshot() throws {
    try Scratch.with { scratch in
      let page = try Self.solve(into: scratch)
      let png = scratch.appendingPathComponent("report.png")
      let result = try Self.chromium(
        ["--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=1280,4000"], page: page, in: scratch)
      #expect(result.status == 0 && !result.timedOut, "\(result)")
      let bytes = try Data(contentsOf: png)
      #expect(bytes.count > 50_000, "a page of text and charts: \(bytes.count) bytes")
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
      // IHDR: width and height, big-endian, at bytes 16–23.
      let size = [16, 20].map { o in bytes[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
      #expect(size == [1280, 4000], "\(size)")
    }
  }

  @Test func printingPutsEachRosterOnItsOwnPage() throws {
    try Scratch.with { scratch in
      let page = try Self.solve(into: scratch)
      let pdf = scratch.appendingPathComponent("report.pdf")
      let result = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: page, in: scratch)
      #expect(result.status == 0 && !result.timedOut, "\(result)")
      #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF".utf8)))
      let sections = try CSVTable(contentsOf: page.deletingLastPathComponent().appendingPathComponent("sections.csv"))
      let info = try Self.run(try Self.tool("pdfinfo", package: "poppler-utils"), [pdf.path], in: scratch)
      #expect(info.status == 0, "\(info)")
      let pagesLine = info.text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      let pages = try #require(
        pagesLine.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) })
      #expect(pages > sections.rows.count, "\(pages) pages for \(sections.rows.count) rosters and the report")
      // Page by page (pdftotext ends each page with a form feed): every roster starts a page of its own.
      let text = try Self.run(try Self.tool("pdftotext", package: "poppler-utils"), [pdf.path, "-"], in: scratch)
      #expect(text.status == 0, "\(text)")
      let summary = try #require(
        JSONSerialization.jsonObject(
          with: Data(contentsOf: page.deletingLastPathComponent().appendingPathComponent("summary.json")))
          as? [String: Any])
      let header = "\(summary["school"] as? String ?? "") · \(summary["term"] as? String ?? "") · 点名表"
      let pageTexts = text.text.components(separatedBy: "\u{0C}")
      let rosterStarts = pageTexts.filter { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(header) }
      #expect(rosterStarts.count == sections.rows.count)
      for (roster, row) in zip(rosterStarts, sections.records) {
        #expect(roster.contains(row["course_name"]!), "\(row["section"]!) on its page")
      }
      #expect(pageTexts[0].contains("概况"), "the report itself comes first")
    }
  }
}
