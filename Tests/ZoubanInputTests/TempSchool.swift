import Foundation
import ZoubanModel

@testable import ZoubanInput

/// A small valid school written to a fresh temporary directory, with some files replaced,
/// so that each test changes exactly the thing it is about.
struct TempSchool {
  static let base: [String: String] = [
    "school.toml": """
      name = "测试小学"
      term = "2026 秋季学期"

      [week]
      days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
      periods = [
        { start = "16:00", end = "16:40" },
        { start = "16:50", end = "17:30" },
      ]

      [tiers]
      "低段" = "1-2"
      "高段" = "3-6"

      [rules]
      min_size = 2
      electives_per_student = 1

      """,
    "courses.csv": """
      code,name,category,grades,max_size,min_size,max_sections,slots,room_type,teachers,fee,provider
      C01,足球,体育,高段,20,2,1,,操场,T01,0,school
      C02,书法,艺术,1-6,15,,1,Mon;Tue,教室,T02,2.5,school
      C03,绘本阅读,阅读,低段,15,2,1,Wed-1;Thu-1,教室,T02,0,external

      """,
    "rooms.csv": """
      id,name,type,capacity,unavailable
      R01,操场,操场,40,
      R02,一(1)班,教室,45,Fri

      """,
    "teachers.csv": """
      id,name,max_sections,unavailable,rate
      T01,王老师,2,,50
      T02,李老师,,Fri-2,40

      """,
    "students.csv": """
      id,name,grade,class,electives,priority,accept_any,fee_waiver,unavailable,choice1,choice2
      S001,张三,3,3-1,1,,no,no,,C01,C02
      S002,李四,4,4-2,,留守,yes,,Fri,足球,
      S003,王五,1,1-1,1,,,,,C03,C02
      S004,赵六,2,2-1,1,,,是,,绘本阅读,

      """,
    "fixed.csv": """
      student,course,slot
      S001,C01,Tue-1

      """,
  ]

  let directory: String

  /// Writes the base school with `files` replacing (or, when `nil`, removing) some of it.
  init(_ files: [String: String?] = [:]) {
    directory = NSTemporaryDirectory() + "zouban-input-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in Self.base.keys.sorted() where files[name] == nil {
      write(name, Self.base[name]!)
    }
    for name in files.keys.sorted() {
      if let text = files[name]! { write(name, text) }
    }
  }

  func write(_ name: String, _ text: String) {
    try! Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
  }

  func writeBytes(_ name: String, _ bytes: [UInt8]) {
    try! Data(bytes).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
  }

  func load() -> LoadResult { SchoolLoader.load(directory: directory) }

  /// Every diagnostic as printed, with the directory shown as `x` (as if loaded as `x`).
  func lines() -> [String] {
    load().diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "x/") }
  }

  /// The base text of `file` with one substring replaced (which must be there).
  static func edit(_ file: String, _ old: String, _ new: String) -> String {
    let text = base[file]!
    precondition(text.contains(old), "\(old) not in \(file)")
    return text.replacingOccurrences(of: old, with: new)
  }
}
