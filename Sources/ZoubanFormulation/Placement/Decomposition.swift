import ZoubanModel

/// Entry points of the decomposition's stage 2 for the solver pipeline.
public enum Decomposition {
  /// Places the sections the course-level plan opens into slots, rooms and teachers.
  public static func placeSections(school: School, plan: CoursePlan) -> [Section] {
    var placer = SectionPlacer(instance: Instance(school), plan: plan)
    return placer.place()
  }

  /// Columns of the direct model, to decide whether solving it whole is affordable.
  public static func directModelColumns(_ school: School) -> Int {
    Formulation(school: school).model.variables.count
  }
}
