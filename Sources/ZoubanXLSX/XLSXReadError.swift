/// Why a workbook could not be read: one short English sentence for the user, such as
/// "not an .xlsx file (not a ZIP archive)".
public struct XLSXReadError: Error, CustomStringConvertible, Equatable, Sendable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
