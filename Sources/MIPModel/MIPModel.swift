/// A solver-neutral integer program: maximise or minimise a linear objective over bounded
/// variables subject to linear rows.
///
/// The formulation builds one of these; a backend (GLPK) solves it; the LP writer prints it for
/// review or for another solver. Variables and rows keep insertion order, which the formulation
/// makes sorted, so the same school always gives the same model.
public struct MIPModel: Sendable {
  public enum Sense: Sendable { case maximize, minimize }

  public enum Kind: Sendable, Equatable { case continuous, integer, binary }

  public struct Variable: Sendable, Equatable {
    public let name: String
    public internal(set) var kind: Kind
    public var lower: Double
    public var upper: Double?
    public let objective: Double
  }

  /// `lower ≤ Σ coefficient·variable ≤ upper`; a `nil` side is unbounded.
  public struct Row: Sendable, Equatable {
    public let name: String
    public let terms: [Term]
    public let lower: Double?
    public let upper: Double?
  }

  public struct Term: Sendable, Equatable {
    public let variable: VariableID
    public let coefficient: Double
    public init(_ variable: VariableID, _ coefficient: Double) {
      self.variable = variable
      self.coefficient = coefficient
    }
  }

  /// A variable's position in `variables`.
  public struct VariableID: Hashable, Sendable, Comparable {
    public let index: Int
    public static func < (a: VariableID, b: VariableID) -> Bool { a.index < b.index }
  }

  public let name: String
  public let sense: Sense
  public private(set) var variables: [Variable] = []
  public private(set) var rows: [Row] = []
  /// Added to the objective; keeps the model's value equal to the school's objective.
  public var objectiveConstant: Double = 0

  public init(name: String, sense: Sense) {
    self.name = name
    self.sense = sense
  }

  @discardableResult
  public mutating func addVariable(
    _ name: String, kind: Kind, lower: Double = 0, upper: Double? = nil, objective: Double = 0
  ) -> VariableID {
    let upper = kind == .binary ? min(upper ?? 1, 1) : upper
    variables.append(Variable(name: name, kind: kind, lower: lower, upper: upper, objective: objective))
    return VariableID(index: variables.count - 1)
  }

  /// Adds `lower ≤ Σ terms ≤ upper`. Terms on one variable are summed.
  public mutating func addRow(_ name: String, _ terms: [Term], lower: Double? = nil, upper: Double? = nil) {
    precondition(lower != nil || upper != nil, "row \(name) has no bound")
    var merged: [VariableID: Double] = [:]
    for t in terms { merged[t.variable, default: 0] += t.coefficient }
    let sorted = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
    rows.append(Row(name: name, terms: sorted, lower: lower, upper: upper))
  }

  /// Drops a variable's integrality, keeping its bounds (for a relaxation of the model).
  public mutating func relax(_ v: VariableID) {
    variables[v.index].kind = .continuous
  }

  /// Fixes a variable to one value (used for pinned placements).
  public mutating func fix(_ v: VariableID, to value: Double) {
    variables[v.index].lower = value
    variables[v.index].upper = value
  }

  /// The objective of a point, constant included.
  public func objectiveValue(_ values: [Double]) -> Double {
    zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.objective * $1.1 }
  }

  /// The step between the objective values of the model's points: the greatest common divisor
  /// of the coefficients, when every column that has one is integer and every coefficient is
  /// whole; `nil` otherwise.
  public var objectiveStep: Double? {
    var step = 0
    for v in variables where v.objective != 0 {
      guard v.kind != .continuous, v.objective == v.objective.rounded(), abs(v.objective) < 1e12 else { return nil }
      var (a, b) = (step, Int(abs(v.objective)))
      while b != 0 { (a, b) = (b, a % b) }
      step = a
    }
    return step > 0 ? Double(step) : nil
  }

  /// Keeps only points at least one `step` better than `value` (the objective of a known
  /// solution): a row halfway between, so that rounding cannot cut off a better point nor let
  /// `value` itself through. If no point is left, `value` was optimal.
  public mutating func requireBetter(than value: Double, step: Double) {
    let terms = variables.indices.filter { variables[$0].objective != 0 }.map { Term(VariableID(index: $0), variables[$0].objective) }
    let target = (sense == .maximize ? value + step / 2 : value - step / 2) - objectiveConstant
    addRow("better than \(value)", terms, lower: sense == .maximize ? target : nil, upper: sense == .maximize ? nil : target)
  }

  /// A bound that needs no solving: every variable at its best bound (for maximisation, the sum
  /// of positive coefficients times upper bounds). Used when a search stops before any node bound.
  public var trivialBound: Double? {
    var total = objectiveConstant
    for v in variables {
      let c = sense == .maximize ? v.objective : -v.objective
      if c > 0 {
        guard let u = v.upper else { return nil }
        total += c * u
      } else if c < 0 {
        total += c * v.lower
      }
    }
    return sense == .maximize ? total : -total
  }

  /// The rows a point violates by more than `tolerance` (for tests and sanity checks).
  public func violatedRows(_ values: [Double], tolerance: Double = 1e-6) -> [String] {
    rows.compactMap { row in
      let lhs = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
      if let l = row.lower, lhs < l - tolerance { return row.name }
      if let u = row.upper, lhs > u + tolerance { return row.name }
      return nil
    }
  }
}
