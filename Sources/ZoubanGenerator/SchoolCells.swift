import ZoubanModel

/// `school.toml` as text: every key of SPEC §1 written out, defaults included, so that the file
/// documents the rules the school was generated with.
enum SchoolTOML {
  static func text(_ school: School) -> String {
    let o = school.objective
    var lines = [
      "name = \(quoted(school.name))",
      "term = \(quoted(school.term))",
      "",
      "[week]",
      "days = [\(school.week.days.map { quoted($0.abbreviation) }.joined(separator: ", "))]",
      "periods = [ \(school.week.periods.map { "{ start = \(quoted($0.start)), end = \(quoted($0.end)) }" }.joined(separator: ", ")) ]",
    ]
    if !school.tiers.isEmpty {
      lines += ["", "[tiers]"] + school.tiers.map { "\(quoted($0.name)) = \(quoted($0.grades.description))" }
    }
    lines += [
      "", "[rules]",
      "min_size = \(school.rules.minSize)",
      "electives_per_student = \(school.rules.electivesPerStudent)",
      "", "[objective]",
      "rank_utility = [\(o.rankUtility.map(String.init).joined(separator: ", "))]",
      "any_utility = \(o.anyUtility)",
      "unplaced_penalty = \(o.unplacedPenalty)",
      "priority_multiplier = \(o.priorityMultiplier)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A TOML basic string.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// The CSV tables of a school, one function per file, each cell in the form SPEC §1 reads back.
struct SchoolCells {
  let school: School

  func courses() -> String {
    let all = Set(school.week.slots)
    return table(
      ["code", "name", "category", "grades", "max_size", "min_size", "max_sections", "slots", "room_type", "teachers", "fee", "provider"],
      school.courses.map { c in
        [
          c.code, c.name, c.category, grades(c.grades), "\(c.maxSize)", c.minSize == school.rules.minSize ? "" : "\(c.minSize)",
          "\(c.maxSections)", Set(c.slots) == all ? "" : slots(Set(c.slots)), c.roomType, c.teachers.joined(separator: ";"),
          amount(c.fee), c.provider.rawValue,
        ]
      })
  }

  func rooms() -> String {
    table(
      ["id", "name", "type", "capacity", "unavailable"],
      school.rooms.map { [$0.id, $0.name, $0.type, "\($0.capacity)", slots($0.unavailable)] })
  }

  func teachers() -> String {
    table(
      ["id", "name", "max_sections", "unavailable", "rate"],
      school.teachers.map { [$0.id, $0.name, $0.maxSections.map(String.init) ?? "", slots($0.unavailable), amount($0.rate)] })
  }

  func students() -> String {
    let width = max(1, school.students.map(\.choices.count).max() ?? 0)
    let header =
      ["id", "name", "grade", "class", "electives", "priority", "accept_any", "fee_waiver", "unavailable"]
      + (1...width).map { "choice\($0)" }
    return table(
      header,
      school.students.map { s in
        [
          s.id, s.name, "\(s.grade)", s.homeClass, "\(s.electives)", s.priority, s.acceptAny ? "yes" : "no",
          s.feeWaiver ? "yes" : "no", slots(s.unavailable),
        ] + (0..<width).map { $0 < s.choices.count ? s.choices[$0] : "" }
      })
  }

  func fixed() -> String {
    table(["student", "course", "slot"], school.fixed.map { [$0.student, $0.course, $0.slot?.id ?? ""] })
  }

  /// A tier's name when the set is exactly that tier (`低段`), else the compact form (`3-6`).
  private func grades(_ set: GradeSet) -> String {
    school.tiers.first { $0.grades == set }?.name ?? set.description
  }

  /// Whole days as day names (`Fri`), other slots as ids (`Mon-1`), in week order.
  private func slots(_ set: Set<Slot>) -> String {
    school.week.days.flatMap { day -> [String] in
      let ofDay = school.week.slots.filter { $0.day == day }
      let held = ofDay.filter(set.contains)
      return held.count == ofDay.count ? [day.abbreviation] : held.map(\.id)
    }.joined(separator: ";")
  }

  /// Whole yuan without a decimal point; otherwise Swift's shortest form, which reads back exactly.
  private func amount(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }

  private func table(_ header: [String], _ rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\n" }.joined()
  }

  /// RFC 4180: quoted when the text holds a comma, a quote or a line break, quotes doubled.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
