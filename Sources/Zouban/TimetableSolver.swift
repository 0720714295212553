import Foundation
import GLPKSolver
import MIPModel
import ZoubanFormulation
import ZoubanModel

/// Solves a school: formulates SPEC §2, hands it to GLPK, and reads the answer back honestly.
///
/// Schools go through the decomposition (`docs/formulation.md`); small ones, where it proves
/// nothing, then through the whole direct model, which is exact (`solveSmall`). The
/// decomposition: (1) the course-level relaxation gives a plan and a proven bound, (2) the plan's
/// sections are placed into slots, rooms and teachers, (3) GLPK assigns students to the placed
/// sections. When (3) reaches (1)'s bound the timetable is proven optimal.
public enum TimetableSolver {
  /// Above this many columns the direct model's root LP alone gets slow (measured: 52k columns
  /// at 600 students did not finish it in 40 s): the decomposition alone, no direct model after it.
  public static let directModelLimit = 6000

  /// Above this many columns stage 3 goes without linking rows: with them, GLPK's simplex
  /// needed 68 s for the root LP of the 72,000-column stage 3 at 4,000 students; without, 15 s.
  public static let stage3Limit = 30000

  /// Above this many columns stage 3 offers each student only their planned courses (10,000
  /// students: ~180,000 columns with their ranked courses, 70,000 without; 23 s to solve).
  public static let stage3RankedLimit = 100_000

  /// Above this many columns the course-level model goes without its linking rows
  /// (`CourseLevelModel.init`): 4,000 generated students give 18,609 columns (linking helps:
  /// 8 s), 10,000 give 45,594 (with linking the root LP does not finish in 45 s; without, 15 s).
  public static let courseLevelLinkingLimit = 25000

  /// Up to this many columns of the direct model, a decomposition that did not prove optimality
  /// spends the time left on `NeighbourhoodSearch`, whose models fix all but a few sections
  /// and stay small (阳光小学 under a 2,000-yuan budget: 46,201 columns whole, ~1 s a model,
  /// 87,610 → 87,770 in the 29 s stage 1 left over).
  public static let neighbourhoodLimit = 100_000

  /// Up to this many course-level columns, a decomposition that did not prove optimality goes
  /// to the clash models (`clashBounds`) even when the direct model is above `polishLimit`:
  /// their size follows the course level's, not the direct model's. Generated schools (course-level
  /// columns): 500 students, 25 clubs, 6 slots, seed 1 (2,681), 58,445 / 58,565 after 60 s of
  /// neighbourhood search, proven optimal at 58,485 in 10 s; 600 / 30 / 10, seed 1 (3,350),
  /// 98,105 / 98,180 → proven optimal at 98,175 in 6 s. The 1,500-student benchmark school has 8,007.
  public static let clashModelLimit = 4000

  /// Up to this many columns, a decomposition that did not prove optimality hands its timetable,
  /// as a warm start for the time left, to the direct model with students continuous (`polish`).
  public static let polishLimit = 20000

