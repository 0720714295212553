import MIPModel
import ZoubanModel

/// Entry points of the decomposition's stage 2 for the solver pipeline.
public enum Decomposition {
  /// Places the sections the course-level plan opens into slots, rooms and teachers, from two
  /// starts (`SectionPlacer.place`), the more promising first. `solve` solves the greedy's
  /// repair model (`SectionPacking`) from a starting point.
  /// The local search stops at `deadline`.
  public static func placeSections(
    school: School, plan: CoursePlan, deadline: Deadline = .none, solve: (_ model: MIPModel, _ start: [Double]) throws -> [Double]?
  ) rethrows -> [SectionLayout] {
    var placer = SectionPlacer(instance: Instance(school), plan: plan, deadline: deadline)
    return try placer.place(solve: solve)
  }

  /// A timetable made without stage 1 (`QuickPlan`, placed by the greedy, realised by
  /// `PlanRealisation`), and its objective. It does not look at fixed.csv, so it is for schools
  /// without fixed rows.
  public static func quickTimetable(
    school: School, deadline: Deadline = .none, solve: (_ model: MIPModel, _ start: [Double]) throws -> [Double]?
  ) rethrows -> (solution: Solution, objective: Int) {
    let instance = Instance(school)
    let plan = QuickPlan.plan(instance)
    var placer = SectionPlacer(instance: instance, plan: plan, deadline: deadline)
    let layout = try placer.placeByGreedyOnly(solve: solve)
    var realisation = PlanRealisation(instance: instance, sections: layout.sections)
    let solution = SeatFill.fill(realisation.solution(plan: plan, anyRanked: true), instance: instance)
    return (solution, instance.objective(of: solution))
  }

  /// `solution` with students who have electives to spare seated in its open sections' free
  /// seats (`SeatFill`), and its objective: never lower than `solution`'s.
  public static func fillFreeSeats(school: School, solution: Solution) -> (solution: Solution, objective: Int) {
    let instance = Instance(school)
    let filled = SeatFill.fill(solution, instance: instance)
    return (filled, instance.objective(of: filled))
  }

  /// The plan a timetable realises: who takes what, and for 服从调剂 students the unranked
  /// courses they got, so that a stage 3 on the timetable's sections offers every placement in it.
  public static func plan(realisedBy solution: Solution, school: School) -> CoursePlan {
    let courseOf = Dictionary(uniqueKeysWithValues: solution.sections.map { ($0.id, $0.course) })
    let students = Dictionary(school.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var takes: [(student: String, course: String)] = []
    var unranked: [String: Set<String>] = [:]
    for placement in solution.placements {
      guard let course = courseOf[placement.section], let student = students[placement.student] else { continue }
      takes.append((placement.student, course))
      if !student.choices.contains(course) { unranked[placement.student, default: []].insert(course) }
    }
    return CoursePlan(sections: [], quotas: [], takes: takes, unranked: unranked, placed: [])
  }

  /// A first timetable on `sections` realising as much of `plan` as a greedy can
  /// (`PlanRealisation`): stage 3's starting point.
  public static func firstTimetable(school: School, plan: CoursePlan, sections: [Section]) -> Solution {
    var realisation = PlanRealisation(instance: Instance(school), sections: sections)
    return realisation.solution(plan: plan)
  }
}

/// One placement of the plan's sections, ready for stage 3.
public struct SectionLayout: Sendable {
  public let sections: [Section]
  /// Where it started from, for `--verbose`.
  public let start: String
  /// The proxy it reaches and the plan's weight (equal: every planned pair fits).
  public let proxy: Int
  public let planned: Int
  /// Every planned pair fits and every course has the seats its planned students need (the
  /// proxy's view: minimum sizes and the seats of one slot shared by several courses are
  /// stage 3's to judge).
  public let realisesPlan: Bool
}
