import ZoubanModel

extension Analysis {
  /// Why a student got fewer electives than asked, in one short sentence a parent understands:
  /// for each choice not attended, in rank order, what stopped it.
  public func unplacedReason(for student: Student) -> String {
    let mine = sectionsOf[student.id] ?? []
    let attended = Set(mine.map(\.course))
    let busy = Set(mine.map(\.slot))
    let pending = student.choices.filter { !attended.contains($0) }
    if student.choices.isEmpty {
      return student.acceptAny ? "未填写志愿，且没有可调剂的课程名额" : "未填写志愿"
    }
    if pending.isEmpty {
      return student.acceptAny ? "所填志愿均已录取，其余课程无可调剂名额" : "所填志愿均已录取，志愿数少于选课数"
    }
    var parts = pending.compactMap { code -> String? in
      guard let course = course(code) else { return nil }
      let label = "第\(student.rank(of: code)!)志愿\(course.name)"
      return "\(label)\(obstacle(course: course, student: student, busy: busy))"
    }
    if student.acceptAny { parts.append("其余课程无可调剂名额") }
    return parts.joined(separator: "；")
  }

  /// What kept the student out of one course.
  private func obstacle(course: Course, student: Student, busy: Set<Slot>) -> String {
    guard course.grades.contains(student.grade) else { return "不招收\(student.grade)年级" }
    let open = sectionsByCourse[course.code] ?? []
    if open.isEmpty {
      if neverOpens.contains(course.code) { return "未开设（没有合适的场地或教师）" }
      return "未开班（报名不足\(course.minSize)人）"
    }
    let attendable = open.filter { student.isAvailable(in: $0.slot) }
    if attendable.isEmpty { return "开课时间该生不能参加" }
    let free = attendable.filter { !busy.contains($0.slot) }
    if free.isEmpty { return "与已录取课程时间冲突" }
    // A seat left in a slot the student has free means the timetable is not optimal (the
    // solver would have taken it); the office can move the student in by hand.
    let roomy = free.filter { (enrolment[$0.id] ?? 0) < capacity(of: $0, course: course) }
    if let section = roomy.first { return "\(slotLabel(section.slot))的班仍有空位，可调入" }
    return "已满"
  }
}
