import ZoubanModel

/// Sections and staff, planned from the applications as a school office would (学校统筹安排).
extension SchoolDraft {
  /// Categories whose teachers are paid the specialty supplement (20–30 yuan, DOMAIN.md).
  private static let specialties: Set<String> = ["体育", "音乐", "美术", "舞蹈", "科技", "书法", "传统手工"]

  /// Plans each club's `max_sections` from its demand: 70–110 % of what its top-ranked demand
  /// would fill, at least 1, at most one per allowed slot. The spread is what leaves popular clubs
  /// oversubscribed and lets a few unpopular ones keep a section they cannot fill to 15.
  mutating func sizeSections() {
    let demand = topDemand()
    for i in clubs.indices {
      let wanted = Double(demand[clubs[i].code] ?? 0) * (shape.cover + shape.coverSpread * rng.unit()) / Double(clubs[i].maxSize)
      clubs[i].maxSections = min(max(1, Int(wanted.rounded())), clubs[i].slots.count)
    }
  }

  /// One to three qualified teachers per club: enough that each teaches at most ~70 % of the
  /// club's slots, sometimes one more. A school teacher is now and then shared with another club
  /// of the same category (the PE teacher who coaches 篮球 and 足球); an outside club brings its
  /// own instructors, who come only on the club's days. About a fifth of the school's teachers
  /// have Friday afternoon for training (教研), and about a third a weekly limit on sections.
  mutating func makeTeachers() {
    struct Staff {
      let id: String
      let category: String
      let external: Bool
      var load: Double = 0
    }
    var staff: [Staff] = []
    var externalDays: [String: Set<Weekday>] = [:]
    for i in clubs.indices {
      let club = clubs[i]
      var count = min(3, max(1, Int((Double(club.maxSections) / (0.7 * Double(club.slots.count))).rounded(.up))))
      if count < 3 && rng.chance(0.3) { count += 1 }
      let share = Double(club.maxSections) / Double(count)
      for _ in 0..<count {
        let shareable = staff.indices.filter { j in
          !staff[j].external && !club.template.external && staff[j].category == club.template.category
            && !clubs[i].teachers.contains(staff[j].id) && staff[j].load + share <= 0.5 * Double(week.slots.count)
        }
        if !shareable.isEmpty && rng.chance(0.3) {
          let j = rng.pick(shareable)
          staff[j].load += share
          clubs[i].teachers.append(staff[j].id)
          continue
        }
        let external = club.template.external
        let number = staff.filter { $0.external == external }.count + 1
        let id = external ? "EX" + Self.padded(number, 2) : "T" + Self.padded(number, 3)
        staff.append(Staff(id: id, category: club.template.category, external: external, load: share))
        if external { externalDays[id] = Set(club.slots.map(\.day)) }
        clubs[i].teachers.append(id)
      }
    }
    let friday = Set(week.slots.filter { $0.day == .fri })
    teachers = staff.map { s in
      let name = PersonNames.random(using: &rng)
      if s.external {
        let days = externalDays[s.id]!
        return Teacher(
          id: s.id, name: name, unavailable: Set(week.slots.filter { !days.contains($0.day) }),
          rate: Double(rng.pick([100, 120, 150])))
      }
      let supplement = Self.specialties.contains(s.category) ? rng.pick([20, 25, 30]) : 0
      let rate = Double(rng.pick([40, 45, 50, 55, 60]) + supplement)
      let unavailable = week.days.count > 1 && rng.chance(0.2) ? friday : []
      let limit = rng.chance(0.3) ? max(Int(s.load.rounded(.up)), rng.int(2...4)) : nil
      return Teacher(id: s.id, name: name, maxSections: limit, unavailable: unavailable, rate: rate)
    }
  }
}
