import CGLPKShims
import MIPModel

/// Solves a `MIPModel` with GLPK's branch-and-cut (`glp_intopt`).
///
/// All GLPK calls of one solve happen inside one C function guarded by `setjmp`, on the calling
/// thread (Debian's GLPK keeps its environment per thread), so a GLPK fatal error comes back as
/// a thrown `GLPKError` instead of aborting the process.
public struct GLPKSolver: Sendable {
  public struct Options: Sendable {
    /// Wall-clock limit, enforced from the branch-and-cut callback (GLPK's own `tm_lim` is soft).
    public var timeLimit: Double = 60
    /// Stop when `(bound − objective) / max(1, |objective|)` falls to this; 0 proves optimality.
    public var gap: Double = 0
    /// GLPK's MIP presolver. Off lets the warm start through (see `solve`).
    public var presolve = false
    /// MIR, Gomory, cover and clique cuts.
    public var cuts = true
    /// Copy GLPK's own log to stderr.
    public var verbose = false
    /// GLPK's memory limit in megabytes (`glp_mem_limit`); 0 = none.
    public var memoryLimitMB = 0
    /// Where the search publishes its incumbent and bound as it goes (for a progress display).
    public var live: LiveSearch?
    /// Columns to branch on before any other, in this order: at each node GLPK branches on the
    /// first of them that is fractional (up branch first), else chooses itself. Where a few
    /// columns decide the rest (which slot each course meets in), branching on them first
    /// shrinks the tree. Ignored with `presolve`, whose problem has other column numbers.
    public var branchFirst: [MIPModel.VariableID] = []
    /// Which open node GLPK solves next: the best projection (`GLP_BT_BPH`), which weighs how far
    /// a node's LP is from integral, instead of GLPK's default, the best local bound.
    public var bestProjection = false
    /// Solve the root LP after GLPK's LP presolver, as glpsol does. The simplex then ends on
    /// another optimal vertex: on the course level, branch-and-cut finds integer points far
    /// sooner from it (a demand-sized school of 3,000 students: no plan in stage 1's 30 s
    /// without it, 377,295 against the bound 377,335 with it). For every model it slowed the
    /// generated schools (300 / 1,500 / 4,000 students proven optimal in 5.5 / 4.6 / 23.7 s
    /// instead of 2.3 / 2.9 / 15.9 s), so only stage 1 asks for it.
    public var lpPresolve = false
    public init() {}
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// The GLPK version linked, e.g. `5.0`.
  public static var version: String { String(cString: zouban_glpk_version()) }

  /// Solves `model`; `warmStart`, when given, must be an integer feasible point (it is handed to
  /// GLPK as a heuristic solution, so GLPK never finishes with less than it). A Ctrl-C after
  /// `Interrupts.install()` stops the search with the best solution found so far.
  public func solve(_ model: MIPModel, warmStart: [Double]? = nil) throws(GLPKError) -> MIPResult {
    // GLPK's branch-and-cut rejects a problem without columns; its answer needs no search.
    if model.variables.isEmpty { return MIPResult(emptyModel: model) }
    let arrays = GLPKArrays(model)
    var values = [Double](repeating: 0, count: model.variables.count + 1)
    var result = zouban_result()
    let warm = warmStart.map { [0] + $0 }
    let branchFirst = options.branchFirst.map { Int32($0.index + 1) }
    options.live?.reset()
    arrays.withProblem { problem in
      withOptionalBuffer(warm) { warmPointer in
        branchFirst.withUnsafeBufferPointer { branch in
          var controls = zouban_controls(
            time_limit_seconds: options.timeLimit, mip_gap: options.gap, presolve: options.presolve ? 1 : 0,
            cuts: options.cuts ? 1 : 0, verbose: options.verbose ? 1 : 0, warm_start: warmPointer,
            memory_limit_mb: options.memoryLimitMB, interrupt: Interrupts.flag, live: options.live?.record,
            branch_first: branch.baseAddress, branch_first_count: Int32(branch.count),
            best_projection: options.bestProjection ? 1 : 0, lp_presolve: options.lpPresolve ? 1 : 0)
          values.withUnsafeMutableBufferPointer { v in
            zouban_glpk_solve(problem, &controls, v.baseAddress, &result)
          }
        }
      }
    }
    let message = withUnsafeBytes(of: result.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    switch Int32(result.run) {
    case Int32(ZOUBAN_RUN_FATAL):
      // glp_alloc's own words when glp_mem_limit is reached (GLPK 5.0, env/alloc.c).
      let kind: GLPKError.Kind = message.contains("memory allocation limit exceeded") ? .memoryLimit : .fatal
      throw GLPKError(kind: kind, glpkCode: Int(result.glpk_code), log: message)
    case Int32(ZOUBAN_RUN_FAILED):
      throw GLPKError(kind: .failed, glpkCode: Int(result.glpk_code), log: message)
    default:
      let answer = MIPResult(model: model, raw: result, values: Array(values.dropFirst()), log: message)
      // Stopped before GLPK could even take the warm start (the root LP was still running):
      // the warm start is a solution all the same.
      if answer.status == .noSolution, let warmStart { return answer.falling(back: warmStart, model: model) }
      return answer
    }
  }
}

/// GLPK stopped with an error instead of an answer.
public struct GLPKError: Error, CustomStringConvertible, Sendable {
  public enum Kind: Sendable {
    /// `glp_error` fired (an internal error); the guard caught it.
    case fatal
    /// GLPK needed more than `Options.memoryLimitMB`; the guard caught it.
    case memoryLimit
    /// GLPK returned an error code (numerical difficulty, bad bounds).
    case failed
  }
  public let kind: Kind
  public let glpkCode: Int
  /// GLPK's last words.
  public let log: String

  public var description: String {
    let last = log.split(separator: "\n").suffix(3).joined(separator: " / ")
    switch kind {
    case .fatal: return "GLPK stopped with a fatal error: \(last)"
    case .memoryLimit: return "GLPK needed more memory than its limit allows"
    case .failed: return "GLPK could not solve the model (glp_intopt code \(glpkCode)): \(last)"
    }
  }
}

private func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafePointer<Double>?) -> R) -> R {
  guard let array else { return body(nil) }
  return array.withUnsafeBufferPointer { body($0.baseAddress) }
}
