/// The bytes of one partial result file, read at any offset: the merge reads a header once and
/// then one column's slice per visit, never the whole file.
///
/// The command line implements it over a file descriptor (`pread`); tests use `PartialBytes`.
/// `read` is called from several threads at once, for disjoint or overlapping ranges.
public protocol PartialSource: Sendable {
  /// The file's name as the user gave it; messages use it.
  var name: String { get }
  /// The file's length in bytes.
  var size: Int { get }
  /// Fills `buffer` with the `buffer.count` bytes from `offset` on.
  /// - Throws: `PartialFileError` (`.unreadable`) when they cannot be read.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(PartialFileError)
}

/// A partial result held in memory.
struct PartialBytes: PartialSource {
  let name: String
  let bytes: [UInt8]

  var size: Int { bytes.count }

  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(PartialFileError) {
    guard offset >= 0, offset <= bytes.count, buffer.count <= bytes.count - offset else {
      throw PartialFileError(.unreadable, file: name, "read past the end of the file")
    }
    bytes.withUnsafeBytes { source in
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + buffer.count]))
    }
  }
}

extension PartialSource {
  /// The `count` bytes from `offset` on.
  func bytes(at offset: Int, count: Int) throws(PartialFileError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var failure: PartialFileError?
    bytes.withUnsafeMutableBytes { buffer in
      do throws(PartialFileError) {
        try read(at: offset, into: buffer)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return bytes
  }
}
