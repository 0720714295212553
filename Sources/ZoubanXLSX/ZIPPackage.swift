import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` (a ZIP archive), read through ZIPFoundation with limits, so that a
/// damaged or hostile file is an `XLSXReadError` and not a crash, a hang or all the memory.
///
/// ZIPFoundation reads the archive's directory (paths, sizes, checksums) and inflates, but parts
/// are not taken out with `Archive.extract`: on Linux (0.9.20) its inflate loop feeds zlib from
/// the archive until the deflate stream ends, so a stream that never ends (a damaged file, or a
/// stored block longer than the rest of the file) makes it spin for ever, and it tells zlib a
/// short last chunk is a full one. So each part's compressed bytes are cut out here, exactly,
/// and given to ZIPFoundation's `Data.decompress` by a provider that always hands over full
/// chunks and throws once the part's bytes are used up; the result must then match the size and
/// CRC-32 the directory promised.
struct ZIPPackage {
  /// No part of a school's workbook comes near this; a ZIP bomb's parts do.
  static let maxPartSize = 256 << 20
  static let maxEntries = 10_000
  private static let chunkSize = 1 << 16

  private let bytes: Data
  /// Entries by path; the first of a repeated path wins, as in ZIPFoundation's own lookup.
  private var entries: [String: Entry] = [:]
  /// The same, by lowercased path, for writers that spell part names in another case.
  private var entriesIgnoringCase: [String: Entry] = [:]
  /// Every part's path, in archive order.
  private(set) var paths: [String] = []
  /// Where local file headers naming each path start; usually one per path (see `part`).
  private var localHeaders: [String: [Int]] = [:]

  init(_ data: Data) throws(XLSXReadError) {
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw XLSXReadError("not an .xlsx file (an old .xls workbook, or one protected by a password)")
    }
    let notZIP = XLSXReadError("not an .xlsx file (not a ZIP archive)")
    guard data.starts(with: [0x50, 0x4B]) else { throw notZIP }
    // The directory is read from a file, not from ZIPFoundation's in-memory archive: its memory
    // file traps when a damaged directory points past the end, where a real file reads short.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zouban-xlsx-\(UUID().uuidString).zip")
    do {
      try data.write(to: file)
    } catch {
      throw XLSXReadError("the workbook cannot be read (no temporary copy: \(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let archive: Archive
    do {
      archive = try Archive(url: file, accessMode: .read, pathEncoding: nil)
    } catch {
      throw notZIP
    }
    bytes = data
    for entry in archive {
      guard paths.count < Self.maxEntries else { throw XLSXReadError("not an .xlsx file (the ZIP archive has too many entries)") }
      let path = entry.path
      paths.append(path)
      if entries[path] == nil { entries[path] = entry }
      if entriesIgnoringCase[path.lowercased()] == nil { entriesIgnoringCase[path.lowercased()] = entry }
    }
    localHeaders = Self.localHeaders(data)
  }

  func contains(_ path: String) -> Bool { entry(path) != nil }

  private func entry(_ path: String) -> Entry? { entries[path] ?? entriesIgnoringCase[path.lowercased()] }

  /// The bytes of the part at `path` (no leading `/`), nil when the archive has no such part.
  func part(_ path: String) throws(XLSXReadError) -> Data? {
    guard let entry = entry(path) else { return nil }
    guard entry.type == .file else { throw XLSXReadError("the workbook is damaged (\(path) is not a file)") }
    guard entry.uncompressedSize <= UInt64(Self.maxPartSize) else {
      throw XLSXReadError("the workbook is too large (\(path) holds more than \(Self.maxPartSize >> 20) MB)")
    }
    // A damaged file may hold the name twice (or a ZIP stored inside the workbook may hold the
    // same name); the copy whose contents match the directory's size and checksum is the part.
    for header in localHeaders[entry.path] ?? [] {
      if let data = contents(of: entry, at: header) { return data }
    }
    throw XLSXReadError("the workbook is damaged (\(path) cannot be decompressed)")
  }

  /// The entry's contents if a local header at `offset` holds them intact, else nil.
  private func contents(of entry: Entry, at offset: Int) -> Data? {
    func uint16(_ at: Int) -> Int { Int(bytes[bytes.startIndex + at]) | Int(bytes[bytes.startIndex + at + 1]) << 8 }
    guard offset + 30 <= bytes.count else { return nil }
    let method = uint16(offset + 8)
    let start = offset + 30 + uint16(offset + 26) + uint16(offset + 28)
    guard entry.compressedSize <= UInt64(bytes.count), start + Int(entry.compressedSize) <= bytes.count else { return nil }
    let compressed = bytes.subdata(in: bytes.startIndex + start..<bytes.startIndex + start + Int(entry.compressedSize))
    var result = Data()
    switch method {
    case 0:
      result = compressed
    case 8:
      let chunk = Self.chunkSize
      do {
        _ = try Data.decompress(
          size: Int64(compressed.count), bufferSize: chunk, skipCRC32: true,
          provider: { position, _ in
            guard position < compressed.count else { throw InflateStop.stop }
            var piece = compressed.subdata(in: Int(position)..<min(Int(position) + chunk, compressed.count))
            // zlib is told the chunk is `chunk` bytes long, so it must be.
            if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
            return piece
          },
          consumer: { output in
            guard result.count + output.count <= Self.maxPartSize else { throw InflateStop.stop }
            result.append(output)
          })
      } catch {
        return nil
      }
    default:
      return nil
    }
    guard result.count == Int(entry.uncompressedSize), result.crc32(checksum: 0) == entry.checksum else { return nil }
    return result
  }

  /// The offsets of all local file headers (`PK\3\4`), by the path each names.
  private static func localHeaders(_ data: Data) -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var i = 0
      while i + 30 <= bytes.count {
        defer { i += 1 }
        guard bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 else { continue }
        let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
        guard i + 30 + nameLength <= bytes.count else { continue }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 30)..<(i + 30 + nameLength)]), as: UTF8.self)
        result[name, default: []].append(i)
      }
    }
    return result
  }
}

/// Thrown inside the inflate callbacks; never leaves `ZIPPackage`.
private enum InflateStop: Error {
  case stop
}
