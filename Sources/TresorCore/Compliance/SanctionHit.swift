import Foundation

/// What a possible sanctions match was found on.
public enum SanctionSubject: String, Sendable, Hashable, Codable, CaseIterable {
    /// An order's customer (the reference is the order number).
    case order
    /// A customer account (the reference is the account's id).
    case customer
    /// The holder of the account a payment came from (the reference is the order number).
    case payer
    /// Someone selling to the dealer (the reference is the buy-back number).
    case buyback
}

public enum SanctionHitStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    /// A false positive, with the reason.
    case cleared
    /// A real match: the order stays held and a case is opened.
    case confirmed
}

/// A possible match of a name against the sanctions list, waiting for compliance or decided by it.
public struct SanctionHit: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var subject: SanctionSubject
    public var reference: String
    public var screenedName: String
    public var match: SanctionMatch
    public var foundAt: Date
    public var status: SanctionHitStatus
    public var decidedBy: String?
    public var decidedAt: Date?
    public var reason: String?

    public init(id: UUID = UUID(), subject: SanctionSubject, reference: String, screenedName: String, match: SanctionMatch, foundAt: Date,
                status: SanctionHitStatus = .open, decidedBy: String? = nil, decidedAt: Date? = nil, reason: String? = nil) {
        self.id = id
        self.subject = subject
        self.reference = reference
        self.screenedName = screenedName
        self.match = match
        self.foundAt = foundAt
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }
}

/// One import of the sanctions list.
public struct SanctionListInfo: Sendable, Hashable {
    public var id: UUID
    public var importedAt: Date
    public var importedBy: String
    public var sha256: String
    public var generated: String
    public var entities: Int
    public var active: Bool

    public init(id: UUID, importedAt: Date, importedBy: String, sha256: String, generated: String, entities: Int, active: Bool) {
        self.id = id
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.sha256 = sha256
        self.generated = generated
        self.entities = entities
        self.active = active
    }
}
