import Testing
import ZoubanGenerator
import ZoubanModel

/// What a generated school must look like for a benchmark on it to mean something.
@Suite struct GeneratorTests {
  static let medium = SchoolGenerator(students: 1500, clubs: 40, days: 5, periods: 2, seed: 42, fixedRows: 40).generate()

  @Test func sameSeedSameSchoolAndBytes() {
    let again = SchoolGenerator(students: 1500, clubs: 40, days: 5, periods: 2, seed: 42, fixedRows: 40).generate()
    #expect(again == Self.medium)
    #expect(SchoolWriter.files(again).map(\.text) == SchoolWriter.files(Self.medium).map(\.text))
    let other = SchoolGenerator(students: 1500, clubs: 40, days: 5, periods: 2, seed: 43, fixedRows: 40).generate()
    #expect(other != Self.medium)
  }

  @Test func sizeAsAsked() {
    let s = Self.medium
    #expect(s.students.count == 1500)
    #expect(s.courses.count == 40)
    #expect(s.week.slots.count == 10)
    #expect(Set(s.students.map(\.id)).count == 1500)
    #expect(Set(s.courses.map(\.name)).count == 40)
  }

  @Test func moreClubsThanTheMenuGetNumberedNames() {
    let s = SchoolGenerator(students: 200, clubs: 80, days: 5, periods: 2, seed: 1, level: .middle).generate()
    #expect(Set(s.courses.map(\.name)).count == 80)
    #expect(s.courses.contains { $0.name == "篮球社2" })
  }

  @Test func studentsLookLikeApplications() {
    let students = Self.medium.students
    let share = { (p: (Student) -> Bool) in Double(students.filter(p).count) / Double(students.count) }
    #expect((0.07...0.13).contains(share(\.isPriority)))
    #expect((0.35...0.45).contains(share(\.acceptAny)))
    #expect((0.02...0.12).contains(share { !$0.unavailable.isEmpty }))
    #expect(students.allSatisfy { $0.unavailable.isEmpty || $0.unavailable.allSatisfy { $0.day == .fri } })
    #expect(students.allSatisfy { (1...2).contains($0.electives) })
    #expect(students.contains { $0.electives == 1 })
    #expect(students.allSatisfy { (3...5).contains($0.choices.count) && Set($0.choices).count == $0.choices.count })
    for s in students {
      #expect(s.choices.allSatisfy { Self.medium.course($0)!.grades.contains(s.grade) })
    }
  }

  @Test func popularityIsSkewed() {
    let s = Self.medium
    var first: [String: Int] = [:]
    var any: [String: Int] = [:]
    for student in s.students {
      first[student.choices[0], default: 0] += 1
      for c in student.choices { any[c, default: 0] += 1 }
    }
    let oversubscribed = s.courses.filter { (first[$0.code] ?? 0) > $0.maxSections * $0.maxSize }
    let underMinimum = s.courses.filter { (any[$0.code] ?? 0) < $0.minSize }
    #expect(!oversubscribed.isEmpty)
    #expect(!underMinimum.isEmpty && underMinimum.count <= 6)
    #expect(s.courses.contains { $0.maxSections >= 2 })
  }

  @Test func catalogIsConsistent() {
    let s = Self.medium
    #expect(s.courses.allSatisfy { s.cannotOpenReason($0) == nil })
    #expect(s.courses.allSatisfy { (1...3).contains($0.teachers.count) })
    #expect(s.courses.allSatisfy { !($0.provider == .external && $0.isAcademic) })
    #expect(Set(s.rooms.map(\.type)) == ["教室", "体育馆", "操场", "音乐室", "美术室", "机房", "实验室"])
    #expect(s.teachers.contains { $0.unavailable == Set(s.week.slots.filter { $0.day == .fri }) })
    #expect(s.teachers.contains { $0.maxSections != nil })
  }

  /// Room seats over the week against the electives asked (SPEC: one section per room and slot).
  @Test(arguments: [(1500, 40), (4000, 80), (10000, 120)])
  func roomCapacityFitsTheDemand(students: Int, clubs: Int) {
    let s = SchoolGenerator(students: students, clubs: clubs, days: 5, periods: 2, seed: 7).generate()
    let seats = s.rooms.reduce(0) { $0 + $1.capacity * s.week.slots.filter($1.isAvailable).count }
    let asked = s.students.reduce(0) { $0 + $1.electives }
    #expect((1.1...1.3).contains(Double(seats) / Double(asked)))
  }

  @Test func fixedRowsAreValidAndPlaceable() {
    let s = Self.medium
    #expect(s.fixed.count == 40)
    var perStudent: [String: Int] = [:]
    for (i, f) in s.fixed.enumerated() {
      #expect(f.line == i + 2)
      let student = s.students.first { $0.id == f.student }!
      let course = s.course(f.course)!
      perStudent[f.student, default: 0] += 1
      #expect(course.grades.contains(student.grade))
      if let slot = f.slot {
        #expect(course.slots.contains(slot))
        #expect(student.isAvailable(in: slot))
      }
    }
    #expect(s.fixed.contains { $0.slot != nil } && s.fixed.contains { $0.slot == nil })
    #expect(perStudent.allSatisfy { id, n in n <= s.students.first { $0.id == id }!.electives })
  }
}