  /// Solves `school`. Throws only when GLPK itself fails; infeasibility and time limits are outcomes.
  public static func solve(_ school: School, options: SolveOptions = SolveOptions()) throws -> SolveOutcome {
    var options = options
    if options.deadline == nil { options.deadline = Deadline(seconds: options.timeLimit, stop: { Interrupts.requested }) }
    if let stability = options.stability { return try solveStable(school, stability: stability, options: options) }
    let columns = Formulation.columnCount(school: school)
    let small = columns <= directModelLimit
    // The placement keeps slots as bits of a UInt64.
    let decomposable = school.week.slots.count <= 64
    if options.method == .automatic && small && decomposable { return try solveSmall(school, options: options) }
    if options.method == .direct || !decomposable {
      return try solveDirect(school, formulation: Formulation(school: school), options: options, timeLimit: options.timeLimit)
    }
    let started = Date()
    var decomposed = try solveDecomposed(school, options: options)
    guard options.method == .automatic, decomposed.status == .feasible, columns <= neighbourhoodLimit, !Interrupts.requested
    else {
      return decomposed
    }
    if columns <= polishLimit || CourseLevelModel(school: school).model.variables.count <= clashModelLimit {
      decomposed = try clashBounds(school, from: decomposed, options: options, started: started)
    }
    guard decomposed.status == .feasible, !Interrupts.requested, let objective = decomposed.objective else { return decomposed }
    let searched = try NeighbourhoodSearch.improve(
      school, timetable: decomposed.solution, objective: objective, bound: decomposed.bound, options: options,
      deadline: started.addingTimeInterval(options.timeLimit))
    if searched.objective > objective {
      decomposed = SolveOutcome(
        status: searched.objective == decomposed.bound ? .optimal : .feasible, solution: searched.solution, objective: searched.objective,
        bound: decomposed.bound, seconds: Date().timeIntervalSince(started), conflicts: [])
    }
    let left = options.timeLimit - Date().timeIntervalSince(started)
    guard decomposed.status == .feasible, left > 1, columns <= polishLimit, !Interrupts.requested,
      var polished = try polish(school, from: decomposed, options: options, timeLimit: left)
    else { return decomposed }
    log(options, "polish (whole model, students continuous): value \(polished.objective ?? 0), bound \(polished.bound ?? 0)")
    polished.seconds = Date().timeIntervalSince(started)
    return polished
  }

  /// A school small enough for the direct model: first the decomposition and its clash models
  /// with a quarter of the time, which on few slots prove in a second what the direct model
  /// cannot prove in a minute; when they prove the optimum (or reach `--gap`), that is the
  /// answer. Otherwise the direct model gets the time left, started from their timetable and
  /// under their bound, as before: exact, and the way infeasible schools get their conflicts.
  ///
  /// Generated schools of 200 students, 15 clubs and 4 slots (under `directModelLimit` columns):
  /// seed 1, 0.2 % short after 60 s of the direct model alone, proven optimal in 0.5 s; seed 2,
  /// 22 s → 0.3 s.
  static func solveSmall(_ school: School, options: SolveOptions) throws -> SolveOutcome {
    let started = Date()
    var first = options
    first.timeLimit = options.timeLimit / 4
    first.deadline = options.deadline?.share(0.25)
    var decomposed = try solveDecomposed(school, options: first)
    if decomposed.status == .feasible, !Interrupts.requested {
      decomposed = try clashBounds(school, from: decomposed, options: first, started: started)
    }
    let done = decomposed.status == .optimal || (options.gap > 0 && (decomposed.gap ?? .infinity) <= options.gap)
    if done || Interrupts.requested { return decomposed }
    var direct = try finishDirect(
      school, from: decomposed, options: options, timeLimit: options.timeLimit - Date().timeIntervalSince(started))
    direct.seconds = Date().timeIntervalSince(started)
    return direct
  }

  /// The direct model, started from `decomposed`'s timetable (when it has one) and under its
  /// bound; the better timetable and the tighter bound come back.
  static func finishDirect(_ school: School, from decomposed: SolveOutcome, options: SolveOptions, timeLimit: Double) throws -> SolveOutcome {
    let formulation = Formulation(school: school)
    let start = decomposed.objective == nil ? nil : formulation.values(of: decomposed.solution)
    let direct = try solveDirect(
      school, formulation: formulation, options: options, timeLimit: timeLimit, extraBound: decomposed.bound, warmStart: start)
    return direct.status == .infeasible ? direct : combine(decomposed, direct, seconds: direct.seconds)
  }

