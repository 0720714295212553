import CGLPKShims
import MIPModel

/// A model flattened into GLPK's 1-based arrays (index 0 unused), as `glp_load_matrix` wants.
struct GLPKArrays {
  var rowType: [Int32] = [0], rowLower: [Double] = [0], rowUpper: [Double] = [0]
  var colKind: [Int32] = [0], colType: [Int32] = [0], colLower: [Double] = [0], colUpper: [Double] = [0]
  var objective: [Double] = [0]
  var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
  let maximize: Bool
  let constant: Double

  init(_ model: MIPModel) {
    maximize = model.sense == .maximize
    constant = model.objectiveConstant
    for (i, row) in model.rows.enumerated() {
      let (type, lower, upper) = Self.bounds(row.lower, row.upper)
      rowType.append(type)
      rowLower.append(lower)
      rowUpper.append(upper)
      for term in row.terms {
        ia.append(Int32(i + 1))
        ja.append(Int32(term.variable.index + 1))
        ar.append(term.coefficient)
      }
    }
    for v in model.variables {
      colKind.append(
        Int32(v.kind == .binary ? ZOUBAN_BINARY : v.kind == .integer ? ZOUBAN_INTEGER : ZOUBAN_CONTINUOUS))
      let (type, lower, upper) = Self.bounds(v.lower, v.upper)
      colType.append(type)
      colLower.append(lower)
      colUpper.append(upper)
      objective.append(v.objective)
    }
  }

  /// GLPK's bound type for a pair of optional sides.
  private static func bounds(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
    switch (lower, upper) {
    case let (l?, u?) where l == u: return (Int32(ZOUBAN_FIXED), l, u)
    case let (l?, u?): return (Int32(ZOUBAN_DOUBLE), l, u)
    case let (l?, nil): return (Int32(ZOUBAN_LOWER), l, 0)
    case let (nil, u?): return (Int32(ZOUBAN_UPPER), 0, u)
    case (nil, nil): return (Int32(ZOUBAN_FREE), 0, 0)
    }
  }

  /// Lends the arrays to C as one `zouban_problem` for the duration of `body`.
  func withProblem<R>(_ body: (UnsafePointer<zouban_problem>) -> R) -> R {
    rowType.withUnsafeBufferPointer { rt in
      rowLower.withUnsafeBufferPointer { rl in
        rowUpper.withUnsafeBufferPointer { ru in
          colKind.withUnsafeBufferPointer { ck in
            colType.withUnsafeBufferPointer { ct in
              colLower.withUnsafeBufferPointer { cl in
                colUpper.withUnsafeBufferPointer { cu in
                  objective.withUnsafeBufferPointer { ob in
                    ia.withUnsafeBufferPointer { i in
                      ja.withUnsafeBufferPointer { j in
                        ar.withUnsafeBufferPointer { a in
                          var p = zouban_problem(
                            rows: Int32(rowType.count - 1), cols: Int32(colKind.count - 1),
                            nonzeros: Int32(ia.count - 1), maximize: maximize ? 1 : 0,
                            objective_constant: constant, row_type: rt.baseAddress, row_lower: rl.baseAddress,
                            row_upper: ru.baseAddress, col_kind: ck.baseAddress, col_type: ct.baseAddress,
                            col_lower: cl.baseAddress, col_upper: cu.baseAddress, objective: ob.baseAddress,
                            ia: i.baseAddress, ja: j.baseAddress, ar: a.baseAddress)
                          return withUnsafePointer(to: &p) { body($0) }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
