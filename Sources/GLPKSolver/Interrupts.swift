import CGLPKShims

/// Ctrl-C and SIGTERM during a solve (the C handlers in `CGLPKShims`).
///
/// After `install()`, the first signal asks every running and later solve to stop with its best
/// solution (the branch-and-cut callback polls the flag and calls `glp_ios_terminate`); the
/// second ends the process at once with exit code 130, writing nothing.
public enum Interrupts {
  public static func install() { zouban_install_interrupt_handlers() }

  /// Whether a stop was asked for.
  public static var requested: Bool { zouban_interrupt_flag().pointee != 0 }

  /// The flag as GLPK's callback reads it.
  static var flag: UnsafeMutablePointer<Int32> { UnsafeMutablePointer(mutating: zouban_interrupt_flag()) }
}