  /// `clashBound`, then, where a gap is left and the school has courses with several sections,
  /// the same with slots for those too: tighter, and slower, so second, from the best timetable
  /// so far.
  ///
  /// Generated 300-student schools, 4 slots: the first proves seeds 2026, 11–13, 15, 18, 19 and
  /// 22–24 optimal (14 is by stage 3); slots for several-section courses prove seeds 16, 17, 20
  /// and 21 (16, 17 and 21: 0.68 %, 0.16 % and 0.04 % after the first).
  ///
  /// They get three quarters of the time left: on schools with few slots they are what proves
  /// optimality (300 generated students, 4 slots: seed 20's two need 25 s of a 60-s solve, and
  /// the neighbourhood search after them found nothing on these schools); the rest goes to that search.
  static func clashBounds(
    _ school: School, from timetable: SolveOutcome, options: SolveOptions, started: Date
  ) throws -> SolveOutcome {
    let began = Date()
    let timeLimit = (options.timeLimit - began.timeIntervalSince(started)) * 3 / 4
    guard timeLimit > 0.5 else { return timetable }
    var result = try clashBound(school, from: timetable, options: options, started: started, timeLimit: timeLimit)
    log(options, "clash bound (course level with clash rows): value \(result.objective ?? 0), bound \(result.bound ?? 0)")
    let left = timeLimit - Date().timeIntervalSince(began)
    // Any gap: seed 17's 0.16 % is proven by it in 8.8 s; where it does not finish, only the
    // neighbourhood search loses time, and on seed 20 that found nothing anyway.
    guard result.status == .feasible, result.objective != nil, left > 0.5, !Interrupts.requested,
      school.courses.contains(where: { $0.maxSections > 1 })
    else { return result }
    result = try clashBound(school, from: result, options: options, started: started, timeLimit: left, slotsForSeveral: true)
    log(options, "clash bound, slots for courses with several sections: value \(result.objective ?? 0), bound \(result.bound ?? 0)")
    return result
  }

  /// Proves a tighter bound than stage 1's where clashes are what it misses, and on the way may
  /// find a better timetable: the course level with clash rows (`CourseLevelModel`'s `clashes`),
  /// cut off below one objective step above `timetable`, GLPK branching on which slots each
  /// course meets in first. When no point is left, `timetable` is optimal. The solution GLPK
  /// ends with (better than `timetable` in the relaxation) has its sections assigned exactly,
  /// then those of courses with several sections moved.
  ///
  /// Generated schools of 300 students, 20 clubs and 4 slots (seeds 2026, 11, 12, 13): stage 1
  /// proves 49,375, 51,685, 49,950, 51,080; this proves the optimum of each, 49,020, 51,410,
  /// 49,645 and 50,905, in 2.2–3.0, 0.7, 0.8 and 12–15 s (branching on sections first; on
  /// slots alone, 2026 took 30–34 s).
  static func clashBound(
    _ school: School, from timetable: SolveOutcome, options: SolveOptions, started: Date, timeLimit: Double,
    slotsForSeveral: Bool = false
  ) throws -> SolveOutcome {
    guard let value = timetable.objective else { return timetable }
    let began = Date()
    var clash = CourseLevelModel(school: school, clashes: true, slotsForSeveral: slotsForSeveral)
    // Without a step (no column has an objective) the model's value is fixed: no cutoff.
    let step = clash.requireBetter(than: value)
    var solver = glpk(options, timeLimit: timeLimit, watch: (incumbent: false, bound: true))
    solver.options.branchFirst = clash.branchOrder
    // Measured on generated 300-student schools with 4 slots: cuts made each node slower than
    // they made the tree smaller (the bound 60 s with them reached, 19 s without), and the
    // best-projection node order proves in 14.6 s what the default takes 23.7 s for.
    solver.options.cuts = false
    solver.options.bestProjection = true
    let result = try solver.solve(clash.model)
    log(options, "clash rows: \(result.status.rawValue), value \(result.objective.map { Int($0.rounded()) } ?? 0), bound \(result.bound.map { Int($0.rounded()) } ?? 0), \(clash.model.variables.count) columns, \(seconds(result.seconds))")
    let proven = result.status == .infeasible ? Double(value) : result.bound.map { max(Double(value), $0) }
    let bound = [proven.map { onGrid($0, from: value, step: step ?? 1) }, timetable.bound].compactMap { $0 }.min()
    options.progress?.record(bound: bound)
    var found = SolveOutcome(status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: 0, conflicts: [])
    if let relaxed = result.objective {
      let plan = clash.plan(from: result.values)
      let start = Decomposition.firstTimetable(school: school, plan: plan, sections: plan.placed)
      let stage3 = stage3Formulation(school, plan: plan, sections: plan.placed)
      found = try assign(school, stage3, from: start, bound: bound, options: options, started: started, label: "clash rows' sections") ?? found
      // Without `slotsForSeveral`, courses with several sections have no clash rows, so their
      // sections may clash where the relaxation saw none: every other section stays and those
      // move (`NeighbourhoodSearch`; 300 generated students, 4 slots, with the model before
      // 服从调剂 placements had slots: 48,575 → 49,020, the optimum, in 1.3 s).
      let several = Set(school.courses.filter { $0.maxSections > 1 }.map(\.code))
      if let objective = found.objective, Double(objective) < relaxed - 0.5, !several.isEmpty {
        let moved = try NeighbourhoodSearch.improve(
          school, timetable: found.solution, objective: objective, bound: bound, options: options,
          deadline: started.addingTimeInterval(options.timeLimit),
          only: [.init(courses: several, slots: Set(school.week.slots))])
        if moved.objective > objective {
          found = SolveOutcome(status: .feasible, solution: moved.solution, objective: moved.objective, bound: bound, seconds: 0, conflicts: [])
        }
      }
    }
    return combine(timetable, found, seconds: timetable.seconds + Date().timeIntervalSince(began))
  }

