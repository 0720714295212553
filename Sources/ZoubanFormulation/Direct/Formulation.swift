import MIPModel
import ZoubanModel

/// SPEC §2 as one integer program (the direct joint model), documented in `docs/formulation.md`.
///
/// Variables:
/// - `x[s,c,t]` binary: student `s` attends course `c` in slot `t` (only where rule 2 allows it);
/// - `room[c,t,r]` binary: room `r` hosts a section of `c` in `t` (type, availability, and
///   `min(max_size, capacity) ≥ min_size`);
/// - `teach[c,t,p]` binary: teacher `p` teaches a section of `c` in `t`.
///
/// Rooms and teachers of one (course, slot) are chosen separately and paired afterwards: any
/// pairing is valid, so the model needs no variable per (room, teacher) pair. The number of
/// parallel sections of `c` in `t` is `Σ_r room[c,t,r] = Σ_p teach[c,t,p]`, and their students
/// can be split so that each has between `min_size` and its room's capacity exactly when
/// `min_size · sections ≤ Σ_s x ≤ Σ_r capacity_r · room[c,t,r]` (every room used holds at least
/// `min_size`), so the model is exact.
public struct Formulation: Sendable {
  /// One `x[s,c,t]` column.
  struct Attendance: Sendable {
    let student: Int
    let offering: Int
    let variable: MIPModel.VariableID
    /// What the column adds to SPEC §2's objective, `m_s · (u_s(c) + unplaced_penalty)`.
    let gain: Int
  }

  /// One `room[c,t,r]` or `teach[c,t,p]` column.
  struct Use: Sendable {
    let offering: Int
    /// Room or teacher index in the school.
    let resource: Int
    let variable: MIPModel.VariableID
  }

  public let school: School
  public internal(set) var model: MIPModel
  let linking: Bool
  let instance: Instance
  var attendances: [Attendance] = []
  var roomUses: [Use] = []
  var teacherUses: [Use] = []
  /// `attendancesByOffering[o]` → indexes into `attendances`.
  var attendancesByOffering: [[Int]]
  /// A re-solve that keeps students where they were (`Formulation+Stability.swift`), or `nil`.
  public let stability: Stability?
  /// With `stability`, the model maximises `scale · (objective + keep bonus) + kept placements`:
  /// the kept placements only break ties. 1 without.
  var scale = 1
  /// With `stability`: the previous (student index, course index, slot) placements of students
  /// still in the school.
  var previousKeys = Set<AttendanceKey>()
  /// With `stability`: `stay[s]` columns, by student index.
  var stays: [(student: Int, variable: MIPModel.VariableID)] = []

  /// The whole problem; with `sections`, only the placed sections can open, and `courses` can
  /// narrow each student's courses (decomposition stage 3).
  ///
  /// `linking` adds `x[s,c,t] ≤ Σ_r room[c,t,r]`, one row per column: it makes the LP much tighter,
  /// and slower. Stage 3 of large schools goes without (4,000 students: 11 s → 2 s, same value).
  ///
  /// `stability` adds the re-solve's keep bonus and `--max-moves` row (see `Stability`); its
  /// model's objective is then not SPEC §2's: `objective(of:)` gives that.
  public init(
    school: School, sections: [Section]? = nil, courses: CourseOptions = .all, linking: Bool = true, stability: Stability? = nil
  ) {
    self.school = school
    self.linking = linking
    self.stability = stability
    instance = Instance(school, sections: sections, courses: courses)
    model = MIPModel(name: "zouban \(school.name)", sense: .maximize)
    attendancesByOffering = Array(repeating: [], count: instance.offerings.count)
    prepareStability()
    addSectionVariables()
    addAttendanceVariables()
    addStudentRows()
    addSectionRows()
    addResourceRows()
    addStabilityRows(exact: sections == nil && courses.isAll)
    model.objectiveConstant = Double(instance.objectiveConstant() * scale)
  }

  /// Whether each student is offered only the courses listed for them (`CourseOptions.only`).
  public var offersOnlyListedCourses: Bool {
    if case .only = instance.courseOptions { return true }
    return false
  }

  /// How many columns `Formulation(school:sections:courses:)` has, without building it (at
  /// 10,000 students the direct model itself takes gigabytes).
  public static func columnCount(school: School, sections: [Section]? = nil, courses: CourseOptions = .all) -> Int {
    let instance = Instance(school, sections: sections, courses: courses)
    var count = instance.offerings.reduce(0) { $0 + $1.rooms.count + $1.teachers.count }
    for (s, student) in school.students.enumerated() where student.electives > 0 {
      for (c, pinned) in instance.acceptableCourses(of: s) {
        count += instance.offeringIndex[c].keys.filter { student.isAvailable(in: $0) && (pinned == nil || pinned == $0) }.count
      }
    }
    return count
  }
}
