import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a staff record was not added or a staff member not found.
public enum StaffProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(InvalidParameter)
    case exists(String)
    /// No active staff member with this e-mail.
    case unknown(String)
    /// A staff member may not end their own access (someone else must, so it is never done by accident).
    case ownAccess

    public var description: String {
        switch self {
        case .invalid(let p): "invalid \(p.name): \(p.value)"
        case .exists(let email): "a staff member \(email) exists already"
        case .unknown(let email): "no active staff member \(email); add one with `tresor staff add`"
        case .ownAccess: "a staff member cannot disable themselves; another staff member must"
        }
    }
}

/// Staff records and their API tokens, and the one check that an actor may act as staff.
public struct StaffDirectory: Sendable {
    public typealias Problem = StaffProblem
    let database: Database

    public init(database: Database) { self.database = database }

    /// Adds a staff member and returns the API token, shown this once and stored only as a hash.
    public func add(email: String, name: String, now: Date) async throws -> (StaffMember, token: String) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        let probe = CustomerDetails(email: email, name: name, street: "-", postalCode: "00000", city: "-", country: "DE")
        do { try probe.validate() } catch { throw StaffProblem.invalid(error) }
        var generator = SystemRandomNumberGenerator()
        let token = "tst_" + (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        let member = StaffMember(id: UUID(), email: email, name: name)
        try await database.transaction { sql in
            let staff = StaffRepository(sql)
            guard try await !staff.exists(email: email) else { throw StaffProblem.exists(email) }
            try await staff.insert(member, token: token, now: now)
        }
        return (member, token)
    }

    /// Ends a staff member's access at once: their API token and `--by` stop working, every step they try after
    /// this is refused, and what they did stays recorded under their e-mail. Only another active staff member may.
    public func disable(email: String, by actor: Actor, now: Date) async throws {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard case .staff(let member) = actor else { throw StaffProblem.unknown(actor.recorded) }
        guard member.email != address else { throw StaffProblem.ownAccess }
        try await database.transaction { sql in
            guard let recorded = try await Self.recorded(actor, in: sql) else { throw StaffProblem.unknown(member.email) }
            guard try await StaffRepository(sql).disable(email: address, by: recorded, now: now) else {
                throw StaffProblem.unknown(address)
            }
        }
    }

    /// The actor for an active staff member's e-mail (what `--by` on the command line names).
    public func actor(email: String) async throws -> Actor {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let member = try await database.read({ sql in try await StaffRepository(sql).find(email: address) }) else {
            throw StaffProblem.unknown(address)
        }
        return .staff(member)
    }

    /// The active staff member an API token belongs to.
    public func member(apiToken: String) async throws -> StaffMember? {
        try await database.read { sql in try await StaffRepository(sql).find(token: apiToken) }
    }

    /// How `actor` is recorded, if it may act for the dealer: an active staff member (checked in the caller's
    /// transaction, so one disabled a moment ago cannot act) or the shop's own job. Nil for customers and visitors.
    static func recorded(_ actor: Actor, in sql: any SQLDatabase) async throws -> String? {
        switch actor {
        case .staff(let member): try await StaffRepository(sql).find(id: member.id) == nil ? nil : actor.recorded
        case .system: actor.recorded
        case .visitor, .customer: nil
        }
    }
}
