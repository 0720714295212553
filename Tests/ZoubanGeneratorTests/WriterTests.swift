import Foundation
import Testing
import ZoubanGenerator
import ZoubanInput
import ZoubanModel

@Suite struct WriterTests {
  let school = SchoolGenerator(students: 120, clubs: 10, days: 5, periods: 2, seed: 11, fixedRows: 4).generate()

  @Test func writesTheSpecFilesInOrder() {
    #expect(SchoolWriter.files(school).map(\.name) == ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"])
    var none = school
    none.fixed = []
    #expect(!SchoolWriter.files(none).map(\.name).contains("fixed.csv"))
  }

  @Test func headersAreSpecColumns() throws {
    let files = Dictionary(uniqueKeysWithValues: SchoolWriter.files(school).map { ($0.name, $0.text) })
    let firstLine = { (name: String) in String(files[name]!.split(separator: "\n")[0]) }
    #expect(firstLine("courses.csv") == "code,name,category,grades,max_size,min_size,max_sections,slots,room_type,teachers,fee,provider")
    #expect(firstLine("rooms.csv") == "id,name,type,capacity,unavailable")
    #expect(firstLine("teachers.csv") == "id,name,max_sections,unavailable,rate")
    #expect(firstLine("students.csv").hasPrefix("id,name,grade,class,electives,priority,accept_any,fee_waiver,unavailable,choice1,choice2,choice3"))
    #expect(firstLine("fixed.csv") == "student,course,slot")
    #expect(files["school.toml"]!.contains("[week]\ndays = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"]\n"))
  }

  @Test func quotesCellsThatNeedIt() throws {
    var odd = school
    odd.rooms[0] = Room(id: odd.rooms[0].id, name: "体育馆（东区, \"篮球场\"）", type: odd.rooms[0].type, capacity: odd.rooms[0].capacity)
    odd.name = "a \"quoted\" \\ name"
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SchoolWriter.write(odd, to: directory)
    let text = try String(contentsOfFile: directory + "/rooms.csv", encoding: .utf8)
    #expect(text.contains("\"体育馆（东区, \"\"篮球场\"\"）\""))
    #expect(SchoolLoader.load(directory: directory).school == odd)
  }

  @Test func refusesADirectoryWithOtherFiles() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
    #expect {
      try SchoolWriter.write(school, to: directory)
    } throws: { error in
      (error as? SchoolWriter.Failure)?.isForeignDirectory == true
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["notes.txt"])
  }

  @Test func rewritesItsOwnDirectoryAndDropsAStaleFixedFile() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SchoolWriter.write(school, to: directory)
    #expect(FileManager.default.fileExists(atPath: directory + "/fixed.csv"))
    var none = school
    none.fixed = []
    try SchoolWriter.write(none, to: directory)
    #expect(!FileManager.default.fileExists(atPath: directory + "/fixed.csv"))
    #expect(SchoolLoader.load(directory: directory).school == none)
  }
}