  /// The largest objective at most `bound` that a timetable can have, when every timetable's
  /// objective is `value` plus whole steps. GLPK's bound is a float: 49,024.9999 means 49,025,
  /// which must not lose a step.
  static func onGrid(_ bound: Double, from value: Int, step: Int) -> Int {
    let steps = (bound - Double(value) + 1e-6 * max(1, abs(bound))) / Double(step)
    return value + Int(steps.rounded(.down)) * step
  }

  /// Improves `timetable` with the whole direct model, students continuous
  /// (`Formulation.sectionsOnlyModel`), warm-started from it, then assigns students exactly to
  /// the sections found; the better timetable comes back, under the tighter bound. `nil` when
  /// the timetable is not one of the model's. The relaxation's bound holds for the school.
  ///
  /// Why not the direct model itself: GLPK branches on the section columns only, and the
  /// relaxation is exact on the schools measured. 300 generated students, 4 slots, 350 s from
  /// the optimum 49,020: bound 49,164, where the course level proves 49,375 and HiGHS on the
  /// direct model had 49,230 after 900 s.
  static func polish(
    _ school: School, from timetable: SolveOutcome, options: SolveOptions, timeLimit: Double
  ) throws -> SolveOutcome? {
    let began = Date()
    let direct = Formulation(school: school)
    guard let warm = direct.values(of: timetable.solution) else { return nil }
    let (relaxed, exact) = try solveSectionsFirst(direct, from: warm, options: options, timeLimit: timeLimit, reserve: 0.5, watchBound: true)
    let bound = [integerBound(relaxed.bound), timetable.bound].compactMap { $0 }.min()
    options.progress?.record(bound: bound)
    var polished = SolveOutcome(
      status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: 0, conflicts: [])
    if let exact, exact.objective != nil {
      polished = try outcome(exact, bound: bound, school: school, options: options) { direct.solution(from: $0) }
    }
    // The exact step can do worse than `timetable` where the relaxation is not exact.
    return combine(timetable, polished, seconds: Date().timeIntervalSince(began))
  }

  /// `formulation` in two steps: GLPK chooses the sections with students continuous
  /// (`Formulation.sectionsOnlyModel`), warm-started from `start`, within `timeLimit` less
  /// `reserve`; then students are assigned exactly to the sections it chose
  /// (`Formulation.fixingSections(as:)`), at once when it already placed every student whole.
  /// `exact` is `nil` when the first step found nothing better than `start`. The first step is
  /// a relaxation: its bound holds for the formulation's problem (`watchBound` shows it live).
  static func solveSectionsFirst(
    _ formulation: Formulation, from start: [Double], options: SolveOptions, timeLimit: Double, reserve: Double = 0,
    watchBound: Bool = false
  ) throws -> (relaxed: MIPResult, exact: MIPResult?) {
    let began = Date()
    let relaxed = try glpk(options, timeLimit: timeLimit - reserve, watch: (incumbent: false, bound: watchBound))
      .solve(formulation.sectionsOnlyModel, warmStart: start)
    guard let value = relaxed.objective, value > formulation.model.objectiveValue(start) + 0.5 else { return (relaxed, nil) }
    let whole = formulation.placesStudentsWhole(relaxed.values)
    let exact = try glpk(options, timeLimit: max(0, timeLimit - Date().timeIntervalSince(began)), watch: (incumbent: true, bound: false))
      .solve(formulation.fixingSections(as: relaxed.values), warmStart: whole ? relaxed.values : nil)
    return (relaxed, exact)
  }

