import ZoubanModel

/// Makes a realistic made-up school of any size, for benchmarks, demos and load tests.
///
/// The same parameters and seed always give the same school (SplitMix64, never the system
/// generator). A school is built the way a school office builds its term: the club menu first,
/// then the families' applications (ranked choices drawn with Zipf-like popularity, so some clubs
/// are oversubscribed and a few stay under 15), then sections, teachers and rooms sized to that
/// demand (room seats over the week ≈ 1.1–1.3 × the electives asked), then a few placements
/// decided beforehand. Every value obeys SPEC §1, so the written files load without a warning.
public struct SchoolGenerator: Sendable {
  /// Students who applied.
  public var students: Int
  /// Clubs in the catalog; past the menu's length the names repeat with a number (`篮球社2`).
  public var clubs: Int
  /// School days, Monday first (1–7).
  public var days: Int
  /// After-school periods a day (1–6), 40 minutes each.
  public var periods: Int
  public var seed: UInt64
  /// Rows of `fixed.csv` to make; fewer when the school has no safe room for more (see `SchoolDraft.fix`).
  public var fixedRows: Int
  /// Primary (grades 1–6) or middle (7–9); `nil` lets the seed decide.
  public var level: SchoolLevel?
  /// How demand and capacity relate (the benchmark's shapes); the default is today's school.
  public var shape = Shape()

  /// The knobs that make a school of another shape than the default, each drawn the same way
  /// as the default so that a default `Shape` writes the very same school as before it existed.
  public struct Shape: Sendable, Equatable {
    /// Each club's sections seat `cover + coverSpread · u` (u uniform in [0, 1), per club) of
    /// the students who rank it within their electives: below 1, capacity decides who is
    /// placed; at 1.0–1.2 the catalog is sized to demand, as schools that must serve everyone
    /// size it. (Two numbers, not a range: `1.1 − 0.7` is not exactly `0.4` in binary, and the
    /// default must draw today's schools bit for bit.)
    public var cover = 0.7
    public var coverSpread = 0.4
    /// Chance that a student is 服从调剂 (accepts any club).
    public var acceptAny: Double = 0.4
    /// Electives every student asks for; `nil`: up to 2, and ~12 % ask for one.
    public var electives: Int?
    public init(cover: Double = 0.7, coverSpread: Double = 0.4, acceptAny: Double = 0.4, electives: Int? = nil) {
      self.cover = cover
      self.coverSpread = coverSpread
      self.acceptAny = acceptAny
      self.electives = electives
    }
  }

  public static let dayRange = 1...7
  public static let periodRange = 1...6

  public init(students: Int, clubs: Int, days: Int, periods: Int, seed: UInt64, fixedRows: Int = 0, level: SchoolLevel? = nil) {
    self.students = students
    self.clubs = clubs
    self.days = days
    self.periods = periods
    self.seed = seed
    self.fixedRows = fixedRows
    self.level = level
  }

  /// The school. Needs `students ≥ 0`, `clubs ≥ 1`, `fixedRows ≥ 0` and days and periods in range.
  public func generate() -> School {
    precondition(students >= 0 && clubs >= 1 && fixedRows >= 0, "students, clubs and fixed rows must be counts")
    precondition(Self.dayRange.contains(days) && Self.periodRange.contains(periods), "days 1-7, periods 1-6")
    var rng = SplitMix64(seed: seed)
    // The coin is drawn even when the level is given, so `--level middle` on a seed that picks
    // middle by itself writes the very same school.
    let coin = rng.chance(0.5)
    let level = self.level ?? (coin ? .primary : .middle)
    var draft = SchoolDraft(week: Self.week(days: days, periods: periods), level: level, rng: rng, shape: shape)
    draft.makeClubs(count: clubs)
    draft.makeStudents(count: students)
    draft.sizeSections()
    draft.makeTeachers()
    draft.makeRooms()
    draft.fix(rows: fixedRows)
    return draft.school(name: draft.schoolName())
  }

  /// `days` days from Monday; periods of 40 minutes from 16:00 with 10-minute breaks.
  static func week(days: Int, periods: Int) -> Week {
    func clock(_ minutes: Int) -> String {
      let m = minutes % 60
      return "\(minutes / 60):\(m < 10 ? "0" : "")\(m)"
    }
    let times = (0..<periods).map { Period(start: clock(16 * 60 + 50 * $0), end: clock(16 * 60 + 50 * $0 + 40)) }
    return Week(days: Array(Weekday.allCases.prefix(days)), periods: times)
  }
}

