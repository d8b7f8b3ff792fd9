import Synchronization

/// Counts how often a costly piece of work ran (a bcrypt hash, an upload parsed), so tests can show that a request
/// refused by a cheaper guard never reached it.
public final class WorkCounter: Sendable {
    private let runs = Mutex(0)

    public init() {}

    public var total: Int { runs.withLock { $0 } }

    public func count() { runs.withLock { $0 += 1 } }
}
