#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plain `write(2)` on a file descriptor, for the standard streams and output files: no
/// Foundation `FileHandle`, whose failed writes trap.
enum Descriptor {
  /// Writes every byte of `bytes`, retrying after a signal or a short write, and waiting when
  /// a non-blocking descriptor is full.
  /// - Returns: `nil` when all was written, else the `errno` of the failure.
  static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let written = write(descriptor, next, left)
      if written > 0 {
        next += written
        left -= written
        continue
      }
      let error = written < 0 ? errno : EIO
      if error == EINTR { continue }
      if error == EAGAIN || error == EWOULDBLOCK {
        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      return error
    }
    return nil
  }

  /// Reads `descriptor` to its end, but no more than `limit` bytes.
  /// - Returns: the bytes, or `nil` on a read error.
  static func readAll(_ descriptor: Int32, limit: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count < limit {
      let count = chunk.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress, min($0.count, limit - bytes.count))
      }
      if count > 0 {
        bytes += chunk[..<count]
      } else if count == 0 {
        break
      } else if errno != EINTR {
        return nil
      }
    }
    return bytes
  }

  /// Whether `descriptor` is open.
  static func isOpen(_ descriptor: Int32) -> Bool {
    fcntl(descriptor, F_GETFD) != -1 || errno != EBADF
  }
}