  /// Two answers to the same school: the better timetable, under the tighter of the two proven bounds.
  private static func combine(_ a: SolveOutcome, _ b: SolveOutcome, seconds: Double) -> SolveOutcome {
    let best = (b.objective ?? Int.min) > (a.objective ?? Int.min) ? b : a
    let bound = [a.bound, b.bound].compactMap { $0 }.min()
    let proven = best.objective != nil && best.objective == bound
    return SolveOutcome(
      status: proven ? .optimal : best.status, solution: best.solution, objective: best.objective, bound: bound,
      seconds: seconds, conflicts: best.conflicts)
  }

  /// The whole problem in one model.
  static func solveDirect(
    _ school: School, formulation: Formulation, options: SolveOptions, timeLimit: Double, extraBound: Int? = nil,
    warmStart: [Double]? = nil
  ) throws -> SolveOutcome {
    let result = try glpk(options, timeLimit: timeLimit, watch: (incumbent: true, bound: true))
      .solve(formulation.model, warmStart: warmStart ?? emptyStart(school, formulation.model))
    let bound = [integerBound(result.bound), extraBound].compactMap { $0 }.min()
    options.progress?.record(objective: result.objective.map { Int($0.rounded()) }, bound: bound)
    return try outcome(result, bound: bound, school: school, options: options) { formulation.solution(from: $0) }
  }

