/// Why the database could not do its work, when the cause is the database's state rather than the request: the
/// shop then answers 503 with a retry hint (never a 500), and the log names the cause for the operator.
public enum StoreTrouble: Sendable, Equatable {
    /// PostgreSQL is down, restarting or out of reach; instances reconnect by themselves.
    case unreachable
    /// The database's disk is full: nothing can be written until space is freed (SQLite rolls the write back).
    case diskFull
}
