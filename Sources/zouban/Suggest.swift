import ArgumentParser
import Foundation
import GLPKSolver
import Zouban
import ZoubanReports

extension ZoubanCommand {
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the single changes that would help most (a section, a room, a teacher's slot, a club's size), each confirmed by a solve.")

    @Argument(help: "The school directory.")
    var school: String

    @Option(name: .long, help: "Directory to write suggest.csv into (each row holds its change as a scenario).")
    var out: String?

    @Option(name: .long, help: "Most candidate changes to solve.")
    var candidates = 30

    @Option(name: .long, help: "Suggestions to show.")
    var top = 10

    @OptionGroup var batch: BatchOptions

    func validate() throws {
      guard candidates > 0, top > 0 else { throw ValidationError("--candidates and --top must be at least 1") }
    }

    func run() throws {
      Interrupts.install()
      let base = try loadSchool(school, action: "nothing suggested")
      if let out { try checkOut(out) }
      let options = SolveOptions(timeLimit: batch.timeLimit)
      let suggestions: [Suggestions.Suggestion]
      do {
        let baseline = try WhatIf.solveAll([("现状", base)], options: options, jobs: 1)[0]
        let list = Suggestions.candidates(base, baseline: baseline.column.analysis, limit: candidates)
        suggestions = try Suggestions.evaluate(list, directory: school, baseline: baseline, options: options, jobs: batch.jobs)
        print("现状：目标值 \(baseline.outcome.objective.map(String.init) ?? "-")（\(baseline.outcome.status.rawValue)），试算 \(list.count) 项改动")
      } catch {
        printError("zouban: internal error: \(error); nothing written")
        throw Exit.internalError
      }
      let table = Self.table(suggestions)
      for row in table.rows.prefix(top) {
        print("\(row[0]). \(row[1])  目标值 \(row[3].hasPrefix("-") ? row[3] : "+" + row[3])，多录取 \(row[4]) 门次，\(row[5]) 名学生更满意（\(row[6])）")
      }
      if suggestions.allSatisfy({ $0.gain <= 0 }) { print("没有哪一项单独的改动能提高目标值。") }
      if let out {
        try writeOut([OutputFile("suggest.csv", text: table.csv)], to: out)
        print("已写入   \(out)/suggest.csv")
      }
    }

    /// `suggest.csv`: ranked, with each change as the scenario that applies it.
    static func table(_ suggestions: [Suggestions.Suggestion]) -> ReportTable {
      let columns = [
        ReportTable.Column("rank", "名次", numeric: true), ReportTable.Column("change", "改动"), ReportTable.Column("kind", "类别"),
        ReportTable.Column("gain", "目标值增加", numeric: true), ReportTable.Column("electives_placed_change", "录取门次变化", numeric: true),
        ReportTable.Column("students_better", "更满意的学生", numeric: true), ReportTable.Column("status", "求解状态"),
        ReportTable.Column("objective", "目标值", numeric: true), ReportTable.Column("scenario", "方案文件内容"),
      ]
      let rows = suggestions.enumerated().map { i, s in
        [
          String(i + 1), s.candidate.description, s.candidate.kind, String(s.gain),
          (s.placedChange > 0 ? "+" : "") + String(s.placedChange), String(s.studentsBetter), s.result.outcome.status.rawValue,
          s.result.outcome.objective.map(String.init) ?? "", s.candidate.toml,
        ]
      }
      return ReportTable(file: "suggest.csv", sheet: "改进建议", columns: columns, rows: rows)
    }
  }
}