  /// The decomposition; with `stability` (a re-solve, `StableSolver.swift`), stage 3 also
  /// offers every previous (course, slot) and weighs keeping students where they were.
  static func solveDecomposed(_ school: School, options: SolveOptions, stability: Stability? = nil) throws -> SolveOutcome {
    let started = Date()
    let deadline = options.deadline ?? Deadline(seconds: options.timeLimit)
    let remaining = { deadline.remaining }
    let pack = { (model: MIPModel, start: [Double]) throws -> [Double]? in
      // The packing is small; a tenth of the time left is plenty, and a packing stopped early
      // still returns the greedy's start or better.
      let result = try glpk(options, timeLimit: remaining() / 10, watch: (incumbent: false, bound: false))
        .solve(model, warmStart: start)
      return result.objective == nil ? nil : result.values
    }
    // A timetable before stage 1, returned if nothing better comes (see `QuickPlan`).
    var quick: (solution: Solution, objective: Int)?
    // It sees neither fixed.csv nor a teacher-pay budget.
    if school.fixed.isEmpty && school.rules.teacherPayBudget == nil && stability == nil
      && quickTimetableSeconds(school) < remaining() / 4
    {
      quick = try Decomposition.quickTimetable(school: school, deadline: deadline, solve: pack)
      options.progress?.record(objective: quick!.objective)
      log(options, "quick timetable (no GLPK): value \(quick!.objective), \(seconds(Date().timeIntervalSince(started)))")
    }
    /// The better of `result` and the quick timetable.
    func orQuick(_ result: SolveOutcome) -> SolveOutcome {
      guard let quick, quick.objective > (result.objective ?? Int.min) else { return result }
      return SolveOutcome(
        status: quick.objective == result.bound ? .optimal : .feasible, solution: quick.solution, objective: quick.objective,
        bound: result.bound, seconds: Date().timeIntervalSince(started), conflicts: [])
    }
    // Stage 1: the course-level relaxation, with up to half the time.
    // Linking rows add rows, not columns: build without them first, so that a large school's
    // model is built once.
    var courseLevel = CourseLevelModel(school: school, linking: false)
    if courseLevel.model.variables.count <= courseLevelLinkingLimit {
      courseLevel = CourseLevelModel(school: school)
    }
    var stage1 = glpk(options, timeLimit: remaining() / 2, watch: (incumbent: false, bound: true))
    stage1.options.lpPresolve = true
    let first = try stage1.solve(
      courseLevel.model, warmStart: quick.flatMap { courseLevel.values(of: $0.solution) } ?? emptyStart(school, courseLevel.model))
    let bound = integerBound(first.bound)
    options.progress?.record(bound: bound)
    log(options, "stage 1 (course level): \(first.status.rawValue), value \(first.objective.map { Int($0.rounded()) } ?? 0), bound \(bound ?? 0), \(courseLevel.model.variables.count) columns, \(seconds(first.seconds))")
    guard first.status == .optimal || first.status == .feasible else {
      // The relaxation has no solution: then neither has the school (or time ran out).
      return try outcome(first, bound: bound, school: school, options: options, relaxed: true) { _ in .empty }
    }
    let plan = courseLevel.plan(from: first.values)
    if Interrupts.requested || (plan.planned.isEmpty && first.status != .optimal) {
      // Stopped during stage 1 (Ctrl-C, or a school so large that its root LP did not finish
      // in time): no plan to place, so the timetable is the quick one, or opening nothing.
      // Building stage 3 for every section anyway would overrun the time limit by minutes at
      // 100,000 students.
      let objective = Int(courseLevel.model.objectiveConstant)
      let nothing =
        school.fixed.isEmpty
        ? SolveOutcome(status: .feasible, solution: .empty, objective: objective, bound: bound, seconds: first.seconds, conflicts: [])
        : SolveOutcome(status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: first.seconds, conflicts: [])
      // Without a plan the quick timetable's own sections still get their students assigned
      // exactly in the time left, where that is enough to build the model (the estimate that
      // gates the quick timetable): on a demand-sized school of 3,000 students stage 1's first
      // plan came at 29.8 s of its 30, or in another run not at all, and the solve returned the
      // quick timetable, 14 % below the bound, at half its time.
      if !deadline.expired, let quick, quickTimetableSeconds(school) * 4 < remaining() {
        let quickPlan = Decomposition.plan(realisedBy: quick.solution, school: school)
        let stage3 = stage3Formulation(school, plan: quickPlan, sections: quick.solution.sections)
        if let result = try assign(
          school, stage3, from: quick.solution, bound: bound, options: options, started: started, label: "quick timetable's sections")
        {
          return orQuick(result)
        }
      }
      return orQuick(nothing)
    }
    // Stage 2: place the planned sections, from two starts (see `SectionPlacer.place`).
    // Its local search may take half the time left: stage 3 needs the rest to assign students.
    let placements = try Decomposition.placeSections(school: school, plan: plan, deadline: deadline.share(0.5), solve: pack)
    for placement in placements {
      log(options, "stage 2 (placement): \(placement.sections.count) sections from the \(placement.start), proxy \(placement.proxy) of \(placement.planned) planned")
    }
    if let stability {
      return try stableStage3(school, plan: plan, sections: placements[0].sections, stability: stability, bound: bound, options: options, started: started)
    }
    // Stage 3: assign students to the placed sections (any of which may stay closed). Stage 3
    // is the judge of a placement: the second one gets its turn when the first did not reach
    // the bound and took under a quarter of the time left (on the sample schools and up to
    // 1,500 generated students, a second or two).
    var best: SolveOutcome?
    /// Keeps `result` when it is the first or a better timetable.
    func keep(_ result: SolveOutcome) {
      if best == nil || (result.objective ?? Int.min) > (best?.objective ?? Int.min) { best = result }
    }
    var lastSeconds = 0.0
    for (i, placement) in placements.enumerated() {
      if i > 0 {
        guard best?.status != .optimal, lastSeconds * 4 < remaining(), !Interrupts.requested else { break }
      }
      let began = Date()
      defer { lastSeconds = Date().timeIntervalSince(began) }
      var start = Decomposition.firstTimetable(school: school, plan: plan, sections: placement.sections)
      let stage3 = stage3Formulation(school, plan: plan, sections: placement.sections)
      if placement.realisesPlan && !stage3.offersOnlyListedCourses {
        // The certificate first: when the placement fits the whole plan, a model that offers
        // most students only their planned courses (`focused`) is a third to half the size,
        // and reaching the bound in it proves the timetable optimal (4,000 generated students:
        // 4 s instead of 16–19 s). When it does not, its timetable starts the full stage 3.
        let focused = stage3Formulation(school, plan: plan, sections: placement.sections, focused: true)
        if let result = try assign(
          school, focused, from: start, bound: bound, options: options, started: started, label: "focused, \(placement.start)")
        {
          keep(result)
          if result.status == .optimal || Interrupts.requested { break }
          start = result.solution
        }
      }
      if let result = try assign(school, stage3, from: start, bound: bound, options: options, started: started, label: placement.start) {
        keep(result)
      }
    }
    guard var result = best else {
      // No placement can honour fixed.csv; the whole model decides with the time left.
      return try solveDirect(school, formulation: Formulation(school: school), options: options, timeLimit: remaining(), extraBound: bound)
    }
    result.seconds = Date().timeIntervalSince(started)
    return orQuick(result)
  }

