import ZoubanModel

/// Every table of a solve's results, in the order of the output directory and the workbook.
///
/// The first four are SPEC §3's files with exactly its columns; the rest are the office's views
/// of the same timetable. Priority categories (留守, 残疾 …) appear in none of them: only the
/// office's aggregate counts (`satisfaction.csv`) tell priority students apart.
public enum Tables {
  public static func all(_ a: Analysis) -> [ReportTable] {
    [
      assignments(a), sections(a), fill(a), unplaced(a), satisfaction(a), timetable(a), teacherTimetable(a),
      studentTimetable(a), classLists(a), rosters(a), money(a), teacherLoad(a), basicService(a),
    ]
  }

  /// The CSV files `all` writes, for telling a Zouban output directory from any other.
  public static let fileNames = [
    "assignments.csv", "sections.csv", "fill.csv", "unplaced.csv", "satisfaction.csv", "timetable.csv",
    "teacher_timetable.csv", "student_timetable.csv", "class_lists.csv", "rosters.csv", "money.csv", "teacher_load.csv",
    "basic_service.csv",
  ]

  typealias Column = ReportTable.Column

  public static func assignments(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("student", "学号"), Column("student_name", "姓名"), Column("grade", "年级", numeric: true),
      Column("class", "班级"), Column("course", "课程编号"), Column("course_name", "课程"), Column("section", "教学班"),
      Column("slot", "时段"), Column("room", "场地"), Column("teacher", "教师"), Column("rank", "志愿", numeric: true),
    ]
    let rows = a.attendances.map { x in
      [
        x.student.id, x.student.name, String(x.student.grade), x.student.homeClass, x.course.code, x.course.name,
        x.section.id, x.section.slot.id, x.section.room, x.section.teacher, x.rank.map(String.init) ?? "",
      ]
    }
    return ReportTable(file: "assignments.csv", sheet: "录取名单", columns: columns, rows: rows)
  }

  public static func sections(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("section", "教学班"), Column("course", "课程编号"), Column("course_name", "课程"), Column("slot", "时段"),
      Column("room", "场地"), Column("teacher", "教师"), Column("enrolled", "人数", numeric: true),
      Column("capacity", "容量", numeric: true), Column("min_size", "最少人数", numeric: true),
    ]
    let rows = a.solution.sections.compactMap { s -> [String]? in
      guard let course = a.course(s.course) else { return nil }
      return [
        s.id, course.code, course.name, s.slot.id, s.room, s.teacher, String(a.enrolment[s.id] ?? 0),
        String(a.capacity(of: s, course: course)), String(course.minSize),
      ]
    }
    return ReportTable(file: "sections.csv", sheet: "教学班", columns: columns, rows: rows)
  }

  public static func fill(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("course", "课程编号"), Column("course_name", "课程"), Column("first_choice_demand", "第一志愿人数", numeric: true),
      Column("any_rank_demand", "全部志愿人数", numeric: true), Column("sections", "班数", numeric: true),
      Column("enrolled", "录取人数", numeric: true), Column("capacity", "容量", numeric: true),
      Column("fill_rate", "满额率", numeric: true), Column("status", "状态"),
    ]
    let rows = a.fill.map { f in
      [
        f.course.code, f.course.name, String(f.firstChoiceDemand), String(f.anyRankDemand), String(f.sections),
        String(f.enrolled), String(f.capacity), Format.fraction(f.fillRate), f.status,
      ]
    }
    return ReportTable(file: "fill.csv", sheet: "满额情况", columns: columns, rows: rows)
  }

  public static func unplaced(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("student", "学号"), Column("student_name", "姓名"), Column("grade", "年级", numeric: true),
      Column("class", "班级"), Column("asked", "申请", numeric: true), Column("got", "录取", numeric: true),
      Column("reason", "原因"),
    ]
    let rows = a.school.students.sorted { $0.id < $1.id }.compactMap { s -> [String]? in
      let (asked, got) = a.counts(of: s)
      guard got < asked else { return nil }
      return [s.id, s.name, String(s.grade), s.homeClass, String(asked), String(got), a.unplacedReason(for: s)]
    }
    return ReportTable(file: "unplaced.csv", sheet: "未录取", columns: columns, rows: rows)
  }

  /// The rank distribution and the two rates, overall, per grade, and priority students against the rest.
  public static func satisfaction(_ a: Analysis) -> ReportTable {
    let ranks = a.longestChoiceList
    var columns = [
      Column("group", "学生"), Column("students", "人数", numeric: true),
      Column("students_with_choices", "填报志愿人数", numeric: true), Column("electives_asked", "申请课程数", numeric: true),
      Column("electives_placed", "录取课程数", numeric: true),
    ]
    columns += (0..<ranks).map { Column("rank_\($0 + 1)", "第\($0 + 1)志愿", numeric: true) }
    columns += [
      Column("unranked", "调剂", numeric: true), Column("first_choice", "第一志愿录取人数", numeric: true),
      Column("first_choice_rate", "第一志愿满足率", numeric: true), Column("top3", "前三志愿录取人数", numeric: true),
      Column("top3_rate", "前三志愿满足率", numeric: true), Column("students_unplaced", "未满足人数", numeric: true),
    ]
    let rows = a.satisfactionGroups.map { g in
      [g.label, String(g.students), String(g.studentsWithChoices), String(g.electivesAsked), String(g.electivesPlaced)]
        + g.byRank.map(String.init)
        + [
          String(g.unranked), String(g.firstChoice), Format.fraction(g.firstChoiceRate), String(g.topThree),
          Format.fraction(g.topThreeRate), String(g.studentsUnplaced),
        ]
    }
    return ReportTable(file: "satisfaction.csv", sheet: "志愿满足", columns: columns, rows: rows)
  }

  /// The weekly grid as the office pins it up: one row per slot, one column per room in use.
  public static func timetable(_ a: Analysis) -> ReportTable {
    let rooms = a.school.rooms.filter { room in a.solution.sections.contains { $0.room == room.id } }
    return slotGrid(
      a, file: "timetable.csv", sheet: "课表", columns: rooms.map { Column($0.id, a.roomLabel($0.id)) }, key: \.room
    ) { s in "\(a.courseName(s.course)) · \(a.teacherLabel(s.teacher)) · \(a.enrolment[s.id] ?? 0)人" }
  }

  /// The same week by teacher: each column is one teacher's week.
  public static func teacherTimetable(_ a: Analysis) -> ReportTable {
    let teachers = a.school.teachers.filter { t in a.solution.sections.contains { $0.teacher == t.id } }
    return slotGrid(
      a, file: "teacher_timetable.csv", sheet: "教师课表", columns: teachers.map { Column($0.id, a.teacherLabel($0.id)) },
      key: \.teacher
    ) { s in "\(a.courseName(s.course)) @ \(a.roomLabel(s.room))" }
  }

  /// One row per slot, one column per resource (`columns`' keys, matched against `key` of each
  /// section); a cell lists that slot's sections there, one per line.
  private static func slotGrid(
    _ a: Analysis, file: String, sheet: String, columns: [Column], key: KeyPath<Section, String>, cell: (Section) -> String
  ) -> ReportTable {
    let rows = a.school.week.slots.map { slot in
      [slot.id, a.timeLabel(slot)]
        + columns.map { column in
          a.solution.sections.filter { $0.slot == slot && $0[keyPath: key] == column.key }.map(cell).joined(separator: "\n")
        }
    }
    return ReportTable(file: file, sheet: sheet, columns: [Column("slot", "时段"), Column("time", "时间")] + columns, rows: rows)
  }

  /// Each student's week: where to go in every slot (blank: stays in the home class).
  public static func studentTimetable(_ a: Analysis) -> ReportTable {
    let slots = a.school.week.slots
    let columns =
      [Column("student", "学号"), Column("student_name", "姓名"), Column("class", "班级")]
      + slots.map { Column($0.id, a.slotLabel($0)) }
    let rows = a.school.students.sorted { $0.id < $1.id }.map { s in
      let mine = a.sectionsOf[s.id] ?? []
      return [s.id, s.name, s.homeClass]
        + slots.map { slot in
          mine.filter { $0.slot == slot }.map { "\(a.courseName($0.course)) @ \(a.roomLabel($0.room))" }.joined(separator: "\n")
        }
    }
    return ReportTable(file: "student_timetable.csv", sheet: "学生课表", columns: columns, rows: rows)
  }

  /// The 走班 list a class teacher reads: per home class and slot, who leaves for which club and where.
  public static func classLists(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("class", "班级"), Column("slot", "时段"), Column("time", "时间"), Column("student", "学号"),
      Column("student_name", "姓名"), Column("course_name", "课程"), Column("room", "场地"), Column("teacher", "教师"),
    ]
    let sorted = a.attendances.sorted { x, y in
      if x.student.homeClass != y.student.homeClass {
        return a.classRank[x.student.homeClass] ?? 0 < a.classRank[y.student.homeClass] ?? 0
      }
      if x.section.slot != y.section.slot { return x.section.slot < y.section.slot }
      return x.student.id < y.student.id
    }
    let rows = sorted.map { x in
      [
        x.student.homeClass, x.section.slot.id, a.timeLabel(x.section.slot), x.student.id, x.student.name, x.course.name,
        a.roomLabel(x.section.room), a.teacherLabel(x.section.teacher),
      ]
    }
    return ReportTable(file: "class_lists.csv", sheet: "走班名单", columns: columns, rows: rows)
  }

  /// One roster (点名表) per section, with an empty column to tick attendance.
  public static func rosters(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("section", "教学班"), Column("course_name", "课程"), Column("slot", "时段"), Column("room", "场地"),
      Column("teacher", "教师"), Column("no", "序号", numeric: true), Column("student", "学号"),
      Column("student_name", "姓名"), Column("class", "班级"), Column("attendance", "出勤"),
    ]
    var rows: [[String]] = []
    for roster in a.rosters {
      for (i, s) in roster.students.enumerated() {
        rows.append([
          roster.section.id, a.courseName(roster.section.course), a.slotLabel(roster.section.slot),
          a.roomLabel(roster.section.room), a.teacherLabel(roster.section.teacher), String(i + 1), s.id, s.name,
          s.homeClass, "",
        ])
      }
    }
    return ReportTable(file: "rosters.csv", sheet: "点名表", columns: columns, rows: rows)
  }

  /// Fee income, waivers and teacher pay per club and week, with a total row.
  public static func money(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("course", "课程编号"), Column("course_name", "课程"), Column("provider", "提供方"),
      Column("fee", "每次收费", numeric: true), Column("sessions", "每周次数", numeric: true),
      Column("enrolled", "人数", numeric: true), Column("paying", "缴费人数", numeric: true),
      Column("income", "收费收入", numeric: true), Column("waived", "减免金额", numeric: true),
      Column("teacher_pay", "课时费", numeric: true), Column("balance", "结余", numeric: true),
    ]
    let m = a.money
    var rows = m.clubs.map { c in
      [
        c.course.code, c.course.name, c.course.provider.rawValue, Format.yuan(c.course.fee), String(c.sessions),
        String(c.enrolled), String(c.paying), Format.yuan(c.income), Format.yuan(c.waived), Format.yuan(c.teacherPay),
        Format.yuan(c.balance),
      ]
    }
    let clubPay = m.clubs.reduce(0) { $0 + $1.teacherPay }
    rows.append([
      "total", "合计", "", "", String(m.clubs.reduce(0) { $0 + $1.sessions }), String(m.clubs.reduce(0) { $0 + $1.enrolled }),
      String(m.clubs.reduce(0) { $0 + $1.paying }), Format.yuan(m.income), Format.yuan(m.waived), Format.yuan(clubPay),
      Format.yuan(m.income - clubPay),
    ])
    return ReportTable(file: "money.csv", sheet: "经费", columns: columns, rows: rows)
  }

  /// Each teacher's sections a week against their limit, and their pay.
  public static func teacherLoad(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("teacher", "工号"), Column("teacher_name", "姓名"), Column("sessions", "每周节数", numeric: true),
      Column("max_sections", "每周最多节数", numeric: true), Column("rate", "课时费标准", numeric: true),
      Column("pay", "课时费", numeric: true),
    ]
    let rows = a.money.teachers.map { t in
      [
        t.teacher.id, t.teacher.name, String(t.sessions), t.teacher.maxSections.map(String.init) ?? "",
        Format.yuan(t.teacher.rate), Format.yuan(t.pay),
      ]
    }
    return ReportTable(file: "teacher_load.csv", sheet: "教师工作量", columns: columns, rows: rows)
  }

  /// Per slot and home class: who stays in the free basic service and the supervisors it needs.
  public static func basicService(_ a: Analysis) -> ReportTable {
    let columns = [
      Column("slot", "时段"), Column("class", "班级"), Column("present", "在校人数", numeric: true),
      Column("in_clubs", "走班人数", numeric: true), Column("staying", "留班托管人数", numeric: true),
      Column("supervisors", "看护教师", numeric: true),
    ]
    let rows = a.basicService.entries.map { e in
      [e.slot.id, e.homeClass, String(e.present), String(e.inClubs), String(e.staying), String(e.supervisors)]
    }
    return ReportTable(file: "basic_service.csv", sheet: "基础托管", columns: columns, rows: rows)
  }
}
