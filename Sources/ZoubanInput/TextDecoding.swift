import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a file's bytes into text the way a Chinese school office saves it.
///
/// Excel and WPS on a Chinese Windows save "CSV" in GB18030 (GBK), while newer versions and
/// online forms save UTF-8, often with a BOM. UTF-8 is tried first because a GB18030 reading of
/// UTF-8 bytes would silently produce mojibake; GB18030 goes through glibc `iconv`, which ships
/// the codec, so no extra dependency is needed.
enum TextDecoding {
  /// The text of `bytes`, without a leading BOM, or `nil` when the bytes are neither UTF-8 nor GB18030.
  static func decode(_ bytes: [UInt8]) -> String? {
    if let text = String(validating: bytes, as: UTF8.self) {
      return dropBOM(text)
    }
    return gb18030(bytes).map(dropBOM)
  }

  /// Reads a whole file; `nil` when it cannot be opened (a missing file is the caller's diagnostic).
  static func readBytes(path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }

  private static func dropBOM(_ text: String) -> String {
    text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
  }

  /// Converts GB18030 bytes to a String with `iconv`; any illegal or truncated sequence fails the file.
  private static func gb18030(_ bytes: [UInt8]) -> String? {
    let converter = iconv_open("UTF-8", "GB18030")
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    // GB18030 characters are at most 4 bytes and become at most 4 UTF-8 bytes.
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var inLeft = inBuffer.count
        var outPointer = outBuffer.baseAddress
        var outLeft = outBuffer.count
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        guard result != -1, inLeft == 0 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let written else { return nil }
    return String(validating: output[0..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