  /// Stage 3 on one model, warm-started from `start` (a timetable on the same sections), or `nil`
  /// when the model is infeasible (fixed.csv rows the placement cannot honour).
  private static func assign(
    _ school: School, _ stage3: Formulation, from start: Solution, bound: Int?, options: SolveOptions, started: Date,
    label: String
  ) throws -> SolveOutcome? {
    // A start that breaks a row (the plan's spare sections over a teacher-pay budget) would be
    // refused by GLPK; opening nothing never breaks one.
    let first = stage3.values(of: start).flatMap { stage3.model.violatedRows($0).isEmpty ? $0 : nil }
    if let first {
      let value = Int(stage3.model.objectiveValue(first).rounded())
      options.progress?.record(objective: value)
      log(options, "stage 3 (\(label)) starts from a timetable of value \(value), \(seconds(Date().timeIntervalSince(started))) into the solve")
    }
    let timeLimit = (options.deadline ?? Deadline(seconds: options.timeLimit - Date().timeIntervalSince(started))).remaining
    let third = try glpk(options, timeLimit: timeLimit, watch: (incumbent: true, bound: false))
      .solve(stage3.model, warmStart: first ?? emptyStart(school, stage3.model))
    log(options, "stage 3 (assignment, \(label)): \(third.status.rawValue), value \(third.objective.map { Int($0.rounded()) } ?? 0), \(stage3.model.variables.count) columns, \(seconds(third.seconds))")
    guard third.status != .infeasible else { return nil }
    options.progress?.record(objective: third.objective.map { Int($0.rounded()) })
    return filled(try outcome(third, bound: bound, school: school, options: options) { stage3.solution(from: $0) }, school: school, options: options)
  }

  /// `result` with the free seats of its sections given to students with electives to spare
  /// (`Decomposition.fillFreeSeats`): stage 3 offers each student only some courses.
  static func filled(_ result: SolveOutcome, school: School, options: SolveOptions) -> SolveOutcome {
    guard let objective = result.objective else { return result }
    let (solution, value) = Decomposition.fillFreeSeats(school: school, solution: result.solution)
    guard value > objective else { return result }
    log(options, "free seats filled: value \(objective) -> \(value)")
    options.progress?.record(objective: value)
    return SolveOutcome(
      status: value == result.bound ? .optimal : .feasible, solution: solution, objective: value, bound: result.bound,
      seconds: result.seconds, conflicts: [])
  }

  /// What the quick timetable should take (release build): it grows with students × clubs,
  /// measured 0.77 s at 10,000 × 120 and 6.8 s at 100,000 × 200. It is made only when that is
  /// under a quarter of the time limit: a 100,000-student school with 5 s goes without.
  static func quickTimetableSeconds(_ school: School) -> Double {
    Double(school.students.count * school.courses.count) * 0.35e-6
  }

