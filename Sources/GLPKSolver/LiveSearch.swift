import CGLPKShims

/// What a running GLPK search has found so far, readable from another thread while it runs:
/// the progress line of `zouban solve` polls it.
///
/// The C callback writes the record with atomic stores; this class owns the memory so that it
/// outlives every solve it is handed to.
public final class LiveSearch: @unchecked Sendable {
  let record: UnsafeMutablePointer<zouban_live>

  public init() {
    record = .allocate(capacity: 1)
    record.initialize(to: zouban_live(incumbent: 0, bound: 0, has_incumbent: 0, has_bound: 0))
  }

  deinit { record.deallocate() }

  /// The objective of the best integer solution so far and the best bound, when known.
  public var snapshot: (incumbent: Double?, bound: Double?) {
    let copy = zouban_live_read(record)
    return (copy.has_incumbent != 0 ? copy.incumbent : nil, copy.has_bound != 0 ? copy.bound : nil)
  }

  /// Forgets the last search before the next one starts.
  public func reset() { zouban_live_reset(record) }
}
