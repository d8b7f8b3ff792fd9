#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Random bytes from the kernel's CSPRNG, fetched 4 KiB at a time and handed out once each (the handed-out bytes are
/// zeroed in the pool). A first visit needs a 32-byte nonce: 16 `getentropy` calls per 128 of them instead of one
/// `getrandom` or more per visit, which showed in the catalogue page's profile (the system call and the kernel's CRNG state).
public enum SecureRandom {
    private static let pool = Mutex<(bytes: [UInt8], next: Int)>(([UInt8](repeating: 0, count: 4096), 4096))

    /// `count` random bytes (at most 4096).
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count > 0 && count <= 4096)
        return pool.withLock { pool in
            if pool.next + count > pool.bytes.count {
                refill(&pool.bytes)
                pool.next = 0
            }
            let range = pool.next..<(pool.next + count)
            let taken = Array(pool.bytes[range])
            pool.bytes.replaceSubrange(range, with: repeatElement(0, count: count))
            pool.next += count
            return taken
        }
    }

    /// `count` random bytes as lower-case hex.
    public static func hex(_ count: Int) -> String { Hex.encode(bytes(count)) }

    /// `getentropy` (glibc and Darwin): the kernel's CSPRNG, at most 256 bytes a call, so 16 calls per refill.
    private static func refill(_ buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { raw in
            var filled = 0
            while filled < raw.count {
                let chunk = min(256, raw.count - filled)
                // It fails only without a kernel CSPRNG (never on Linux 3.17 or later); the shop cannot go on without one.
                precondition(getentropy(raw.baseAddress! + filled, chunk) == 0, "getentropy failed: \(errno)")
                filled += chunk
            }
        }
    }
}
