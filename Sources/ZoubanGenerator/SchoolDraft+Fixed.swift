import ZoubanModel

/// Placements decided beforehand (fixed.csv): school-team members who must be in their club.
extension SchoolDraft {
  /// Makes up to `rows` rows, one per student, for the most demanded school-run clubs in turn.
  ///
  /// Each club gets one team slot in which a qualified teacher and a room of its type are free
  /// (not taken by another club's team slot), and at most half of `min(max_size, largest such
  /// room)` fixed students, all eligible, asking for an elective, free in that slot, and mostly
  /// students who ranked the club. Half the rows pin the team slot. So one section in the team
  /// slot can hold every fixed row of the club with room to spare for the others who want it,
  /// and the rows are valid and very likely schedulable. Fewer rows come out when the clubs run
  /// out of such room.
  mutating func fix(rows: Int) {
    guard rows > 0 else { return }
    let demand = topDemand()
    let order = clubs.indices.filter { !clubs[$0].template.external }
      .sorted { (-(demand[clubs[$0].code] ?? 0), $0) < (-(demand[clubs[$1].code] ?? 0), $1) }
    var takenTeachers: Set<String> = []
    var takenRooms: Set<String> = []
    var fixedStudents: Set<String> = []
    for i in order where fixed.count < rows {
      let club = clubs[i]
      guard let (slot, teacher, room) = teamSlot(club, takenTeachers: takenTeachers, takenRooms: takenRooms) else { continue }
      let quota = min(rows - fixed.count, min(club.maxSize, room.capacity) / 2)
      let fits = students.indices.filter { s in
        let st = students[s]
        return st.electives > 0 && club.template.grades.contains(st.grade) && st.isAvailable(in: slot)
          && !fixedStudents.contains(st.id)
      }
      let (ranked, others) = (fits.filter { students[$0].choices.contains(club.code) }, fits.filter { !students[$0].choices.contains(club.code) })
      let chosen = Array((rng.shuffled(ranked) + rng.shuffled(others)).prefix(quota)).sorted()
      guard !chosen.isEmpty else { continue }
      takenTeachers.insert("\(teacher)@\(slot.id)")
      takenRooms.insert("\(room.id)@\(slot.id)")
      for s in chosen {
        fixedStudents.insert(students[s].id)
        fixed.append(
          FixedPlacement(student: students[s].id, course: club.code, slot: rng.chance(0.5) ? slot : nil, line: fixed.count + 2))
      }
    }
  }

  /// A slot of the club with a qualified teacher and its largest room of the right type both free.
  private mutating func teamSlot(
    _ club: ClubDraft, takenTeachers: Set<String>, takenRooms: Set<String>
  ) -> (Slot, String, Room)? {
    for slot in rng.shuffled(club.slots) {
      let teacher = teachers.first {
        club.teachers.contains($0.id) && $0.isAvailable(in: slot) && !takenTeachers.contains("\($0.id)@\(slot.id)")
      }
      let room = rooms.filter {
        $0.type == club.template.roomType && $0.isAvailable(in: slot) && !takenRooms.contains("\($0.id)@\(slot.id)")
      }.max { ($0.capacity, $1.id) < ($1.capacity, $0.id) }
      if let teacher, let room, min(club.maxSize, room.capacity) >= 2 { return (slot, teacher.id, room) }
    }
    return nil
  }
}
