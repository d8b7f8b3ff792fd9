import Crypto
import Foundation
import SQLKit
import TresorCore

/// Identification records and the orders they identified, on the session it is given.
public struct IdentityRecordRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(_ record: IdentityRecord, copy: IdentityDocumentCopy, keepUntil: Date?) async throws {
        let data = Data(copy.bytes)
        try await sql.execute("""
            INSERT INTO identity_records (id, customer_id, full_name, name_key, birth_date, birth_place, nationality, street, postal_code,
                city, country, document_type, document_number, issuing_authority, issuing_country, expires_on, own_account,
                politically_exposed, checked_by, checked_at, copy_type, copy_sha256, copy_data, last_used_at, keep_until)
            VALUES (\(bind: record.id), \(bind: record.customerID), \(bind: record.fullName), \(bind: record.nameKey), \(bind: record.birthDate),
                \(bind: record.birthPlace), \(bind: record.nationality), \(bind: record.street), \(bind: record.postalCode), \(bind: record.city),
                \(bind: record.country), \(bind: record.documentType.rawValue), \(bind: record.documentNumber), \(bind: record.issuingAuthority),
                \(bind: record.issuingCountry), \(bind: record.expiresOn), \(bind: record.ownAccount), \(bind: record.politicallyExposed),
                \(bind: record.checkedBy), \(bind: record.checkedAt), \(bind: copy.contentType),
                \(bind: Hex.encode(SHA256.hash(data: data))), \(bind: data.base64EncodedString()), \(bind: record.checkedAt), \(bind: keepUntil))
            """)
    }

    public func find(id: UUID) async throws -> IdentityRecord? {
        try await sql.rows("SELECT * FROM identity_records WHERE id = \(bind: id)").first.map(Self.record)
    }

    /// The customer's newest record whose document is still valid on `day` (`2026-11-30`).
    public func valid(customerID: UUID, on day: String) async throws -> IdentityRecord? {
        try await sql.rows("""
            SELECT * FROM identity_records WHERE customer_id = \(bind: customerID) AND expires_on >= \(bind: day)
            ORDER BY checked_at DESC LIMIT 1
            """).first.map(Self.record)
    }

    /// The record that identified an order.
    public func record(orderID: UUID) async throws -> IdentityRecord? {
        try await sql.rows("""
            SELECT r.* FROM identity_records r JOIN order_identities o ON o.record_id = r.id WHERE o.order_id = \(bind: orderID)
            """).first.map(Self.record)
    }

    /// Links the order to the record, and notes the use: the relationship lasts at least until then.
    public func link(orderID: UUID, recordID: UUID, by: String, at: Date, keepUntil: Date?) async throws {
        try await sql.execute("""
            INSERT INTO order_identities (order_id, record_id, linked_at, linked_by)
            VALUES (\(bind: orderID), \(bind: recordID), \(bind: at), \(bind: by))
            """)
        try await sql.execute("""
            UPDATE identity_records SET last_used_at = \(bind: at), keep_until = \(bind: keepUntil) WHERE id = \(bind: recordID)
            """)
    }

    /// The document's copy as recorded, with its checksum.
    public func copy(id: UUID) async throws -> (contentType: String, sha256: String, bytes: Data)? {
        guard let row = try await sql.rows("SELECT copy_type, copy_sha256, copy_data FROM identity_records WHERE id = \(bind: id)").first,
              let bytes = Data(base64Encoded: try row.string("copy_data")) else { return nil }
        return (try row.string("copy_type"), try row.string("copy_sha256"), bytes)
    }

    /// A closed account ends the business relationship: its records are kept until `keepUntil`, then deleted.
    public func endRelationship(customerID: UUID, keepUntil: Date) async throws {
        try await sql.execute("UPDATE identity_records SET keep_until = \(bind: keepUntil) WHERE customer_id = \(bind: customerID)")
    }

    /// Deletes the records whose keeping time is over, with their links; returns how many.
    public func deleteExpired(now: Date) async throws -> Int {
        let ids = try await sql.rows("""
            SELECT id FROM identity_records WHERE keep_until IS NOT NULL AND keep_until <= \(bind: now) LIMIT 500
            """).map { try $0.uuid("id") }
        guard !ids.isEmpty else { return 0 }
        try await sql.execute("DELETE FROM order_identities WHERE record_id IN (\(binds: ids))")
        try await sql.execute("DELETE FROM identity_records WHERE id IN (\(binds: ids))")
        return ids.count
    }

    static func record(_ row: any SQLRow) throws -> IdentityRecord {
        IdentityRecord(id: try row.uuid("id"), customerID: try row.decode(column: "customer_id", as: UUID?.self),
                       fullName: try row.string("full_name"), birthDate: try row.string("birth_date"), birthPlace: try row.string("birth_place"),
                       nationality: try row.string("nationality"), street: try row.string("street"), postalCode: try row.string("postal_code"),
                       city: try row.string("city"), country: try row.string("country"),
                       documentType: try row.enumValue("document_type", as: IdentityDocumentType.self),
                       documentNumber: try row.string("document_number"), issuingAuthority: try row.string("issuing_authority"),
                       issuingCountry: try row.string("issuing_country"), expiresOn: try row.string("expires_on"),
                       ownAccount: try row.bool("own_account"), politicallyExposed: try row.bool("politically_exposed"),
                       checkedBy: try row.string("checked_by"), checkedAt: try row.date("checked_at"))
    }
}
