import ZoubanModel

/// Rooms and fields (场地), scaled so that their seats over the week are about 1.1–1.3 × the
/// electives asked: enough that rooms are not the whole story, few enough that they matter.
extension SchoolDraft {
  /// Per room type: id prefix, display name stem, and the capacities such rooms have.
  private static let kinds: [String: (prefix: String, stem: String, capacities: [Int])] = [
    "教室": ("C", "综合楼", [40, 45, 48, 50, 50, 60]),
    "体育馆": ("GYM", "体育馆", [30, 36, 40, 40]),
    "操场": ("FLD", "操场", [40, 50, 60, 80]),
    "音乐室": ("MUS", "音乐室", [40, 50, 60]),
    "美术室": ("ART", "美术室", [30, 36, 40]),
    "机房": ("PC", "计算机教室", [40, 45, 50]),
    "实验室": ("LAB", "实验室", [30, 36, 40]),
  ]

  private struct RoomDraft {
    let type: String
    let capacity: Int
    var closedDays: Set<Weekday> = []

    /// Seats over the week: capacity times the slots the room is open.
    func seats(in week: Week) -> Int { capacity * (week.slots.count - closedDays.count * week.periods.count) }
  }

  /// Opens rooms type by type in proportion to the sections the clubs of each type may run, then
  /// adds rooms where seats are scarcest until the week holds 1.1 × the electives asked, then
  /// trims down to 1.3 ×: first whole rooms, then days on which a room is used for something else
  /// (a function room shared with regular lessons). Trimming never leaves a type with fewer seats
  /// than its clubs' sections hold, nor a club without a slot that has a room and a teacher, so a
  /// small school that needs one room of each type may stay above the band.
  mutating func makeRooms() {
    let slotCount = week.slots.count
    let asked = Double(students.reduce(0) { $0 + $1.electives })
    let types = ClubMenu.roomTypes.filter { t in clubs.contains { $0.template.roomType == t } }
    var need: [String: Int] = [:]
    for club in clubs { need[club.template.roomType, default: 0] += club.maxSections * club.maxSize }
    var drafts: [String: [RoomDraft]] = [:]
    let week = self.week
    func seats(_ type: String) -> Int { drafts[type, default: []].reduce(0) { $0 + $1.seats(in: week) } }
    func total() -> Double { Double(types.reduce(0) { $0 + seats($1) }) }
    func scarcity(_ type: String) -> Double { Double(need[type]!) / Double(max(1, seats(type))) }

    for type in types {
      let typical = Self.kinds[type]!.capacities.reduce(0, +) / Self.kinds[type]!.capacities.count
      let count = max(1, Int((Double(need[type]!) / Double(typical * slotCount)).rounded(.up)))
      for _ in 0..<count { drafts[type, default: []].append(RoomDraft(type: type, capacity: rng.pick(Self.kinds[type]!.capacities))) }
    }
    while total() < 1.1 * asked, let type = types.max(by: { (scarcity($0), $1) < (scarcity($1), $0) }) {
      drafts[type]!.append(RoomDraft(type: type, capacity: rng.pick(Self.kinds[type]!.capacities)))
    }
    while total() > 1.3 * asked {
      let removable = types.filter { t in drafts[t]!.count > 1 && seats(t) - drafts[t]!.last!.seats(in: week) >= need[t]! }
      if let type = removable.min(by: { (scarcity($0), $0) < (scarcity($1), $1) }) {
        drafts[type]!.removeLast()
        continue
      }
      guard let (type, index, day) = closableDay(drafts: drafts, types: types, need: need) else { break }
      drafts[type]![index].closedDays.insert(day)
    }
    rooms = types.flatMap { type in
      let kind = Self.kinds[type]!
      return drafts[type]!.enumerated().map { n, r in
        let number = type == "教室" ? String(101 + n) : String(n + 1)
        return Room(
          id: kind.prefix + number, name: kind.stem + number, type: type, capacity: r.capacity,
          unavailable: Set(week.slots.filter { r.closedDays.contains($0.day) }))
      }
    }
  }

  /// The room with the most seats left, and one of its open days (not its last), whose closing
  /// keeps the type's seats at or above `need` and every club of the type openable.
  private mutating func closableDay(
    drafts: [String: [RoomDraft]], types: [String], need: [String: Int]
  ) -> (String, Int, Weekday)? {
    func seats(_ r: RoomDraft) -> Int { r.seats(in: week) }
    let candidates = types.flatMap { t in drafts[t]!.indices.map { (t, $0) } }
      .filter { t, i in week.days.count - drafts[t]![i].closedDays.count > 1 }
      .sorted { a, b in (seats(drafts[b.0]![b.1]), a.0, a.1) < (seats(drafts[a.0]![a.1]), b.0, b.1) }
    for (type, index) in candidates {
      let room = drafts[type]![index]
      let typeSeats = drafts[type]!.reduce(0) { $0 + seats($1) }
      guard typeSeats - room.capacity * week.periods.count >= need[type]! else { continue }
      for day in rng.shuffled(week.days.filter { !room.closedDays.contains($0) }) {
        var trial = drafts[type]!
        trial[index].closedDays.insert(day)
        let open = trial.map { r in week.slots.filter { !r.closedDays.contains($0.day) } }
        if clubs.filter({ $0.template.roomType == type }).allSatisfy({ opens($0, roomSlots: open) }) {
          return (type, index, day)
        }
      }
    }
    return nil
  }

  /// Whether some allowed slot of the club has a room (of the slot lists given) and a qualified teacher.
  private func opens(_ club: ClubDraft, roomSlots: [[Slot]]) -> Bool {
    let staff = teachers.filter { club.teachers.contains($0.id) }
    return club.slots.contains { slot in
      roomSlots.contains { $0.contains(slot) } && staff.contains { $0.isAvailable(in: slot) }
    }
  }
}
