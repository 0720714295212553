import ZoubanModel

/// Which school a generated school is: it decides the grades, the tiers and the club menu.
public enum SchoolLevel: String, Sendable, CaseIterable {
  /// 小学: grades 1–6, tiers 低段 (1–2) and 高段 (3–6).
  case primary
  /// 初中: grades 7–9, tiers 初一, 初二, 初三 and 非毕业年级 (7–8).
  case middle

  public var grades: ClosedRange<Int> { self == .primary ? 1...6 : 7...9 }

  /// The `[tiers]` of `school.toml`, in file order.
  public var tiers: [Tier] {
    switch self {
    case .primary:
      return [Tier(name: "低段", grades: GradeSet(1...2)), Tier(name: "高段", grades: GradeSet(3...6))]
    case .middle:
      return [
        Tier(name: "初一", grades: GradeSet([7])), Tier(name: "初二", grades: GradeSet([8])),
        Tier(name: "初三", grades: GradeSet([9])), Tier(name: "非毕业年级", grades: GradeSet(7...8)),
      ]
    }
  }
}

/// One club of a real menu, before the generator sizes it for a school.
///
/// The names, categories and grade limits come from the school plans summarised in DOMAIN.md and
/// the sample catalogs: beginner and advanced rows of one subject for 低段 and 高段, clubs tied to
/// one grade (三年级面塑, 体育中考专项训练), academic tutoring (学科类, always run by the school).
struct ClubTemplate: Sendable {
  let name: String
  let category: String
  let roomType: String
  let grades: GradeSet
  /// Typical most students per section.
  let maxSize: Int
  /// Yuan per session per student.
  let fee: Double
  /// Run by an approved outside institution (校外机构), with its own instructor.
  let external: Bool

  init(_ name: String, _ category: String, _ roomType: String, _ grades: ClosedRange<Int>, _ maxSize: Int, _ fee: Double,
    external: Bool = false)
  {
    self.name = name
    self.category = category
    self.roomType = roomType
    self.grades = GradeSet(grades)
    self.maxSize = maxSize
    self.fee = fee
    self.external = external
  }
}

/// The club menus, one per school level.
enum ClubMenu {
  /// The room types the generator uses (SPEC §1's examples less 图书馆, kept out to stay to seven).
  static let roomTypes = ["教室", "体育馆", "操场", "音乐室", "美术室", "机房", "实验室"]

  static func templates(for level: SchoolLevel) -> [ClubTemplate] {
    level == .primary ? primary : middle
  }

  static let primary: [ClubTemplate] = [
    ClubTemplate("创意儿童画班", "美术", "美术室", 1...2, 30, 10),
    ClubTemplate("硬笔书法（初级）", "书法", "教室", 1...2, 40, 5),
    ClubTemplate("硬笔书法（提高）", "书法", "教室", 3...6, 40, 5),
    ClubTemplate("围棋（初级）", "棋类", "教室", 1...2, 30, 10),
    ClubTemplate("围棋（提高）", "棋类", "教室", 3...6, 30, 10),
    ClubTemplate("跆拳道（启蒙）", "体育", "体育馆", 1...2, 30, 15, external: true),
    ClubTemplate("跆拳道（提高）", "体育", "体育馆", 3...6, 30, 15, external: true),
    ClubTemplate("篮球训练班", "体育", "体育馆", 3...6, 30, 0),
    ClubTemplate("足球训练班", "体育", "操场", 3...6, 35, 0),
    ClubTemplate("乒乓球训练班", "体育", "体育馆", 3...6, 24, 0),
    ClubTemplate("羽毛球训练班", "体育", "体育馆", 3...6, 24, 0),
    ClubTemplate("花样体育", "体育", "操场", 1...2, 40, 0),
    ClubTemplate("体育技巧班", "体育", "操场", 1...6, 40, 0),
    ClubTemplate("轮滑班", "体育", "操场", 1...4, 35, 15, external: true),
    ClubTemplate("合唱班", "音乐", "音乐室", 2...6, 50, 0),
    ClubTemplate("口风琴班", "音乐", "音乐室", 1...2, 30, 10),
    ClubTemplate("中国舞班", "舞蹈", "音乐室", 1...6, 30, 10),
    ClubTemplate("素描班", "美术", "美术室", 3...6, 30, 10),
    ClubTemplate("国画班", "美术", "美术室", 3...6, 30, 10),
    ClubTemplate("软笔书法班", "书法", "美术室", 3...6, 30, 5),
    ClubTemplate("三年级面塑", "传统手工", "美术室", 3...3, 25, 15),
    ClubTemplate("四年级国际象棋", "棋类", "教室", 4...4, 30, 10),
    ClubTemplate("五年级书法", "书法", "美术室", 5...5, 30, 5),
    ClubTemplate("六年级自主阅读", "阅读", "教室", 6...6, 45, 0),
    ClubTemplate("创客编程班", "科技", "机房", 4...6, 40, 15),
    ClubTemplate("3D打印班", "科技", "机房", 5...6, 30, 20),
    ClubTemplate("机器人班", "科技", "实验室", 3...6, 24, 20, external: true),
    ClubTemplate("乐高机器人（启蒙）", "科技", "实验室", 1...2, 24, 20, external: true),
    ClubTemplate("科学实验", "科学", "实验室", 3...6, 30, 10),
    ClubTemplate("播音主持班", "语言艺术", "教室", 3...6, 30, 10),
    ClubTemplate("朗诵班", "语言艺术", "教室", 3...6, 35, 0),
    ClubTemplate("口语交际班", "学科类", "教室", 1...2, 40, 0),
    ClubTemplate("拼读兴趣班", "学科类", "教室", 1...2, 40, 0),
    ClubTemplate("速算班", "学科类", "教室", 1...6, 45, 0),
    ClubTemplate("答疑解惑班", "学科类", "教室", 3...6, 45, 0),
    ClubTemplate("拓展提升班", "学科类", "教室", 5...6, 45, 0),
  ]

