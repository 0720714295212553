import ArgumentParser
import ZoubanGenerator

extension ZoubanCommand {
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a realistic made-up school (same seed, same files) for demos, load tests and benchmarks.")

    @Option(name: .long, help: "Students who applied.")
    var students: Int

    @Option(name: .long, help: "Clubs in the catalog.")
    var clubs: Int

    @Option(name: .long, help: "School days a week, from Monday (1-7).")
    var days: Int = 5

    @Option(name: .long, help: "After-school periods a day (1-6).")
    var periods: Int = 2

    @Option(name: .long, help: "Seed of the generator: the same seed writes the same school.")
    var seed: UInt64

    @Option(name: .long, help: "Rows of fixed.csv to make (placements decided beforehand).")
    var fixed: Int = 0

    @Option(name: .long, help: "primary (grades 1-6) or middle (7-9); by default the seed decides.")
    var level: SchoolLevel?

    @Option(name: .long, help: "Each club's sections seat at least this share of the students who rank it (1.0: sized to demand).")
    var cover: Double = 0.7

    @Option(name: .long, help: "Added to --cover at random per club, up to this much.")
    var coverSpread: Double = 0.4

    @Option(name: .long, help: "Share of students who accept any club (服从调剂), 0-1.")
    var acceptAny: Double = 0.4

    @Option(name: .long, help: "Electives every student asks for (by default up to 2, and some ask for 1).")
    var electives: Int?

    @Option(name: .long, help: "Directory to write the school into (created; only a school's own files may be in it).")
    var out: String

    func validate() throws {
      guard students >= 0 else { throw ValidationError("--students must be zero or more") }
      guard clubs >= 1 else { throw ValidationError("--clubs must be at least 1") }
      guard SchoolGenerator.dayRange.contains(days) else { throw ValidationError("--days must be from 1 to 7") }
      guard SchoolGenerator.periodRange.contains(periods) else { throw ValidationError("--periods must be from 1 to 6") }
      guard fixed >= 0 else { throw ValidationError("--fixed must be zero or more") }
      guard (0.1...5).contains(cover), (0...5).contains(coverSpread) else {
        throw ValidationError("--cover must be from 0.1 to 5 and --cover-spread from 0 to 5")
      }
      guard (0...1).contains(acceptAny) else { throw ValidationError("--accept-any must be from 0 to 1") }
      if let electives, !(1...10).contains(electives) { throw ValidationError("--electives must be from 1 to 10") }
    }

    func run() throws {
      var generator = SchoolGenerator(
        students: students, clubs: clubs, days: days, periods: periods, seed: seed, fixedRows: fixed, level: level)
      generator.shape = .init(cover: cover, coverSpread: coverSpread, acceptAny: acceptAny, electives: electives)
      let school = generator.generate()
      do {
        try SchoolWriter.write(school, to: out)
      } catch {
        printError("zouban: \(error.description); nothing written")
        throw error.isForeignDirectory ? Exit.usage : Exit.internalError
      }
      let fixedNote = school.fixed.count < fixed ? " (fewer than asked: no safe room for more)" : ""
      print(
        "\(out): \(school.name), \(school.students.count) students, \(school.courses.count) clubs, "
          + "\(school.rooms.count) rooms, \(school.teachers.count) teachers, \(school.week.slots.count) slots, "
          + "\(school.fixed.count) fixed rows\(fixedNote)")
    }
  }
}

extension SchoolLevel: ExpressibleByArgument {}
