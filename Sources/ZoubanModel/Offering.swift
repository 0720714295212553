/// Whether a course can open at all, judged from the catalog alone (no students needed).
///
/// `validate` warns about such courses before any solving, and the reports explain a course
/// that stayed closed for this reason as `no-room-or-teacher` rather than as low demand.
extension School {
  /// A short reason when no allowed slot of `course` has both a room of its type, available and
  /// big enough for `min_size` (a room whose `min(max_size, capacity)` is below `min_size` can never
  /// hold a section), and a qualified teacher available; `nil` when some slot has both.
  public func cannotOpenReason(_ course: Course) -> String? {
    let slots = course.slots.filter(week.contains)
    if slots.isEmpty { return "none of its slots is in the week" }
    if course.maxSize < course.minSize { return "max_size \(course.maxSize) is below min_size \(course.minSize)" }
    let typed = rooms.filter { $0.type == course.roomType }
    if typed.isEmpty { return "no room of type \(course.roomType)" }
    let bigEnough = typed.filter { $0.capacity >= course.minSize }
    if bigEnough.isEmpty {
      let largest = typed.map(\.capacity).max() ?? 0
      return "no room of type \(course.roomType) holds min_size \(course.minSize) (the largest holds \(largest))"
    }
    let qualified = teachers.filter { course.teachers.contains($0.id) }
    if qualified.isEmpty { return "none of its teachers is in the school" }
    let roomSlots = slots.filter { slot in bigEnough.contains { $0.isAvailable(in: slot) } }
    if roomSlots.isEmpty {
      return "no room of type \(course.roomType) that holds min_size \(course.minSize) is available in its slots"
    }
    let teacherSlots = slots.filter { slot in qualified.contains { $0.isAvailable(in: slot) } }
    if teacherSlots.isEmpty {
      return "none of its teachers (\(qualified.map(\.id).joined(separator: ", "))) is available in its slots"
    }
    if !roomSlots.contains(where: teacherSlots.contains) {
      return "no slot has both a room of type \(course.roomType) and one of its teachers available"
    }
    return nil
  }
}
