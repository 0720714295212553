import GLPKSolver
import ZoubanFormulation
import ZoubanModel

/// Explains an infeasible school: finds a small set of `fixed.csv` rows that cannot all hold.
///
/// Without fixed rows every school is feasible (opening nothing is allowed), so the conflict is
/// among them. A deletion filter drops each row in turn and keeps it out when the rest is still
/// infeasible; what remains is a minimal conflicting set (when every check finishes in time).
struct ConflictExplainer {
  let school: School
  let timeLimit: Double
  /// Check with the course-level relaxation instead of the whole model: when the relaxation is
  /// infeasible so is the school, and it is small enough to check quickly at any size.
  let relaxed: Bool

  func explain() -> [String] {
    var kept = school.fixed
    for row in school.fixed where !Interrupts.requested {
      let without = kept.filter { $0 != row }
      if isInfeasible(fixed: without) { kept = without }
    }
    let header =
      kept.count == 1
      ? "this fixed placement cannot be honoured:"
      : "these \(kept.count) fixed placements cannot all be honoured together:"
    return ["fixed.csv: \(header)"] + kept.map(describe)
  }

  /// A feasibility check: stop at the first solution found (a huge gap), within a share of the time.
  private func isInfeasible(fixed: [FixedPlacement]) -> Bool {
    var candidate = school
    candidate.fixed = fixed
    var options = GLPKSolver.Options()
    options.gap = 1e9
    options.timeLimit = max(1, timeLimit / Double(max(1, school.fixed.count)))
    let model = relaxed ? CourseLevelModel(school: candidate).model : Formulation(school: candidate).model
    guard let result = try? GLPKSolver(options: options).solve(model) else {
      return false
    }
    return result.status == .infeasible
  }

  private func describe(_ row: FixedPlacement) -> String {
    let student = school.students.first { $0.id == row.student }
    let course = school.course(row.course)
    let who = student.map { $0.name.isEmpty ? $0.id : "\($0.id) (\($0.name))" } ?? row.student
    let what = course.map { "\($0.code) (\($0.name))" } ?? row.course
    let when = row.slot.map { " in \($0.id)" } ?? ""
    return "fixed.csv:\(row.line): \(who) must attend \(what)\(when)"
  }
}
