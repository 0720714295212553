import Foundation
import GLPKSolver
import ZoubanFormulation
import ZoubanModel

/// Improves a decomposition's timetable on a school small enough for the direct model, by
/// re-solving it exactly around one or two courses at a time: those courses may move to any
/// slot, room and teacher, every other open section stays where it is, and every student may
/// be re-assigned. Each such model is the direct model with most of its section choices gone,
/// so GLPK solves it in a fraction of a second, and it starts from the current timetable, so
/// it never loses.
///
/// Why: with few slots students' clashes decide, and the placement's proxy (stage 2) sees them
/// only one student's planned courses at a time. Handed the whole direct model, GLPK does not
/// improve the timetable within a minute (300 generated students, 4 slots); around two courses
/// it can move a club and everyone it affects at once.
enum NeighbourhoodSearch {
  /// The improved timetable and its objective; `timetable` itself when nothing better is found.
  /// Stops at `deadline`, on an interrupt, or after a pass over every neighbourhood that found
  /// nothing (so a solve that finishes in time is deterministic).
  static func improve(
    _ school: School, timetable: Solution, objective: Int, bound: Int?, options: SolveOptions, deadline: Date
  ) throws -> (solution: Solution, objective: Int) {
    var best = (solution: timetable, objective: objective)
    let neighbourhoods = self.neighbourhoods(school)
    let started = Date()
    var (improved, models) = (true, 0)
    defer {
      TimetableSolver.log(
        options, "neighbourhood search: \(models) models, value \(best.objective), \(TimetableSolver.seconds(Date().timeIntervalSince(started)))")
    }
    while improved {
      improved = false
      for courses in neighbourhoods {
        let left = deadline.timeIntervalSinceNow
        guard left > 0.5, !Interrupts.requested, best.objective != bound else { return best }
        let fixed = best.solution.sections.filter { !courses.contains($0.course) }
        let model = Formulation(school: school, sections: fixed + candidates(school, courses))
        guard let start = model.values(of: best.solution) else { continue }
        models += 1
        let result = try TimetableSolver.glpk(options, timeLimit: min(left, max(1, left / 10)), watch: (incumbent: false, bound: false))
          .solve(model.model, warmStart: start)
        guard let value = result.objective.map({ Int($0.rounded()) }), value > best.objective else { continue }
        best = (model.solution(from: result.values), value)
        options.progress?.record(objective: value)
        TimetableSolver.log(options, "neighbourhood \(courses.sorted().joined(separator: "+")): value \(value)")
        improved = true
      }
    }
    return best
  }

  /// Every course alone, then the pairs of courses that students rank together, most such
  /// students first (a student's two clubs must go to different slots: moving both at once is
  /// what single moves miss).
  static func neighbourhoods(_ school: School) -> [Set<String>] {
    let codes = school.courses.map(\.code)
    var together: [[String]: Int] = [:]
    for student in school.students where student.electives > 1 {
      let ranked = student.choices.filter(codes.contains)
      for (i, a) in ranked.enumerated() {
        for b in ranked[(i + 1)...] { together[[a, b].sorted(), default: 0] += 1 }
      }
    }
    let pairs = together.sorted { ($1.value, $0.key.joined()) < ($0.value, $1.key.joined()) }.prefix(2 * codes.count)
    return codes.map { [$0] } + pairs.map { Set($0.key) }
  }

  /// Every (slot, room, teacher) a section of `courses` could have: the direct model keeps the
  /// ones its rules allow.
  private static func candidates(_ school: School, _ courses: Set<String>) -> [Section] {
    school.courses.filter { courses.contains($0.code) }.flatMap { course in
      course.slots.flatMap { slot in
        school.rooms.filter { $0.type == course.roomType }.flatMap { room in
          course.teachers.map { Section(course: course.code, slot: slot, room: room.id, teacher: $0) }
        }
      }
    }
  }
}
