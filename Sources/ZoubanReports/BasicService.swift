import ZoubanModel

/// Who stays in the free basic service (作业辅导/看护) in each slot, per home class, and how many
/// supervising teachers that needs.
///
/// A student stays when they are at school in the slot (it is not one of their `unavailable`
/// slots) and attend no club in it. The office staffs one supervisor per `studentsPerSupervisor`
/// students of a class (DOMAIN: about one teacher per class of ~45), rounded up per class,
/// because each class stays in its own room.
public struct BasicService: Sendable, Equatable {
  public static let studentsPerSupervisor = 45

  public struct Entry: Sendable, Equatable {
    public let slot: Slot
    /// The home class as students.csv writes it; empty when the file gives none.
    public let homeClass: String
    /// Students of the class at school in the slot.
    public let present: Int
    /// Of those, students in a club in the slot (they leave the classroom: 走班).
    public let inClubs: Int
    public var staying: Int { present - inClubs }
    public var supervisors: Int { (staying + BasicService.studentsPerSupervisor - 1) / BasicService.studentsPerSupervisor }
  }

  /// By slot in week order, then home class in natural order (`3-2` before `3-10`).
  public let entries: [Entry]

  /// Supervisors needed in a slot, over all classes.
  public func supervisors(in slot: Slot) -> Int {
    entries.filter { $0.slot == slot }.reduce(0) { $0 + $1.supervisors }
  }
}

extension Analysis {
  public var basicService: BasicService {
    let classes = Dictionary(grouping: school.students, by: \.homeClass)
    let classNames = classes.keys.sorted { classRank[$0] ?? 0 < classRank[$1] ?? 0 }
    var entries: [BasicService.Entry] = []
    for slot in school.week.slots {
      for name in classNames {
        let present = classes[name, default: []].filter { $0.isAvailable(in: slot) }
        let inClubs = present.filter { s in (sectionsOf[s.id] ?? []).contains { $0.slot == slot } }.count
        entries.append(BasicService.Entry(slot: slot, homeClass: name, present: present.count, inClubs: inClubs))
      }
    }
    return BasicService(entries: entries)
  }
}

/// Orders class and id labels as people do: runs of digits by value (`3-2` < `3-10`), the rest
/// by code point; ties broken by the plain comparison so the order is total.
func naturalOrder(_ a: String, _ b: String) -> Bool {
  let x = naturalKey(a), y = naturalKey(b)
  for (p, q) in zip(x, y) where p != q {
    switch (p, q) {
    case (.number(let m), .number(let n)): return m < n
    case (.number, .text): return true
    case (.text, .number): return false
    case (.text(let s), .text(let t)): return s < t
    }
  }
  return x.count != y.count ? x.count < y.count : a < b
}

private enum NaturalPart: Equatable {
  case number(Int)
  case text(String)
}

private func naturalKey(_ s: String) -> [NaturalPart] {
  var parts: [NaturalPart] = []
  var digits = "", text = ""
  func flush() {
    if !digits.isEmpty { parts.append(.number(Int(digits.prefix(18)) ?? .max)) }
    if !text.isEmpty { parts.append(.text(text)) }
    digits = ""
    text = ""
  }
  for c in s {
    if c.isASCII && c.isNumber {
      if !text.isEmpty { flush() }
      digits.append(c)
    } else {
      if !digits.isEmpty { flush() }
      text.append(c)
    }
  }
  flush()
  return parts
}