/// A club while the school is being made: fixed facts from the menu, and the parts sized later.
struct ClubDraft {
  let code: String
  let name: String
  let template: ClubTemplate
  let maxSize: Int
  /// `nil`: the school's `rules.min_size`.
  let minSize: Int?
  let fee: Double
  let slots: [Slot]
  /// Relative popularity: the chance weight of being ranked by an eligible student.
  let popularity: Double
  var maxSections = 1
  var teachers: [String] = []

  func course(defaultMinSize: Int) -> Course {
    Course(
      code: code, name: name, category: template.category, grades: template.grades, maxSize: maxSize,
      minSize: minSize ?? defaultMinSize, maxSections: maxSections, slots: slots, roomType: template.roomType,
      teachers: teachers, fee: fee, provider: template.external ? .external : .school)
  }
}

/// The school under construction; each step reads what the earlier ones made.
struct SchoolDraft {
  let week: Week
  let level: SchoolLevel
  var rng: SplitMix64
  let rules: Rules
  let shape: SchoolGenerator.Shape
  var clubs: [ClubDraft] = []
  var students: [Student] = []
  var teachers: [Teacher] = []
  var rooms: [Room] = []
  var fixed: [FixedPlacement] = []

  init(week: Week, level: SchoolLevel, rng: SplitMix64, shape: SchoolGenerator.Shape = .init()) {
    self.week = week
    self.level = level
    self.rng = rng
    self.shape = shape
    rules = Rules(minSize: 15, electivesPerStudent: min(shape.electives ?? 2, week.slots.count))
  }

  /// Picks `count` clubs from the level's menu (all of it, again with numbered names, when more
  /// are asked for), keeps them in menu order so that the catalog reads by category, and gives
  /// each a popularity: 1/(rank+4) for a random rank (Zipf–Mandelbrot), the last 5 % cut to a niche.
  mutating func makeClubs(count: Int) {
    let menu = ClubMenu.templates(for: level)
    let order = rng.shuffled(Array(menu.indices))
    let picks = (0..<count).map { (round: $0 / menu.count, index: order[$0 % menu.count]) }
      .sorted { ($0.round, $0.index) < ($1.round, $1.index) }
    let ranks = rng.shuffled(Array(0..<count))
    let niche = max(1, count / 20)
    let width = max(2, String(count).count)
    for (i, pick) in picks.enumerated() {
      let t = menu[pick.index]
      let number = String(i + 1)
      let code = "C" + String(repeating: "0", count: width - number.count) + number
      var popularity = 1 / Double(ranks[i] + 4)
      if ranks[i] >= count - niche { popularity *= 0.15 }
      let explicitMin: Int? = rng.chance(0.1) ? rng.pick([10, 12, 20]) : nil
      let maxSize = max(20, t.maxSize + rng.pick([-5, 0, 0, 5]))
      clubs.append(
        ClubDraft(
          code: code, name: pick.round == 0 ? t.name : "\(t.name)\(pick.round + 1)", template: t, maxSize: maxSize,
          minSize: explicitMin.map { min($0, maxSize) }, fee: t.external ? Double(rng.pick([20, 25, 30])) : t.fee,
          slots: clubSlots(external: t.external), popularity: popularity))
    }
  }

  /// Every slot for most clubs; an outside institution comes on about half the days, and one
  /// school club in seven is kept to a few days (a field shared with PE lessons, a coach's days).
  private mutating func clubSlots(external: Bool) -> [Slot] {
    let days = week.days
    guard days.count >= 2, external || rng.chance(0.15) else { return week.slots }
    let kept = Set(rng.shuffled(days).prefix(external ? max(2, days.count / 2) : (days.count + 1) / 2 + 1))
    return week.slots.filter { kept.contains($0.day) }
  }

  /// A name like 育才小学 or 明德中学.
  mutating func schoolName() -> String {
    let stem = rng.pick(["阳光", "育才", "实验", "新华", "明德", "启航", "春晖", "东风", "朝阳", "博雅"])
    return stem + (level == .primary ? "小学" : "中学")
  }

  func school(name: String) -> School {
    School(
      name: name, term: "2026 秋季学期", week: week, tiers: level.tiers, rules: rules, objective: ObjectiveWeights(),
      courses: clubs.map { $0.course(defaultMinSize: rules.minSize) }, rooms: rooms, teachers: teachers,
      students: students, fixed: fixed)
  }
}
