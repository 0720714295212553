import MIPModel
import ZoubanModel

extension Formulation {
  /// The model with every `x[s,c,t]` continuous, so that branching is on the section columns
  /// alone (a few hundred at 300 students, against thousands of `x`). It is a relaxation, and on
  /// generated few-slot schools an exact one: HiGHS proved its optimum on the 300-student
  /// benchmark school equal to the best timetable known (49,020), with every `x` integral.
  /// Its sections are turned into a timetable by `fixingSections(as:)`.
  public var sectionsOnlyModel: MIPModel {
    var relaxed = model
    for a in attendances { relaxed.relax(a.variable) }
    return relaxed
  }

  /// The model with every room and teacher column fixed to its value in `values` (a solution of
  /// this model or of `sectionsOnlyModel`): what is left is assigning students to those sections.
  public func fixingSections(as values: [Double]) -> MIPModel {
    var fixed = model
    for use in roomUses + teacherUses {
      fixed.fix(use.variable, to: values[use.variable.index].rounded())
    }
    return fixed
  }

  /// Whether `values` puts every student wholly in or out of each section: then it is already a
  /// timetable of this model, and a start for `fixingSections(as:)`.
  public func placesStudentsWhole(_ values: [Double]) -> Bool {
    attendances.allSatisfy { abs(values[$0.variable.index] - values[$0.variable.index].rounded()) < 1e-6 }
  }
}
