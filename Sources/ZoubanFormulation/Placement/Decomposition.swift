import ZoubanModel

/// Entry points of the decomposition's stage 2 for the solver pipeline.
public enum Decomposition {
  /// Places the sections the course-level plan opens into slots, rooms and teachers.
  /// Also returns the proxy reached against the plan's weight (equal: every planned pair fits).
  public static func placeSections(school: School, plan: CoursePlan) -> (sections: [Section], proxy: Int, planned: Int) {
    var placer = SectionPlacer(instance: Instance(school), plan: plan)
    let sections = placer.place()
    let proxy = placer.proxy
    return (sections, proxy.value, proxy.planned)
  }
}
