/// Writes a model in free MPS format (`glpsol --freemps`, HiGHS, CBC).
///
/// MPS has no maximisation in its original form, so the objective is negated and a comment
/// says so. Readers disagree on the sign of a constant on the objective row's right-hand side,
/// so the constant rides on a variable fixed at 1, as in `LPWriter`.
public enum MPSWriter {
  public static func write(_ model: MIPModel) -> String {
    let names = LPWriter.uniqueNames(model.variables.map(\.name))
    let rowNames = LPWriter.uniqueNames(model.rows.map(\.name))
    let sign = model.sense == .maximize ? -1.0 : 1.0
    var out = "* \(model.name)\n"
    if model.sense == .maximize { out += "* maximisation written as minimisation: the objective is negated\n" }
    out += "NAME \(LPWriter.safe(model.name))\nROWS\n N obj\n"
    for (name, row) in zip(rowNames, model.rows) {
      let type: String
      switch (row.lower, row.upper) {
      case let (l?, u?) where l == u: type = "E"
      case (_?, nil): type = "G"
      default: type = "L"
      }
      out += " \(type) \(name)\n"
    }
    var entries = [[(String, Double)]](repeating: [], count: model.variables.count)
    for (name, row) in zip(rowNames, model.rows) {
      for t in row.terms { entries[t.variable.index].append((name, t.coefficient)) }
    }
    out += "COLUMNS\n"
    var inIntegers = false
    for (j, v) in model.variables.enumerated() {
      let integer = v.kind != .continuous
      if integer != inIntegers {
        out += integer ? " MARKER 'MARKER' 'INTORG'\n" : " MARKER 'MARKER' 'INTEND'\n"
        inIntegers = integer
      }
      if v.objective != 0 { out += " \(names[j]) obj \(LPWriter.number(sign * v.objective))\n" }
      for (row, c) in entries[j] { out += " \(names[j]) \(row) \(LPWriter.number(c))\n" }
      if v.objective == 0 && entries[j].isEmpty { out += " \(names[j]) obj 0\n" }
    }
    if model.objectiveConstant != 0 {
      if !inIntegers { out += " MARKER 'MARKER' 'INTORG'\n" }
      out += " \(LPWriter.constantName) obj \(LPWriter.number(sign * model.objectiveConstant))\n"
      inIntegers = true
    }
    if inIntegers { out += " MARKER 'MARKER' 'INTEND'\n" }
    out += "RHS\n"
    for (name, row) in zip(rowNames, model.rows) {
      let rhs = row.lower ?? row.upper ?? 0
      if rhs != 0 { out += " RHS \(name) \(LPWriter.number(rhs))\n" }
    }
    let ranged = zip(rowNames, model.rows).filter { $0.1.lower != nil && $0.1.upper != nil && $0.1.lower != $0.1.upper }
    if !ranged.isEmpty {
      out += "RANGES\n"
      for (name, row) in ranged { out += " RNG \(name) \(LPWriter.number(row.upper! - row.lower!))\n" }
    }
    out += "BOUNDS\n"
    for (j, v) in model.variables.enumerated() {
      if v.kind == .binary && v.lower == 0 && v.upper == 1 {
        out += " BV BND \(names[j])\n"
      } else if let u = v.upper, u == v.lower {
        out += " FX BND \(names[j]) \(LPWriter.number(u))\n"
      } else {
        if v.lower != 0 { out += " LO BND \(names[j]) \(LPWriter.number(v.lower))\n" }
        out += v.upper.map { " UP BND \(names[j]) \(LPWriter.number($0))\n" } ?? " PL BND \(names[j])\n"
      }
    }
    if model.objectiveConstant != 0 { out += " FX BND \(LPWriter.constantName) 1\n" }
    return out + "ENDATA\n"
  }
}
