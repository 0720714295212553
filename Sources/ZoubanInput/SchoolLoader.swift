import Foundation
import ZoubanModel

/// A school read from its directory, and every problem found on the way.
public struct LoadResult: Sendable {
  /// The school; `nil` exactly when some diagnostic is an `.error`.
  public let school: School?
  /// Errors and warnings, ordered by file (as SPEC §1 lists the files), then line.
  public let diagnostics: [Diagnostic]
}

/// Reads a school directory (SPEC §1) into a `School`.
///
/// Reads every file even after errors, so one run lists every problem. Files are read in
/// dependency order (settings, rooms, teachers, courses, students, fixed) and each table resolves
/// its references against everything the earlier tables named, valid or not.
public enum SchoolLoader {
  /// The files in the order SPEC §1 lists them, which is also the order of the diagnostics.
  static let fileOrder = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]

  public static func load(directory: String) -> LoadResult {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      let problem = Diagnostic(.error, file: directory, line: nil, "no such school directory", hint: "give the folder that holds school.toml")
      return LoadResult(school: nil, diagnostics: [problem])
    }
    let log = DiagnosticLog()
    let settings = SchoolSettingsReader.read(path: join(directory, "school.toml"), file: join(directory, "school.toml"), log: log)

    let errorsBeforeResources = log.errorCount
    let roomsTable = table(directory, "rooms.csv", RoomsReader.columns, log: log)
    let rooms = roomsTable.map { RoomsReader.read($0, settings: settings, log: log) } ?? []
    let teachersTable = table(directory, "teachers.csv", TeachersReader.columns, log: log)
    var teacherIDs = NameIndex()
    teacherIDs.complete = false
    var teachers: [Teacher] = []
    if let teachersTable { (teachers, teacherIDs) = TeachersReader.read(teachersTable, settings: settings, log: log) }
    let resourcesClean = log.errorCount == errorsBeforeResources && roomsTable != nil && teachersTable != nil

    var catalog = CourseCatalog()
    catalog.codes.complete = false
    catalog.names.complete = false
    if let coursesTable = table(directory, "courses.csv", CoursesReader.columns, log: log) {
      catalog = CoursesReader.read(coursesTable, settings: settings, teacherIDs: teacherIDs, log: log)
    }
    var roster = StudentRoster()
    roster.ids.complete = false
    if let studentsTable = table(directory, "students.csv", StudentsReader.columns, ranked: true, log: log) {
      roster = StudentsReader.read(studentsTable, settings: settings, catalog: catalog, log: log)
    }
    var fixed: [FixedPlacement] = []
    if let fixedTable = table(directory, "fixed.csv", FixedReader.columns, required: false, log: log) {
      fixed = FixedReader.read(fixedTable, settings: settings, catalog: catalog, roster: roster, log: log)
    }

    if resourcesClean, let week = settings.week {
      let grid = School(week: week, courses: [], rooms: rooms, teachers: teachers, students: [])
      for entry in catalog.entries {
        guard let course = entry.course, let reason = grid.cannotOpenReason(course) else { continue }
        log.warning(join(directory, "courses.csv"), entry.line, "course \(course.code) (\(course.name)) cannot open: \(reason)")
      }
    }

    let diagnostics = ordered(log.diagnostics, directory: directory)
    guard log.errorCount == 0, let week = settings.week, let minSize = settings.minSize,
      let electives = settings.electivesPerStudent
    else { return LoadResult(school: nil, diagnostics: diagnostics) }
    let school = School(
      name: settings.name, term: settings.term, week: week, tiers: settings.tiers.tiers,
      rules: Rules(minSize: minSize, electivesPerStudent: electives), objective: settings.objective,
      courses: catalog.entries.compactMap(\.course), rooms: rooms, teachers: teachers,
      students: roster.entries.compactMap(\.student), fixed: fixed)
    return LoadResult(school: school, diagnostics: diagnostics)
  }

  /// `directory/name`, as the user would type it (`name` alone for `.`).
  static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  private static func table(
    _ directory: String, _ name: String, _ columns: [ColumnSpec], ranked: Bool = false, required: Bool = true, log: DiagnosticLog
  ) -> Table? {
    let path = join(directory, name)
    switch TableFile.read(path: path, file: path, columns: columns, acceptsRankedChoices: ranked, required: required, log: log) {
    case .table(let table): return table
    case .missing, .unreadable: return nil
    }
  }

  /// By file (SPEC order), then line (whole-file problems first), then the order found.
  private static func ordered(_ diagnostics: [Diagnostic], directory: String) -> [Diagnostic] {
    let rank = Dictionary(uniqueKeysWithValues: fileOrder.enumerated().map { (join(directory, $0.element), $0.offset) })
    return diagnostics.enumerated()
      .sorted { a, b in
        (rank[a.element.file] ?? 0, a.element.line ?? 0, a.offset) < (rank[b.element.file] ?? 0, b.element.line ?? 0, b.offset)
      }
      .map(\.element)
  }
}
