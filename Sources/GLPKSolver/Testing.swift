import CGLPKShims

/// Hooks for tests of the fatal-error guard.
public enum GLPKSolverTesting {
  /// Makes the next solve on this thread hit `glp_error` inside GLPK.
  public static func forceFatalErrorOnNextSolve() { zouban_glpk_test_force_fatal(1) }
}
