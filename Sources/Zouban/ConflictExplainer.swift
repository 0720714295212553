import GLPKSolver
import MIPModel
import ZoubanFormulation
import ZoubanModel

/// Explains an infeasible school: finds a small set of `fixed.csv` rows that cannot all hold.
///
/// Without fixed rows every school is feasible (opening nothing is allowed), so the conflict is
/// among them. A deletion filter drops each row in turn and keeps it out when the rest is still
/// infeasible; what remains is a minimal conflicting set (when every check finishes in time).
struct ConflictExplainer {
  let school: School
  /// The solve's own deadline: explaining is part of the solve and ends with it. Each check gets
  /// an equal share of what is left; a check that runs out of time keeps its row in the set,
  /// which then still cannot all be honoured, only maybe not minimal.
  let deadline: Deadline
  /// Check with the course-level relaxation instead of the whole model: when the relaxation is
  /// infeasible so is the school, and it is small enough to check quickly at any size.
  let relaxed: Bool

  /// Throws when GLPK fails on a check: a failure is not an answer, and taking it for
  /// "feasible" would keep rows for a reason that is not theirs.
  func explain() throws(GLPKError) -> [String] {
    var kept = school.fixed
    for (i, row) in school.fixed.enumerated() where !deadline.expired {
      let without = kept.filter { $0 != row }
      if try isInfeasible(fixed: without, within: deadline.remaining / Double(school.fixed.count - i)) { kept = without }
    }
    let header =
      kept.count == 1
      ? "this fixed placement cannot be honoured:"
      : "these \(kept.count) fixed placements cannot all be honoured together:"
    return ["fixed.csv: \(header)"] + kept.map(describe)
  }

  /// A feasibility check: stop at the first solution found (a huge gap), within `seconds`.
  private func isInfeasible(fixed: [FixedPlacement], within seconds: Double) throws(GLPKError) -> Bool {
    var candidate = school
    candidate.fixed = fixed
    var options = GLPKSolver.Options()
    options.gap = 1e9
    options.timeLimit = seconds
    let model = relaxed ? CourseLevelModel(school: candidate).model : Formulation(school: candidate).model
    return try GLPKSolver(options: options).solve(model).status == .infeasible
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
