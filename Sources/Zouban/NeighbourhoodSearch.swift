import Foundation
import GLPKSolver
import ZoubanFormulation
import ZoubanModel

/// Improves a decomposition's timetable on a school small enough for the direct model, by
/// re-solving it around a few sections at a time: the sections of some courses in some slots may
/// move to any of those slots, rooms and teachers, every other open section stays where it is,
/// and every student may be re-assigned. Each such model is the direct model with most of its
/// section choices gone, so GLPK solves it in a fraction of a second, and it starts from the
/// current timetable, so it never loses.
///
/// Why: with few slots students' clashes decide, and the placement's proxy (stage 2) sees them
/// only one student's planned courses at a time. Handed the whole direct model, GLPK does not
/// improve the timetable within a minute (300 generated students, 4 slots); around a few
/// sections it can move a club and everyone it affects at once.
enum NeighbourhoodSearch {
  /// Which sections a model may move: those of `courses` in `slots`, to any of `slots`.
  struct Neighbourhood: Equatable {
    let courses: Set<String>
    let slots: Set<Slot>

    /// For the log: the courses, or the slots when every course may move.
    func label(in school: School) -> String {
      courses.count == school.courses.count
        ? "every course in \(slots.sorted().map(\.id).joined(separator: " and "))"
        : courses.sorted().joined(separator: "+")
    }
  }

  /// The improved timetable and its objective; `timetable` itself when nothing better is found.
  /// Goes round the neighbourhoods in order and stops at `deadline`, on an interrupt, or once
  /// every neighbourhood has been tried on the current timetable and found nothing (so a solve
  /// that finishes in time is deterministic). Why not whole passes: after the last improvement,
  /// the rest of that pass has already been tried on the final timetable (300 generated
  /// students, 4 slots, 200 s: the search ends at 101 s instead of 148 s, same timetable).
  /// `only`: these neighbourhoods instead of every one.
  static func improve(
    _ school: School, timetable: Solution, objective: Int, bound: Int?, options: SolveOptions, deadline: Date,
    only: [Neighbourhood]? = nil
  ) throws -> (solution: Solution, objective: Int) {
    var best = (solution: timetable, objective: objective)
    let neighbourhoods = only ?? self.neighbourhoods(school)
    let started = Date()
    var (next, tried, models) = (0, 0, 0)
    defer {
      TimetableSolver.log(
        options, "neighbourhood search: \(models) models, value \(best.objective), \(TimetableSolver.seconds(Date().timeIntervalSince(started)))")
    }
    // `tried`: neighbourhoods tried on the current timetable, the one that made it included.
    while tried < neighbourhoods.count {
      let neighbourhood = neighbourhoods[next % neighbourhoods.count]
      (next, tried) = (next + 1, tried + 1)
      let left = deadline.timeIntervalSinceNow
      guard left > 0.5, !Interrupts.requested, best.objective != bound else { break }
      let fixed = best.solution.sections.filter {
        !(neighbourhood.courses.contains($0.course) && neighbourhood.slots.contains($0.slot))
      }
      let model = Formulation(school: school, sections: fixed + candidates(school, neighbourhood))
      guard let start = model.values(of: best.solution) else { continue }
      models += 1
      guard let (solution, value) = try solve(model, from: start, options: options, timeLimit: min(left, max(1, left / 10))),
        value > best.objective
      else { continue }
      best = (solution, value)
      options.progress?.record(objective: value)
      TimetableSolver.log(
        options, "neighbourhood \(neighbourhood.label(in: school)): value \(value), \(TimetableSolver.seconds(Date().timeIntervalSince(started)))")
      tried = 1
    }
    return best
  }

  /// One neighbourhood's best timetable, or `nil` when it finds none better than `start`.
  ///
  /// GLPK first chooses the sections with students continuous, then assigns students to them
  /// exactly (`TimetableSolver.solveSectionsFirst`). Why: branching on the section columns
  /// alone, twice as many models fit in a minute (300 generated students, 4 slots: 87 → 161),
  /// and the relaxation is nearly always exact, so little is lost in the second step.
  private static func solve(
    _ model: Formulation, from start: [Double], options: SolveOptions, timeLimit: Double
  ) throws -> (Solution, Int)? {
    let exact = try TimetableSolver.solveSectionsFirst(model, from: start, options: options, timeLimit: timeLimit).exact
    guard let exact, let objective = exact.objective else { return nil }
    return (model.solution(from: exact.values), Int(objective.rounded()))
  }

  /// Every course alone, then the pairs of courses that students rank together, most such
  /// students first (a student's two clubs must go to different slots: moving both at once is
  /// what single moves miss), then every course in each pair of slots (the clubs of two slots
  /// rearranged between them at once: on the 300-student benchmark school the optimum differed
  /// from the best course-pair timetable by four clubs moved between slots).
  static func neighbourhoods(_ school: School) -> [Neighbourhood] {
    let codes = school.courses.map(\.code)
    var together: [[String]: Int] = [:]
    for student in school.students where student.electives > 1 {
      let ranked = student.choices.filter(codes.contains)
      for (i, a) in ranked.enumerated() {
        for b in ranked[(i + 1)...] { together[[a, b].sorted(), default: 0] += 1 }
      }
    }
    let pairs = together.sorted { ($1.value, $0.key.joined()) < ($0.value, $1.key.joined()) }.prefix(2 * codes.count)
    let week = Set(school.week.slots)
    let slots = school.week.slots
    let slotPairs = slots.indices.flatMap { i in slots[(i + 1)...].map { Set([slots[i], $0]) } }
    return codes.map { Neighbourhood(courses: [$0], slots: week) }
      + pairs.map { Neighbourhood(courses: Set($0.key), slots: week) }
      + slotPairs.map { Neighbourhood(courses: Set(codes), slots: $0) }
  }

  /// Every (slot, room, teacher) in the neighbourhood a section could have: the direct model
  /// keeps the ones its rules allow.
  private static func candidates(_ school: School, _ neighbourhood: Neighbourhood) -> [Section] {
    school.courses.filter { neighbourhood.courses.contains($0.code) }.flatMap { course in
      course.slots.filter(neighbourhood.slots.contains).flatMap { slot in
        school.rooms.filter { $0.type == course.roomType }.flatMap { room in
          course.teachers.map { Section(course: course.code, slot: slot, room: room.id, teacher: $0) }
        }
      }
    }
  }
}
