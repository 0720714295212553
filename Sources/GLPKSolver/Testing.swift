import CGLPKShims

/// Hooks for tests of the fatal-error guard and of a search stopped at once.
public enum GLPKSolverTesting {
  /// Makes the next solve on this thread hit `glp_error` inside GLPK.
  public static func forceFatalErrorOnNextSolve() { zouban_glpk_test_force_fatal(1) }

  /// Makes the next solve on this thread stop at the first call of its branch-and-cut callback,
  /// before `glp_intopt` has solved the root LP again (its node bound then is GLPK's ±DBL_MAX).
  public static func stopNextSolveAtItsFirstCallback() { zouban_glpk_test_stop_at_first_callback(1) }
}
