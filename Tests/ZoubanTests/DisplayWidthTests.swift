import Testing

@testable import ZoubanReports

@Suite struct DisplayWidthTests {
  @Test func chineseTakesTwoColumnsAndMarksNone() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("绘画") == 4)
    #expect(DisplayWidth.of("硬笔书法（初级）") == 16, "full-width brackets are wide too")
    #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent adds nothing")
    #expect(DisplayWidth.of("\u{202E}ab") == 2, "a right-to-left override is invisible")
    #expect(DisplayWidth.of("ＡＢ") == 4)
  }

  @Test func paddingLinesUpMixedText() {
    let padded = ["绘画", "Go", "围棋（初级）"].map { DisplayWidth.pad($0, to: 12) }
    #expect(padded.map(DisplayWidth.of) == [12, 12, 12])
    #expect(DisplayWidth.pad("12", to: 5, right: true) == "   12")
    #expect(DisplayWidth.pad("很长的名字", to: 4) == "很长的名字", "never cut")
  }

  @Test func naturalOrderReadsNumbersAsNumbers() {
    #expect(["3-10", "3-2", "10-1", "", "3-1", "a"].sorted(by: naturalOrder) == ["", "3-1", "3-2", "3-10", "10-1", "a"])
  }
}
