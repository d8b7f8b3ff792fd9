import HummingbirdBcrypt
import NIOPosix
import TresorCore

/// bcrypt for customer and staff passwords, on NIO's blocking thread pool and never on an event loop (a cost-12
/// hash takes ~250 ms). Callers run it only after every cheaper check passed; `work` counts the runs, so tests
/// can show that a refused request cost none.
public struct PasswordHasher: Sendable {
    let cost: UInt8
    /// How many times bcrypt ran (hash or verify).
    public let work = WorkCounter()

    public init(cost: UInt8) { self.cost = cost }

    /// bcrypt reads at most 72 bytes; a longer password is refused rather than cut.
    public static let maximumBytes = 72

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        work.count()
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        guard password.utf8.count <= Self.maximumBytes else { return false }
        work.count()
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A bcrypt hash of nothing anyone can type, checked when the e-mail is unknown, so timing reveals no accounts.
    static let decoyHash = Bcrypt.hash(CustomerAccounts.randomToken(), cost: 10)
}
