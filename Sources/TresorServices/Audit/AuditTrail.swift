import Foundation
import TresorCore
import TresorStore

/// What `verify` found: how many entries fit together, and the first that does not.
public struct AuditVerification: Sendable, Equatable {
    public var entries: Int64
    public var firstBreak: AuditBreak?
}

/// The audit trail: every staff action (back office, API, command line) and every decision of the shop's jobs that
/// changes an order, appended by the services in the transaction of the action itself (`StaffDirectory.audit`).
/// Here it is read and checked.
public struct AuditTrail: Sendable {
    let database: Database
    /// Entries read per query while checking, so a long trail is checked in constant memory.
    static let page = 1000

    public init(database: Database) { self.database = database }

    /// Walks the whole chain from the first entry and checks that each names its predecessor's hash, matches its own
    /// hash and follows without a gap, and that the head names the last one.
    public func verify() async throws -> AuditVerification {
        var check = AuditChainCheck(digest: AuditRepository.digest)
        var last: Int64 = 0
        while true {
            let after = last
            let batch = try await database.read { sql in try await AuditRepository(sql).entries(after: after, limit: Self.page) }
            for entry in batch {
                if let broken = check.check(entry) { return AuditVerification(entries: check.checked, firstBreak: broken) }
            }
            guard let end = batch.last, batch.count == Self.page else { break }
            last = end.sequence
        }
        let head = try await database.read { sql in try await AuditRepository(sql).head() }
        return AuditVerification(entries: check.checked, firstBreak: check.finish(headSequence: head.sequence, headHash: head.hash))
    }

    /// What the back office lists: newest first, filtered, `limit` entries before `before` (for the next page).
    public func entries(actor: String? = nil, action: String? = nil, target: String? = nil, since: Date? = nil,
                        before: Int64? = nil, limit: Int = 50) async throws -> [AuditEntry] {
        try await database.read { sql in
            try await AuditRepository(sql).search(actor: actor, action: action, target: target, since: since, before: before, limit: limit)
        }
    }
}
