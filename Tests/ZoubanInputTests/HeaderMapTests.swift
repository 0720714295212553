import Testing
import ZoubanModel

@testable import ZoubanInput

@Suite struct HeaderMapTests {
  let columns = [ColumnSpec("id", ["学号"], required: true), ColumnSpec("grade", ["年级"], required: true), ColumnSpec("choices", ["志愿"])]

  func build(_ fields: [String], ranked: Bool = true) -> (HeaderMap, [String]) {
    var messages: [String] = []
    let map = HeaderMap.build(header: CSVRecord(line: 1, fields: fields), columns: columns, acceptsRankedChoices: ranked) {
      severity, message, hint in
      messages.append("\(severity.rawValue): \(message)" + (hint.map { " (hint: \($0))" } ?? ""))
    }
    return (map, messages)
  }

  @Test func namesMatchCaseInsensitivelyAfterTrimming() {
    let (map, messages) = build([" ID ", "Grade"])
    #expect(messages.isEmpty)
    #expect(map.index("id") == 0)
    #expect(map.index("grade") == 1)
    #expect(map.heading("id") == "ID")
  }

  @Test func chineseAliasesAreHeadingsInMessages() {
    let (map, messages) = build(["学号", "年级"])
    #expect(messages.isEmpty)
    #expect(map.heading("grade") == "年级")
    #expect(map.heading("choices") == "choices")
  }

  @Test func rankedChoiceColumnsAreOrderedByNumber() {
    let (map, messages) = build(["id", "grade", "choice10", "第二志愿", "志愿3", "第1志愿", "第十一志愿"])
    #expect(messages.isEmpty)
    #expect(map.rankedChoices.map(\.rank) == [1, 2, 3, 10, 11])
    #expect(map.rankedChoices.map(\.heading) == ["第1志愿", "第二志愿", "志愿3", "choice10", "第十一志愿"])
  }

  @Test func chineseNumbers() {
    #expect(ChoiceHeading.chineseNumber("一") == 1)
    #expect(ChoiceHeading.chineseNumber("十") == 10)
    #expect(ChoiceHeading.chineseNumber("十二") == 12)
    #expect(ChoiceHeading.chineseNumber("二十") == 20)
    #expect(ChoiceHeading.chineseNumber("二十三") == 23)
    #expect(ChoiceHeading.chineseNumber("百") == nil)
    #expect(ChoiceHeading.rank(of: "choice0") == nil)
  }

  @Test func rankedColumnsAreUnknownWhereNotAccepted() {
    let (_, messages) = build(["id", "grade", "choice1"], ranked: false)
    #expect(messages == ["warning: unknown column choice1 is ignored"])
  }

  @Test func unknownAndUnnamedColumnsAreWarnings() {
    let (_, messages) = build(["id", "grade", "备注", ""])
    #expect(messages == ["warning: unknown column 备注 is ignored", "warning: column 4 has no heading and is ignored"])
  }

  @Test func repeatedColumnIsAnError() {
    let (map, messages) = build(["id", "grade", "学号"])
    #expect(messages == ["error: column id appears twice (id and 学号) (hint: keep one of them)"])
    #expect(map.index("id") == 0)
  }

  @Test func repeatedChoiceRankIsAnError() {
    let (_, messages) = build(["id", "grade", "choice1", "第一志愿"])
    #expect(messages == ["error: choice 1 appears twice (choice1 and 第一志愿) (hint: keep one of them)"])
  }

  @Test func bothChoiceFormsIsAnError() {
    let (_, messages) = build(["id", "grade", "志愿", "choice1"])
    #expect(
      messages == [
        "error: columns 志愿 and choice1 both hold choices (hint: use either one column per choice (choice1, choice2, …) or a single 志愿 column)"
      ])
  }

  @Test func missingRequiredColumnIsAnError() {
    let (_, messages) = build(["学号"])
    #expect(messages == ["error: missing required column grade (hint: add a column headed grade (or 年级))"])
  }
}
