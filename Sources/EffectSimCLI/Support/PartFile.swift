#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import EffectSim
import Foundation

/// A partial result file opened for reading at any offset (`pread`), from any thread.
final class PartFile: PartialSource {
  let name: String
  let size: Int
  private let descriptor: Int32

  /// Opens `path`.
  /// - Throws: `CommandFailure` (exit 66) when it does not exist, is a directory or cannot
  ///   be opened.
  init(_ path: String) throws(CommandFailure) {
    name = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure(code: .noInput, message: "\(path): no such file")
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure(code: .noInput, message: "\(path): is a directory, not a partial result")
    }
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw CommandFailure(
        code: .noInput, message: "\(path): cannot be opened (\(String(cString: strerror(errno))))")
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      close(descriptor)
      throw CommandFailure(code: .noInput, message: "\(path): cannot be read")
    }
    size = Int(status.st_size)
  }

  deinit { close(descriptor) }

  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(PartialFileError) {
    var done = 0
    while done < buffer.count {
      let count = pread(
        descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(offset + done))
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        let reason = count == 0 ? "the file ended early" : String(cString: strerror(errno))
        throw PartialFileError(.unreadable, file: name, "cannot be read: \(reason)")
      }
      done += count
    }
  }
}
