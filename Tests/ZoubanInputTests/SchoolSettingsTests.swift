import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct SchoolSettingsTests {
  let week = """
    [week]
    days = ["周一", "星期三", "Fri"]
    periods = [{ start = "16:00", end = "16:40" }]

    """

  func parse(_ text: String) -> (SchoolSettings, [String]) {
    let log = DiagnosticLog()
    let settings = SchoolSettingsReader.parse(text: text, file: "school.toml", log: log)
    return (settings, log.diagnostics.map(\.description))
  }

  @Test func defaultsWhenOnlyTheWeekIsGiven() {
    let (settings, messages) = parse(week)
    #expect(messages.isEmpty)
    #expect(settings.week == Week(days: [.mon, .wed, .fri], periods: [Period(start: "16:00", end: "16:40")]))
    #expect(settings.name == "" && settings.term == "")
    #expect(settings.minSize == 15 && settings.electivesPerStudent == 2)
    #expect(settings.objective == ObjectiveWeights())
    #expect(settings.tiers.tiers.isEmpty && settings.tiers.complete)
  }

  @Test func everyKeyIsRead() {
    let (settings, messages) = parse(
      """
      name = "阳光小学"
      term = "2026 秋季学期"
      \(week)
      [tiers]
      "高段" = "5-6"
      "低段" = "1-2"
      "全校" = "低段;3-4;高段"

      [rules]
      min_size = 12
      electives_per_student = 0
      teacher_pay_budget = 8000

      [objective]
      rank_utility = [10, 5]
      any_utility = 0
      unplaced_penalty = 7
      priority_multiplier = 3
      """)
    #expect(messages.isEmpty)
    #expect(settings.name == "阳光小学" && settings.term == "2026 秋季学期")
    #expect(settings.tiers.tiers.map(\.name) == ["高段", "低段", "全校"])
    #expect(settings.tiers.tiers[2].grades == GradeSet(1...6))
    #expect(settings.minSize == 12 && settings.electivesPerStudent == 0 && settings.teacherPayBudget == 8000)
    #expect(settings.objective == ObjectiveWeights(rankUtility: [10, 5], anyUtility: 0, unplacedPenalty: 7, priorityMultiplier: 3))
  }

  @Test func syntaxErrorIsLocatedByTOMLKit() {
    let (settings, messages) = parse("name = \"x\"\n[week]\ndays = [\"Mon\",\n")
    #expect(messages == ["school.toml:3: error: invalid TOML in array: encountered end-of-file"])
    #expect(settings.week == nil && settings.minSize == nil && !settings.tiers.complete)
  }

  @Test func syntaxMessageWithoutTheUsualPrefix() {
    #expect(SchoolSettingsReader.syntaxMessage("Something odd") == "invalid TOML: something odd")
  }

  @Test func missingWeek() {
    #expect(
      parse("name = \"x\"\n").1 == [
        "school.toml: error: [week] is missing (hint: add a [week] table with days = [\"Mon\", \"Tue\"] and periods = [{ start = \"16:00\", end = \"16:40\" }])"
      ])
  }

  @Test func weekErrorsAreLocated() {
    let (settings, messages) = parse(
      """
      week = 3
      """)
    #expect(messages == ["school.toml:1: error: week must be a table, not an integer (hint: write it as [week])"])
    #expect(settings.week == nil)
    #expect(
      parse("[week]\nperiods = [{ start = \"16:00\", end = \"16:40\" }]\n").1 == [
        "school.toml:1: error: [week] has no days (hint: add days = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"])"
      ])
    #expect(
      parse("[week]\ndays = [\"Mon\"]\n").1 == [
        "school.toml:1: error: [week] has no periods (hint: add periods = [{ start = \"16:00\", end = \"16:40\" }])"
      ])
  }

  @Test func badDays() {
    let (_, messages) = parse(
      """
      [week]
      days = ["Mon", "Moon", 3, "周一"]
      periods = [{ start = "16:00", end = "16:40" }]
      """)
    #expect(
      messages == [
        "school.toml:2: error: days: \"Moon\" is not a day name (hint: use Mon … Sun, 周一 … 周日 or 星期一 … 星期日)",
        "school.toml:2: error: days: 3 is not a day name (hint: use Mon … Sun, 周一 … 周日 or 星期一 … 星期日)",
        "school.toml:2: error: days lists Mon twice",
      ])
    #expect(parse("[week]\ndays = []\nperiods = [{ start = \"16:00\", end = \"16:40\" }]\n").1 == [
      "school.toml:2: error: days is empty (hint: list at least one day)"
    ])
    #expect(parse("[week]\ndays = \"Mon\"\nperiods = [{ start = \"16:00\", end = \"16:40\" }]\n").1 == [
      "school.toml:2: error: days must be a list of day names, not a string"
    ])
  }

  @Test func badPeriodsPointAtTheirOwnLine() {
    let (settings, messages) = parse(
      """
      [week]
      days = ["Mon"]
      periods = [
        { start = "16:00", end = "16:40" },
        { start = "16:30", end = "17:10" },
        { start = "4pm", end = "17:60" },
        { start = "18:00", end = "17:50" },
        { start = "18:00" },
      ]
      """)
    #expect(
      messages == [
        "school.toml:5: error: period 2 starts at 16:30, before period 1 ends at 16:40",
        "school.toml:6: error: period 3 start \"4pm\" is not a time like 16:00",
        "school.toml:6: error: period 3 end \"17:60\" is not a time like 16:40",
        "school.toml:7: error: period 4 ends at 17:50, not after its start 18:00",
        "school.toml:8: error: period 5 must have a start and an end (hint: write { start = \"16:00\", end = \"16:40\" })",
      ])
    #expect(settings.week == nil)
    #expect(parse("[week]\ndays = [\"Mon\"]\nperiods = []\n").1 == ["school.toml:3: error: periods is empty (hint: list at least one period)"])
    #expect(parse("[week]\ndays = [\"Mon\"]\nperiods = 2\n").1 == [
      "school.toml:3: error: periods must be a list like [{ start = \"16:00\", end = \"16:40\" }], not an integer"
    ])
  }

  @Test func times() {
    #expect(WeekReader.minutes("16:40") == 1000)
    #expect(WeekReader.minutes("8:05") == 485)
    #expect(WeekReader.minutes("24:00") == nil)
    #expect(WeekReader.minutes("16:4") == nil)
    #expect(WeekReader.minutes("１6:40") == nil)
  }

  @Test func rulesAreCheckedAtTheirLines() {
    let (settings, messages) = parse(
      week + """

        [rules]
        min_size = 0
        electives_per_student = "two"
        """)
    #expect(
      messages == [
        "school.toml:6: error: min_size 0 must be at least 1",
        "school.toml:7: error: electives_per_student must be a whole number, not a string",
      ])
    #expect(settings.minSize == nil && settings.electivesPerStudent == nil)
    #expect(parse(week + "[rules]\nelectives_per_student = -1\n").1 == ["school.toml:5: error: electives_per_student -1 must be at least 0"])
    #expect(parse(week + "[rules]\nteacher_pay_budget = -5\n").1 == ["school.toml:5: error: teacher_pay_budget -5 must be at least 0"])
    #expect(parse("rules = 1\n" + week).1 == ["school.toml:1: error: rules must be a table, not an integer (hint: write it as [rules])"])
  }

  @Test func dottedKeysAreLocatedToo() {
    #expect(parse("rules.min_size = 0\n" + week).1 == ["school.toml:1: error: min_size 0 must be at least 1"])
  }

  @Test func objectiveValuesMustBeNonNegativeIntegers() {
    let (_, messages) = parse(
      week + """
        [objective]
        rank_utility = [100, -5]
        any_utility = 1.5
        unplaced_penalty = -1
        priority_multiplier = "2"
        """)
    #expect(
      messages == [
        "school.toml:5: error: rank_utility must be a list of non-negative whole numbers (hint: e.g. rank_utility = [100, 70, 50, 35, 25])",
        "school.toml:6: error: any_utility must be a whole number, not a floating-point number",
        "school.toml:7: error: unplaced_penalty -1 must be at least 0",
        "school.toml:8: error: priority_multiplier must be a whole number, not a string",
      ])
  }

  @Test func tierErrors() {
    let (settings, messages) = parse(
      week + """
        [tiers]
        "低段" = "1-13"
        "中段" = 3
        "高段" = "低段;5"
        """)
    #expect(
      messages == [
        "school.toml:5: error: range 1-13 in tier 低段 has a grade outside 1 to 12",
        "school.toml:6: error: tier 中段 must be a grade set in quotes (hint: write \"中段\" = \"1-2\")",
      ])
    // 高段 names the broken 低段, so its grades are unknown too, without a second error.
    #expect(settings.tiers.brokenNames == ["低段", "中段", "高段"])
    #expect(settings.tiers.tiers.isEmpty)
    #expect(parse("tiers = 1\n" + week).1 == [
      "school.toml:1: error: [tiers] must be a table of names and grade sets (hint: write \"低段\" = \"1-2\")"
    ])
  }

  @Test func nameMustBeAString() {
    #expect(parse("name = 3\n" + week).1 == ["school.toml:1: error: name must be a string, not an integer"])
  }

  @Test func unknownKeysAndTablesAreWarnings() {
    let (_, messages) = parse(
      "zeta = 1\nalpha = 2\n" + week + "colour = \"red\"\n[rules]\nmax_size = 3\n[extra]\nx = 1\n")
    #expect(
      messages == [
        "school.toml:1: warning: unknown key zeta is ignored (hint: known here: name, term, week, tiers, rules, objective)",
        "school.toml:2: warning: unknown key alpha is ignored (hint: known here: name, term, week, tiers, rules, objective)",
        "school.toml:9: warning: unknown table [extra] is ignored (hint: known here: name, term, week, tiers, rules, objective)",
        "school.toml:6: warning: unknown key week.colour is ignored (hint: known here: days, periods)",
        "school.toml:8: warning: unknown key rules.max_size is ignored (hint: known here: min_size, electives_per_student, teacher_pay_budget)",
      ])
  }
}