  static let middle: [ClubTemplate] = [
    ClubTemplate("科技创新社", "科技", "实验室", 7...9, 30, 10),
    ClubTemplate("机器人社", "科技", "实验室", 7...9, 24, 20, external: true),
    ClubTemplate("Python编程社", "科技", "机房", 7...9, 45, 10),
    ClubTemplate("人工智能初探", "科技", "机房", 8...9, 40, 10),
    ClubTemplate("航模与无人机", "科技", "操场", 7...8, 25, 20, external: true),
    ClubTemplate("3D打印与设计", "科技", "机房", 7...8, 30, 15),
    ClubTemplate("篮球社", "体育", "体育馆", 7...9, 30, 0),
    ClubTemplate("足球社", "体育", "操场", 7...9, 30, 0),
    ClubTemplate("排球社", "体育", "体育馆", 7...9, 24, 0),
    ClubTemplate("乒乓球社", "体育", "体育馆", 7...9, 24, 0),
    ClubTemplate("羽毛球社", "体育", "体育馆", 7...9, 24, 0),
    ClubTemplate("田径队", "体育", "操场", 7...9, 40, 0),
    ClubTemplate("体育中考专项训练", "体育", "操场", 9...9, 45, 0),
    ClubTemplate("健美操社", "体育", "体育馆", 7...8, 30, 0),
    ClubTemplate("街舞社", "舞蹈", "体育馆", 7...9, 30, 15, external: true),
    ClubTemplate("合唱团", "音乐", "音乐室", 7...9, 60, 0),
    ClubTemplate("管弦乐团", "音乐", "音乐室", 7...9, 40, 10),
    ClubTemplate("民乐社", "音乐", "音乐室", 7...8, 30, 10),
    ClubTemplate("书法社", "艺术", "美术室", 7...9, 30, 5),
    ClubTemplate("国画社", "艺术", "美术室", 7...9, 30, 10),
    ClubTemplate("素描与速写", "艺术", "美术室", 7...9, 30, 10),
    ClubTemplate("摄影社", "艺术", "教室", 7...9, 30, 10),
    ClubTemplate("辩论社", "语言", "教室", 8...9, 30, 0),
    ClubTemplate("文学社", "语言", "教室", 7...9, 40, 0),
    ClubTemplate("英语戏剧社", "语言", "教室", 7...8, 30, 0),
    ClubTemplate("模拟联合国", "语言", "教室", 8...9, 30, 0),
    ClubTemplate("心理健康社", "心理", "教室", 7...9, 30, 0),
    ClubTemplate("围棋象棋社", "棋类", "教室", 7...9, 30, 0),
    ClubTemplate("地理与天文", "科普", "教室", 7...9, 40, 0),
    ClubTemplate("生物标本制作", "科普", "实验室", 7...8, 24, 10),
    ClubTemplate("数学思维拓展", "学科拓展", "教室", 7...9, 45, 0),
    ClubTemplate("物理实验探究", "学科拓展", "实验室", 8...9, 30, 0),
    ClubTemplate("化学趣味实验", "学科拓展", "实验室", 9...9, 30, 0),
    ClubTemplate("英语阅读拓展", "学科拓展", "教室", 7...9, 45, 0),
    ClubTemplate("名著阅读", "学科拓展", "教室", 7...8, 45, 0),
    ClubTemplate("历史故事会", "学科拓展", "教室", 7...7, 40, 0),
  ]
}