  /// Stage 3's model: the direct model restricted to the placed sections, each student offered
  /// their ranked courses and the unranked ones the plan gives their group (only their planned
  /// courses above `stage3RankedLimit` columns). `focused`: only their planned courses, except
  /// for students the plan gives fewer courses than they asked for, who keep all their options.
  static func stage3Formulation(
    _ school: School, plan: CoursePlan, sections: [Section], stability: Stability? = nil, focused: Bool = false
  ) -> Formulation {
    var unranked = plan.unranked
    var planned = plan.planned
    var sections = sections
    if let stability {
      // A re-solve: every previous (course, slot) that can still run is offered too, with all
      // its rooms and teachers, and so is each student's previous course.
      sections += stability.sectionsToOffer(in: school)
      for (student, previous) in stability.previousCourses(in: school) {
        unranked[student, default: []].formUnion(previous)
        planned[student, default: []].formUnion(previous)
      }
    }
    var courses = CourseOptions.rankedAnd(unranked: unranked)
    if focused {
      // Students the plan leaves short of their electives keep every option: the plan's
      // value can need them placed where the course level did not put them (at 4,000
      // generated students, offering only planned courses ended 410 below the bound).
      for student in school.students where planned[student.id, default: []].count < student.electives {
        planned[student.id, default: []].formUnion(student.choices)
        planned[student.id, default: []].formUnion(unranked[student.id, default: []])
      }
      courses = .only(planned)
    }
    let size = Formulation.columnCount(school: school, sections: sections, courses: courses)
    if size > stage3RankedLimit { courses = .only(planned) }
    return Formulation(school: school, sections: sections, courses: courses, linking: size <= stage3Limit, stability: stability)
  }

  /// Progress of the stages on stderr, with `--verbose`.
  static func log(_ options: SolveOptions, _ line: @autoclosure () -> String) {
    if options.verbose { FileHandle.standardError.write(Data(("zouban: " + line() + "\n").utf8)) }
  }

  static func seconds(_ s: Double) -> String { String(format: "%.2f s", s) }

  /// GLPK with the solve's settings. `watch` says which of the search's live figures count for
  /// the timetable (see `SolveProgress`).
  static func glpk(_ options: SolveOptions, timeLimit: Double, watch: (incumbent: Bool, bound: Bool)) -> GLPKSolver {
    var glpk = GLPKSolver.Options()
    if let progress = options.progress {
      progress.watch(incumbent: watch.incumbent, bound: watch.bound)
      glpk.live = progress.live
    }
    // No phase outlives the solve, whatever share it asked for.
    glpk.timeLimit = max(0, min(timeLimit, options.deadline?.remaining ?? timeLimit))
    glpk.gap = options.gap
    glpk.verbose = options.verbose
    glpk.memoryLimitMB = options.memoryLimitMB
    return GLPKSolver(options: glpk)
  }

  /// Without fixed rows, opening nothing is feasible: handing GLPK that point means even a search
  /// stopped early has a timetable to return.
  static func emptyStart(_ school: School, _ model: MIPModel) -> [Double]? {
    school.fixed.isEmpty ? [Double](repeating: 0, count: model.variables.count) : nil
  }

  /// The objective is an integer, so any bound can be rounded down.
  static func integerBound(_ bound: Double?) -> Int? {
    bound.map { Int(($0 + 1e-6).rounded(.down)) }
  }

  /// `relaxed`: the course-level relaxation proved infeasibility, so it also serves to explain it.
  static func outcome(
    _ result: MIPResult, bound: Int?, school: School, options: SolveOptions, relaxed: Bool = false,
    solution: ([Double]) -> Solution
  ) throws -> SolveOutcome {
    let objective = result.objective.map { Int($0.rounded()) }
    switch result.status {
    case .infeasible:
      let conflicts = try ConflictExplainer(school: school, deadline: options.deadline ?? .none, relaxed: relaxed).explain()
      return SolveOutcome(status: .infeasible, solution: .empty, objective: nil, bound: nil, seconds: result.seconds, conflicts: conflicts)
    case .noSolution:
      return SolveOutcome(status: .timeLimitNoSolution, solution: .empty, objective: nil, bound: bound, seconds: result.seconds, conflicts: [])
    case .optimal, .feasible:
      let proven = objective != nil && objective == bound
      return SolveOutcome(
        status: proven ? .optimal : .feasible, solution: solution(result.values), objective: objective,
        bound: proven ? objective : bound, seconds: result.seconds, conflicts: [])
    }
  }
}
