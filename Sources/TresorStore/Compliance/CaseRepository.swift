import Foundation
import SQLKit
import TresorCore

/// Suspicious-activity cases and their notes, on the session it is given.
public struct CaseRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ item: ComplianceCase) async throws {
        try await sql.execute("""
            INSERT INTO compliance_cases (id, number, status, order_number, customer_id, subject, reason, opened_by, opened_at,
                fiu_reference, updated_at)
            VALUES (\(bind: item.id), \(bind: item.number), \(bind: item.status.rawValue), \(bind: item.orderNumber), \(bind: item.customerID),
                \(bind: item.subject), \(bind: item.reason), \(bind: item.openedBy), \(bind: item.openedAt), \(bind: item.fiuReference),
                \(bind: item.updatedAt))
            """)
    }

    public func find(number: String) async throws -> ComplianceCase? {
        try await sql.rows("SELECT * FROM compliance_cases WHERE number = \(bind: number)").first.map(Self.item)
    }

    /// Cases in `status` (all when nil), oldest first: the queue is worked from its front.
    public func list(status: CaseStatus?, limit: Int) async throws -> [ComplianceCase] {
        let filter: SQLQueryString = status.map { "status = \(bind: $0.rawValue)" } ?? "1 = 1"
        return try await sql.rows("SELECT * FROM compliance_cases WHERE \(filter) ORDER BY opened_at, number LIMIT \(bind: limit)")
            .map(Self.item)
    }

    /// The open cases about an order (a second flag adds a note instead of a second case).
    public func open(orderNumber: String) async throws -> ComplianceCase? {
        try await sql.rows("""
            SELECT * FROM compliance_cases WHERE order_number = \(bind: orderNumber) AND status = 'open' ORDER BY opened_at LIMIT 1
            """).first.map(Self.item)
    }

    public func setStatus(id: UUID, _ status: CaseStatus, fiuReference: String?, now: Date) async throws {
        try await sql.execute("""
            UPDATE compliance_cases SET status = \(bind: status.rawValue), fiu_reference = \(bind: fiuReference), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """)
    }

    public func addNote(caseID: UUID, _ note: CaseNote) async throws {
        try await sql.execute("""
            INSERT INTO compliance_case_notes (case_id, at, by_staff, text) VALUES (\(bind: caseID), \(bind: note.at), \(bind: note.by), \(bind: note.text))
            """)
        try await sql.execute("UPDATE compliance_cases SET updated_at = \(bind: note.at) WHERE id = \(bind: caseID)")
    }

    public func notes(caseID: UUID) async throws -> [CaseNote] {
        try await sql.rows("SELECT at, by_staff, text FROM compliance_case_notes WHERE case_id = \(bind: caseID) ORDER BY id").map { row in
            CaseNote(at: try row.date("at"), by: try row.string("by_staff"), text: try row.string("text"))
        }
    }

    static func item(_ row: any SQLRow) throws -> ComplianceCase {
        ComplianceCase(id: try row.uuid("id"), number: try row.string("number"), status: try row.enumValue("status", as: CaseStatus.self),
                       orderNumber: try row.decode(column: "order_number", as: String?.self),
                       customerID: try row.decode(column: "customer_id", as: UUID?.self), subject: try row.string("subject"),
                       reason: try row.string("reason"), openedBy: try row.string("opened_by"), openedAt: try row.date("opened_at"),
                       fiuReference: try row.decode(column: "fiu_reference", as: String?.self), updatedAt: try row.date("updated_at"))
    }
}
