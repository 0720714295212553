import ArgumentParser
import Foundation
import GLPKSolver
import Zouban
import ZoubanInput
import ZoubanModel
import ZoubanReports

extension ZoubanCommand {
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve the school once per value of one numeric rule and show the outcome against it.",
      discussion: "Values: a range 10..15, a range with a step 100..400:100, or a list 10,12,15.")

    @Argument(help: "The school directory.")
    var school: String

    @Option(name: .customLong("min-size"), help: "Values of rules.min_size (courses with their own min_size keep it).")
    var minSize: ValueRange?

    @Option(name: .customLong("electives-per-student"), help: "Values of rules.electives_per_student.")
    var electives: ValueRange?

    @Option(name: .customLong("unplaced-penalty"), help: "Values of objective.unplaced_penalty.")
    var unplacedPenalty: ValueRange?

    @Option(name: .customLong("any-utility"), help: "Values of objective.any_utility.")
    var anyUtility: ValueRange?

    @Option(name: .customLong("priority-multiplier"), help: "Values of objective.priority_multiplier.")
    var priorityMultiplier: ValueRange?

    @Option(name: .customLong("teacher-pay-budget"), help: "Values of rules.teacher_pay_budget (yuan a week).")
    var teacherPayBudget: ValueRange?

    @Option(name: .long, help: "Directory to write sweep.csv and sweep.html into.")
    var out: String?

    @OptionGroup var batch: BatchOptions

    /// The one rule being swept and its values.
    var sweep: (rule: Scenario.Rule, values: [Int])? {
      let given: [(Scenario.Rule, ValueRange?)] = [
        (.minSize, minSize), (.electivesPerStudent, electives), (.unplacedPenalty, unplacedPenalty),
        (.anyUtility, anyUtility), (.priorityMultiplier, priorityMultiplier), (.teacherPayBudget, teacherPayBudget),
      ]
      let set = given.compactMap { rule, range in range.map { (rule, $0.values) } }
      return set.count == 1 ? set[0] : nil
    }

    func validate() throws {
      guard let sweep else {
        throw ValidationError("give exactly one rule to sweep: --min-size, --electives-per-student, --unplaced-penalty, --any-utility, --priority-multiplier or --teacher-pay-budget")
      }
      guard sweep.values.allSatisfy({ $0 >= sweep.rule.minimum }) else {
        throw ValidationError("--\(sweep.rule.rawValue) values must be at least \(sweep.rule.minimum)")
      }
    }

    func run() throws {
      guard let sweep else { throw Exit.usage }
      Interrupts.install()
      _ = try loadSchool(school, action: "nothing swept")
      var variants: [(name: String, school: School)] = []
      for value in sweep.values {
        let loaded = Pipeline.load(school, scenario: .setting(sweep.rule, to: value))
        guard let variant = loaded.school else {
          report(loaded.diagnostics.filter { $0.severity == .error })
          printError("\(school) with \(sweep.rule.rawValue) = \(value): \(loaded.diagnostics.errorCountLine); nothing swept")
          throw Exit.badInput
        }
        variants.append(("\(sweep.rule.rawValue) = \(value)", variant))
      }
      if let out { try checkOut(out) }
      let results: [WhatIf.Result]
      do {
        results = try WhatIf.solveAll(variants, options: SolveOptions(timeLimit: batch.timeLimit), jobs: batch.jobs)
      } catch {
        printError("zouban: internal error: \(error); nothing written")
        throw Exit.internalError
      }
      let report = ZoubanReports.Sweep(parameter: sweep.rule.rawValue, values: sweep.values, columns: results.map(\.column))
      print(report.terminalText(color: Terminal.stdoutIsColour), terminator: "")
      if let out {
        try writeOut([OutputFile("sweep.csv", text: report.table.csv), OutputFile("sweep.html", text: report.html)], to: out)
        print("已写入   \(out)/ (sweep.csv, sweep.html)")
      }
    }
  }
}

/// `10..15`, `100..400:100` or `10,12,15`: the values a sweep takes.
struct ValueRange: ExpressibleByArgument {
  let values: [Int]

  init?(argument: String) {
    if argument.contains("..") {
      let parts = argument.split(separator: ":", maxSplits: 1)
      let bounds = parts[0].components(separatedBy: "..")
      guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high else { return nil }
      let step = parts.count == 2 ? Int(parts[1]) : 1
      guard let step, step > 0, (high - low) / step < 100 else { return nil }
      values = Array(stride(from: low, through: high, by: step))
    } else {
      let items = argument.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard !items.isEmpty, items.allSatisfy({ $0 != nil }), items.count <= 100 else { return nil }
      values = items.compactMap { $0 }
    }
  }
}
