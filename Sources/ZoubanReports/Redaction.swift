import ZoubanModel

/// `--redact`: every output names students by a stable pseudonym instead of their name, so files
/// can leave the school office (to a vendor, a district, a bug report) without children's names.
///
/// The pseudonym is a hash of the student id (64-bit FNV-1a, written in the code so that it never
/// changes with a library): the same student gets the same pseudonym in every file and every
/// run, and the office can still match rows by the id column it already holds.
public enum Redaction {
  public static func pseudonym(for studentID: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in studentID.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let folded = String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16, uppercase: true)
    return "学生-" + String(repeating: "0", count: 8 - folded.count) + folded
  }

  /// The school with every student's name replaced by their pseudonym.
  public static func redacting(_ school: School) -> School {
    var redacted = school
    redacted.students = school.students.map { s in
      Student(
        id: s.id, name: pseudonym(for: s.id), grade: s.grade, homeClass: s.homeClass, electives: s.electives,
        priority: s.priority, acceptAny: s.acceptAny, feeWaiver: s.feeWaiver, unavailable: s.unavailable, choices: s.choices)
    }
    return redacted
  }
}
