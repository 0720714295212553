import ZoubanModel

/// The CSV tables of SPEC §3, as header and rows of strings, in a fixed order.
public enum Tables {
  public static func assignments(_ a: Analysis) -> (header: [String], rows: [[String]]) {
    let header = [
      "student", "student_name", "grade", "class", "course", "course_name", "section", "slot", "room", "teacher", "rank",
    ]
    let rows = a.attendances.map { x in
      [
        x.student.id, x.student.name, String(x.student.grade), x.student.homeClass, x.course.code, x.course.name,
        x.section.id, x.section.slot.id, x.section.room, x.section.teacher, x.rank.map(String.init) ?? "",
      ]
    }
    return (header, rows)
  }

  public static func sections(_ a: Analysis) -> (header: [String], rows: [[String]]) {
    let header = ["section", "course", "course_name", "slot", "room", "teacher", "enrolled", "capacity", "min_size"]
    let rooms = Dictionary(a.school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    let rows = a.solution.sections.compactMap { s -> [String]? in
      guard let course = a.school.course(s.course) else { return nil }
      let capacity = min(course.maxSize, rooms[s.room]?.capacity ?? 0)
      return [
        s.id, course.code, course.name, s.slot.id, s.room, s.teacher, String(a.enrolment[s.id] ?? 0), String(capacity),
        String(course.minSize),
      ]
    }
    return (header, rows)
  }

  public static func fill(_ a: Analysis) -> (header: [String], rows: [[String]]) {
    let header = [
      "course", "course_name", "first_choice_demand", "any_rank_demand", "sections", "enrolled", "capacity", "fill_rate",
      "status",
    ]
    let rows = a.fill.map { f in
      [
        f.course.code, f.course.name, String(f.firstChoiceDemand), String(f.anyRankDemand), String(f.sections),
        String(f.enrolled), String(f.capacity), Format.fraction(f.fillRate), f.status,
      ]
    }
    return (header, rows)
  }

  public static func unplaced(_ a: Analysis) -> (header: [String], rows: [[String]]) {
    let header = ["student", "student_name", "grade", "class", "asked", "got", "reason"]
    let rows = a.school.students.sorted { $0.id < $1.id }.compactMap { s -> [String]? in
      let (asked, got) = a.counts(of: s)
      guard got < asked else { return nil }
      return [s.id, s.name, String(s.grade), s.homeClass, String(asked), String(got), a.unplacedReason(for: s)]
    }
    return (header, rows)
  }
}
