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
/// its references against everything the earlier tables named, valid or not. Any table may be
/// an `.xlsx` workbook of the same base name instead (`students.xlsx`), read from its first sheet.
public enum SchoolLoader {
  /// The files in the order SPEC §1 lists them, which is also the order of the diagnostics.
  static let fileOrder = ["school.toml", "courses.csv", "rooms.csv", "teachers.csv", "students.csv", "fixed.csv"]

  /// Reads the school in `directory`, with `scenario`'s changes made to it when one is given.
  public static func load(directory: String, scenario: Scenario? = nil) -> LoadResult {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      let problem = Diagnostic(.error, file: directory, line: nil, "no such school directory", hint: "give the folder that holds school.toml")
      return LoadResult(school: nil, diagnostics: [problem])
    }
    let log = DiagnosticLog()
    var settings = SchoolSettingsReader.read(path: join(directory, "school.toml"), file: join(directory, "school.toml"), log: log)
    scenario?.settings.apply(to: &settings)
    /// A table as its file holds it, then with the scenario's edits made.
    // Codes and names of the courses the scenario removes: students' choices of them go too.
    var removedCourses = Set<String>()
    func table(_ name: String, _ columns: [ColumnSpec], key: String, ranked: Bool = false, required: Bool = true) -> Table? {
      guard var read = Self.table(directory, name, columns, ranked: ranked, required: required, log: log) else { return nil }
      guard let scenario else { return read }
      if name == "courses.csv" {
        let codes = Set(scenario.edits[name]?.removals.map(\.key) ?? [])
        removedCourses = codes.union(read.cells("name", whereKey: "code", isIn: codes))
      }
      if name == "students.csv" { read = read.removingChoices(removedCourses) }
      guard let edits = scenario.edits[name] else { return read }
      return read.applying(edits, scenario: scenario.file, key: key, columns: columns, week: settings.week, log: log)
    }

    let errorsBeforeResources = log.errorCount
    let roomsTable = table("rooms.csv", RoomsReader.columns, key: "id")
    let rooms = roomsTable.map { RoomsReader.read($0, settings: settings, log: log) } ?? []
    let teachersTable = table("teachers.csv", TeachersReader.columns, key: "id")
    var teacherIDs = NameIndex()
    teacherIDs.complete = false
    var teachers: [Teacher] = []
    if let teachersTable { (teachers, teacherIDs) = TeachersReader.read(teachersTable, settings: settings, log: log) }
    let resourcesClean = log.errorCount == errorsBeforeResources && roomsTable != nil && teachersTable != nil

    var catalog = CourseCatalog()
    catalog.codes.complete = false
    catalog.names.complete = false
    if let coursesTable = table("courses.csv", CoursesReader.columns, key: "code") {
      catalog = CoursesReader.read(coursesTable, settings: settings, teacherIDs: teacherIDs, log: log)
    }
    var roster = StudentRoster()
    roster.ids.complete = false
    if let studentsTable = table("students.csv", StudentsReader.columns, key: "id", ranked: true) {
      roster = StudentsReader.read(studentsTable, settings: settings, catalog: catalog, log: log)
    }
    var fixed: [FixedPlacement] = []
    if var fixedTable = Self.table(directory, "fixed.csv", FixedReader.columns, required: false, log: log) {
      if let scenario { fixedTable = fixedTable.dropping(scenario.removedFixedOwners) }
      fixed = FixedReader.read(fixedTable, settings: settings, catalog: catalog, roster: roster, log: log)
    }

    if resourcesClean, let week = settings.week {
      let grid = School(week: week, courses: [], rooms: rooms, teachers: teachers, students: [])
      for entry in catalog.entries {
        guard let course = entry.course, let reason = grid.cannotOpenReason(course) else { continue }
        log.warning(entry.file, entry.line, "course \(course.code) (\(course.name)) cannot open: \(reason)")
      }
    }

    let diagnostics = ordered(log.diagnostics, directory: directory)
    guard log.errorCount == 0, let week = settings.week, let minSize = settings.minSize,
      let electives = settings.electivesPerStudent
    else { return LoadResult(school: nil, diagnostics: diagnostics) }
    let school = School(
      name: settings.name, term: settings.term, week: week, tiers: settings.tiers.tiers,
      rules: Rules(minSize: minSize, electivesPerStudent: electives, teacherPayBudget: settings.teacherPayBudget),
      objective: settings.objective,
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
    guard let path = tablePath(directory, name, log: log) else { return nil }
    switch TableFile.read(path: path, file: path, columns: columns, acceptsRankedChoices: ranked, required: required, log: log) {
    case .table(let table): return table
    case .missing, .unreadable: return nil
    }
  }

  /// `students.xlsx` for `students.csv`: the workbook that may hold the same table.
  static func workbookName(_ name: String) -> String {
    guard name.hasSuffix(".csv") else { return name }
    return String(name.dropLast(3)) + TableFile.workbookExtension
  }

  /// The file that holds the table `name`: the CSV, or else a workbook of the same base name.
  ///
  /// Both at once is an error and neither is read (nil): silently preferring one would let a
  /// stale copy decide the timetable. The message names the one saved earlier as the one to
  /// remove, since the newer is usually the list someone just edited; files saved within two
  /// seconds of each other (copied or unpacked together) say nothing about which is current.
  static func tablePath(_ directory: String, _ name: String, log: DiagnosticLog) -> String? {
    let csv = join(directory, name)
    let workbookName = self.workbookName(name)
    let workbook = join(directory, workbookName)
    guard workbookName != name, isFile(workbook) else { return csv }
    guard isFile(csv) else { return workbook }
    let saved = [csv, workbook].map { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
    if let csvDate = saved[0], let workbookDate = saved[1], abs(csvDate.timeIntervalSince(workbookDate)) >= 2 {
      let (older, newer) = csvDate < workbookDate ? (name, workbookName) : (workbookName, name)
      log.error(
        csv, nil, "both \(name) and \(workbookName) are here; remove \(older)",
        hint: "\(newer) was saved later; Zouban reads one file per table, never both")
    } else {
      log.error(
        csv, nil, "both \(name) and \(workbookName) are here; remove the one that is out of date",
        hint: "Zouban reads one file per table, never both")
    }
    return nil
  }

  private static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  /// By file (SPEC order; a workbook ranks as the CSV it stands for), then line (whole-file
  /// problems first), then the order found.
  private static func ordered(_ diagnostics: [Diagnostic], directory: String) -> [Diagnostic] {
    let rank = Dictionary(
      fileOrder.enumerated().flatMap { offset, name in
        [(join(directory, name), offset), (join(directory, workbookName(name)), offset)]
      },
      uniquingKeysWith: { first, _ in first })
    return diagnostics.enumerated()
      .sorted { a, b in
        // A scenario's own problems come after the school's files.
        (rank[a.element.file] ?? fileOrder.count, a.element.line ?? 0, a.offset)
          < (rank[b.element.file] ?? fileOrder.count, b.element.line ?? 0, b.offset)
      }
      .map(\.element)
  }
}
