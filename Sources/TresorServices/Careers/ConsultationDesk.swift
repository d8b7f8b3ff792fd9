import Foundation
import TresorCore
import TresorStore

/// Why a call-back request was not moved on.
public enum ConsultationProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Only an active staff member handles call-back requests.
    case notStaff(String)

    public var description: String {
        switch self {
        case .notStaff(let who): "\(who) is not an active staff member; add one with `tresor staff add`"
        }
    }
}

/// Call-back requests: into the staff queue (and a notice to the advisers' mailbox), worked in order.
public struct ConsultationDesk: Sendable {
    let database: Database
    let mail: MailSettings
    let staffAddress: String

    public init(database: Database, mail: MailSettings, staffAddress: String) {
        self.database = database
        self.mail = mail
        self.staffAddress = staffAddress
    }

    /// Stores a valid request with the notice to the staff in one transaction.
    public func request(_ callback: CallbackRequest, ip: String, now: Date) async throws {
        let (settings, staff) = (mail, staffAddress)
        try await database.transaction { sql in
            try await CallbackRepository(sql).add(callback, ip: ip)
            let lines = ["Rückrufwunsch", "", "Name: \(callback.name)", "Telefon: \(callback.phone)",
                         "Zeitfenster: \(callback.window.rawValue) Uhr", "Thema: \(callback.topic.rawValue)",
                         "Sprache: \(callback.language.rawValue)", "", "tresor callbacks list"]
            try await MailOutboxRepository(sql, dialect: database.dialect).enqueue(
                ShopMail.compose(to: .init(name: "", email: staff), subject: "Rückruf: \(callback.name), \(callback.window.rawValue) Uhr",
                                 lines: lines, settings: settings, now: now), now: now)
        }
    }

    public func queue(status: CallbackStatus = .open) async throws -> [CallbackRequest] {
        try await database.read { sql in try await CallbackRepository(sql).queue(status: status) }
    }

    /// One page of the requests in a status, oldest first (the back office).
    public func queue(status: CallbackStatus, page: Int) async throws -> ListPage<CallbackRequest> {
        let found = try await database.read { sql in
            try await CallbackRepository(sql).queue(status: status, limit: ListPage<CallbackRequest>.size + 1,
                                                    offset: ListPage<CallbackRequest>.offset(page))
        }
        return ListPage(reading: found, number: max(1, page))
    }

    /// Moves a request on (called, closed), named as handled by an active staff member; false when there is no
    /// request with that id.
    public func mark(id: UUID, _ status: CallbackStatus, by actor: Actor, now: Date) async throws -> Bool {
        try await database.transaction { sql in
            guard actor.staffMember != nil, let staff = try await StaffDirectory.authorize(actor, .callbacks, in: sql) else {
                throw ConsultationProblem.notStaff(actor.recorded)
            }
            guard try await CallbackRepository(sql).setStatus(id: id, status, by: staff, now: now) else { return false }
            try await StaffDirectory.audit(actor, "callback.mark", id.uuidString.lowercased(), after: ["status": status.rawValue],
                                           now: now, in: sql)
            return true
        }
    }
}
