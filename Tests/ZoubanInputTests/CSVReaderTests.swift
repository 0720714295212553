import Testing

@testable import ZoubanInput

@Suite struct CSVReaderTests {
  func records(_ text: String) -> [CSVRecord] { CSVReader.parse(text).records }

  @Test func plainRecordsKeepTheirLines() {
    #expect(records("a,b\n1,2\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
  }

  @Test func quotedFieldsHoldCommasQuotesAndNewlines() {
    let text = "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,1\n"
    #expect(
      records(text) == [
        CSVRecord(line: 1, fields: ["a", "b"]),
        CSVRecord(line: 2, fields: ["x,y", "say \"hi\""]),
        CSVRecord(line: 3, fields: ["two\nlines", "z"]),
        CSVRecord(line: 5, fields: ["last", "1"]),
      ])
  }

  @Test func crlfAndLoneCREndLines() {
    #expect(records("a,b\r\n1,2\r\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
    #expect(records("a\r1\r") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["1"])])
  }

  @Test func crlfInsideQuotesBecomesNewlineAndCountsOneLine() {
    #expect(records("\"a\r\nb\",c\r\nd,e\r\n") == [CSVRecord(line: 1, fields: ["a\nb", "c"]), CSVRecord(line: 3, fields: ["d", "e"])])
  }

  @Test func blankAndAllEmptyRowsAreSkippedButCounted() {
    #expect(records("a,b\n\n,,\n  , \n1,2") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 5, fields: ["1", "2"])])
  }

  @Test func lastRecordWithoutNewline() {
    #expect(records("a\n1") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["1"])])
  }

  @Test func emptyTrailingFieldIsKept() {
    #expect(records("a,b,\n") == [CSVRecord(line: 1, fields: ["a", "b", ""])])
  }

  @Test func quoteInsideUnquotedFieldIsText() {
    #expect(records("5\"3,x\n") == [CSVRecord(line: 1, fields: ["5\"3", "x"])])
  }

  @Test func textAfterClosingQuoteIsAppended() {
    #expect(records("\"ab\"cd,x\n") == [CSVRecord(line: 1, fields: ["abcd", "x"])])
  }

  @Test func unclosedQuoteIsReportedWhereItOpened() {
    let document = CSVReader.parse("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
    #expect(document.records == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
    #expect(document.unclosedQuoteLine == 3)
  }

  @Test func trimmingIncludesIdeographicSpace() {
    #expect("\u{3000} 足球 \t".trimmingWhitespace == "足球")
    #expect("   ".trimmingWhitespace == "")
  }
}

@Suite struct TextDecodingTests {
  @Test func utf8WithAndWithoutBOM() {
    #expect(TextDecoding.decode(Array("足球".utf8)) == "足球")
    #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("id,足球".utf8)) == "id,足球")
  }

  @Test func gb18030IsTheFallback() {
    // 足球 in GB18030 (GBK range): D7 E3 C7 F2; 𠀀 (U+20000) needs the four-byte form 95 32 82 36.
    #expect(TextDecoding.decode([0xD7, 0xE3, 0xC7, 0xF2, 0x2C, 0x95, 0x32, 0x82, 0x36]) == "足球,\u{20000}")
  }

  @Test func gb18030BOMIsDropped() {
    #expect(TextDecoding.decode([0x84, 0x31, 0x95, 0x33, 0x61]) == "a")
  }

  @Test func bytesThatAreNeitherFail() {
    #expect(TextDecoding.decode([0x61, 0xFF, 0xFE, 0x80]) == nil)
    #expect(TextDecoding.decode([0x61, 0xD7]) == nil)
  }

  @Test func emptyFileIsEmptyText() {
    #expect(TextDecoding.decode([]) == "")
  }
}
