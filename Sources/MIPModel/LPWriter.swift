/// Writes a model in CPLEX LP format, which `glpsol --lp`, HiGHS and CBC read.
///
/// Names are made LP-safe (brackets and commas kept, others replaced) so a written model can be
/// reviewed by eye and solved by another tool to cross-check Zouban.
public enum LPWriter {
  public static func write(_ model: MIPModel) -> String {
    let names = uniqueNames(model.variables.map(\.name))
    func name(_ model: MIPModel, _ i: Int) -> String { names.isEmpty ? "dummy" : names[i] }
    var out = "\\ \(model.name)\n"
    out += model.sense == .maximize ? "Maximize\n" : "Minimize\n"
    var objective = model.variables.enumerated().compactMap { i, v -> String? in
      v.objective == 0 ? nil : term(v.objective, name(model, i))
    }
    // GLPK's LP reader takes no constant in the objective: carry it on a variable fixed at 1.
    if model.objectiveConstant != 0 { objective.append(term(model.objectiveConstant, constantName)) }
    out += " obj:" + (objective.isEmpty ? " 0 \(name(model, 0))" : wrap(objective)) + "\n"
    out += "Subject To\n"
    // GLPK's reader rejects an empty constraints section.
    if model.rows.isEmpty { out += " no_rows: 0 \(name(model, 0)) >= 0\n" }
    let rowNames = uniqueNames(model.rows.map(\.name))
    for (label, row) in zip(rowNames, model.rows) {
      let lhs = row.terms.isEmpty ? " 0 \(name(model, 0))" : wrap(row.terms.map { term($0.coefficient, name(model, $0.variable.index)) })
      switch (row.lower, row.upper) {
      case let (l?, u?) where l == u: out += " \(label):\(lhs) = \(number(l))\n"
      case let (l?, u?): out += " \(label):\(lhs) >= \(number(l))\n \(label)_u:\(lhs) <= \(number(u))\n"
      case let (l?, nil): out += " \(label):\(lhs) >= \(number(l))\n"
      case let (nil, u?): out += " \(label):\(lhs) <= \(number(u))\n"
      default: break
      }
    }
    out += "Bounds\n"
    for (i, v) in model.variables.enumerated() where v.kind != .binary || v.lower != 0 || v.upper != 1 {
      let n = name(model, i)
      if let u = v.upper { out += " \(number(v.lower)) <= \(n) <= \(number(u))\n" } else { out += " \(n) >= \(number(v.lower))\n" }
    }
    if model.objectiveConstant != 0 { out += " \(constantName) = 1\n" }
    var general = model.variables.indices.filter { model.variables[$0].kind == .integer }.map { name(model, $0) }
    // Integer, so that a model whose only column is the constant is still solved as a MIP.
    if model.objectiveConstant != 0 { general.append(constantName) }
    if !general.isEmpty { out += "General\n" + general.map { " \($0)\n" }.joined() }
    let binary = model.variables.indices.filter { model.variables[$0].kind == .binary }
    if !binary.isEmpty { out += "Binary\n" + binary.map { " \(name(model, $0))\n" }.joined() }
    return out + "End\n"
  }

  /// LP-safe names, made unique with `#<n>` where two names map to the same safe spelling.
  static func uniqueNames(_ raw: [String]) -> [String] {
    var seen = Set<String>()
    return raw.enumerated().map { i, n in
      var s = safe(n)
      if !seen.insert(s).inserted {
        s += "#\(i)"
        seen.insert(s)
      }
      return s
    }
  }

  /// LP names may hold letters, digits and `!"#$%&()/,.;?@_`'{}|~`; we also keep `[]` out.
  static func safe(_ s: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.()@#,")
    var out = String(s.map { allowed.contains($0) ? $0 : "_" })
    if let f = out.first, f.isNumber || f == "." { out = "v" + out }
    return out
  }

  private static func term(_ c: Double, _ n: String) -> String {
    c < 0 ? " - \(number(-c)) \(n)" : " + \(number(c)) \(n)"
  }

  /// The variable fixed at 1 that carries the objective's constant.
  static let constantName = "objective_constant"

  /// Integers print without a decimal point; others with full precision.
  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }

  /// Breaks long expressions into lines of a few terms (LP readers limit line length).
  private static func wrap(_ terms: [String]) -> String {
    stride(from: 0, to: terms.count, by: 8).map { terms[$0..<min($0 + 8, terms.count)].joined() }.joined(
      separator: "\n  ")
  }
}
