import Foundation
import SQLKit
import TresorCore

/// The staff queue of call-back requests.
public struct CallbackRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func add(_ request: CallbackRequest, ip: String) async throws {
        try await sql.execute("""
            INSERT INTO callback_requests (id, name, phone, time_window, topic, language, consent_text, ip, status, requested_at,
                updated_at)
            VALUES (\(bind: request.id), \(bind: request.name), \(bind: request.phone), \(bind: request.window.rawValue),
                \(bind: request.topic.rawValue), \(bind: request.language.rawValue), \(bind: request.consentText), \(bind: ip),
                \(bind: request.status.rawValue), \(bind: request.requestedAt), \(bind: request.requestedAt))
            """)
    }

    /// Requests with this status, oldest first (the order they are worked in).
    public func queue(status: CallbackStatus = .open, limit: Int = Int(Int32.max), offset: Int = 0) async throws -> [CallbackRequest] {
        try await sql.rows("""
            SELECT * FROM callback_requests WHERE status = \(bind: status.rawValue) ORDER BY requested_at, id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).map { row in
            CallbackRequest(id: try row.uuid("id"), name: try row.string("name"), phone: try row.string("phone"),
                            window: try row.enumValue("time_window", as: CallbackWindow.self),
                            topic: try row.enumValue("topic", as: CallbackTopic.self),
                            language: Language(rawValue: try row.string("language")) ?? .de, consentText: try row.string("consent_text"),
                            status: try row.enumValue("status", as: CallbackStatus.self), requestedAt: try row.date("requested_at"))
        }
    }

    /// Moves a request on; false when there is none with that id.
    public func setStatus(id: UUID, _ status: CallbackStatus, by staff: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE callback_requests SET status = \(bind: status.rawValue), handled_by = \(bind: staff),
                updated_at = \(bind: now) WHERE id = \(bind: id) RETURNING id
            """)).isEmpty
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM callback_requests").first?.int("n") ?? 0
    }
}
