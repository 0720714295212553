/// A room or field (场地) that holds at most one section per slot.
public struct Room: Hashable, Sendable {
  public let id: String
  public let name: String
  public let type: String
  public let capacity: Int
  public let unavailable: Set<Slot>

  public init(id: String, name: String = "", type: String, capacity: Int, unavailable: Set<Slot> = []) {
    self.id = id
    self.name = name
    self.type = type
    self.capacity = capacity
    self.unavailable = unavailable
  }

  public func isAvailable(in slot: Slot) -> Bool { !unavailable.contains(slot) }
}

/// A teacher or outside instructor (教师) who teaches at most one section per slot.
public struct Teacher: Hashable, Sendable {
  public let id: String
  public let name: String
  /// Most sections per week; `nil` means no limit.
  public let maxSections: Int?
  public let unavailable: Set<Slot>
  /// Yuan paid per session, for the budget report.
  public let rate: Double

  public init(id: String, name: String = "", maxSections: Int? = nil, unavailable: Set<Slot> = [], rate: Double = 0) {
    self.id = id
    self.name = name
    self.maxSections = maxSections
    self.unavailable = unavailable
    self.rate = rate
  }

  public func isAvailable(in slot: Slot) -> Bool { !unavailable.contains(slot) }
}
