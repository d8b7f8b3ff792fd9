import Crypto
import Foundation
import SQLKit
import TresorCore

/// Sell quotes, buy-backs with their pieces and history, credit notes and payout files, on the session it is given.
public struct BuybackRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    // MARK: quotes

    public func insert(_ quote: BuybackQuote) async throws {
        try await sql.execute("""
            INSERT INTO buyback_quotes (id, created_at, expires_at) VALUES (\(bind: quote.id), \(bind: quote.createdAt), \(bind: quote.expiresAt))
            """)
        for (position, line) in quote.lines.enumerated() {
            try await sql.execute("""
                INSERT INTO buyback_quote_lines (quote_id, position, product_id, sku, name, quantity, unit_price_cents)
                VALUES (\(bind: quote.id), \(bind: position), \(bind: line.productID), \(bind: line.sku), \(bind: line.name),
                    \(bind: line.quantity), \(bind: line.unitPrice.cents))
                """)
        }
    }

    public func quote(id: UUID) async throws -> BuybackQuote? {
        guard let row = try await sql.rows("SELECT * FROM buyback_quotes WHERE id = \(bind: id)").first else { return nil }
        let lines = try await sql.rows("SELECT * FROM buyback_quote_lines WHERE quote_id = \(bind: id) ORDER BY position").map { line in
            BuybackQuoteLine(productID: try line.uuid("product_id"), sku: try line.string("sku"), name: try line.string("name"),
                             quantity: try line.int("quantity"), unitPrice: try line.money("unit_price_cents"))
        }
        return BuybackQuote(id: try row.uuid("id"), createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"), lines: lines)
    }

    // MARK: buy-backs

    public func insert(_ buyback: Buyback, now: Date) async throws {
        let s = buyback.seller
        let keys = LinkKeys(customer: s, customerID: buyback.customerID)
        try await sql.execute("""
            INSERT INTO buybacks (id, number, quote_id, status, email, name, street, postal_code, city, country, payout_method, iban,
                account_holder, customer_id, language, email_key, person_key, compliance_rule, compliance_outcome, compliance_explanation,
                created_at, updated_at)
            VALUES (\(bind: buyback.id), \(bind: buyback.number), \(bind: buyback.quoteID), \(bind: buyback.status.rawValue), \(bind: s.email),
                \(bind: s.name), \(bind: s.street), \(bind: s.postalCode), \(bind: s.city), \(bind: s.country), \(bind: buyback.payout.rawValue),
                \(bind: buyback.iban), \(bind: buyback.accountHolder), \(bind: buyback.customerID), \(bind: buyback.language.rawValue),
                \(bind: keys.email), \(bind: keys.person), \(bind: buyback.compliance.rule), \(bind: buyback.compliance.outcome.rawValue),
                \(bind: buyback.compliance.explanation), \(bind: buyback.createdAt), \(bind: now))
            """)
        for item in buyback.items {
            try await sql.execute("""
                INSERT INTO buyback_items (buyback_id, position, product_id, sku, name, unit_price_cents, measured_grams, decision, note)
                VALUES (\(bind: buyback.id), \(bind: item.position), \(bind: item.productID), \(bind: item.sku), \(bind: item.name),
                    \(bind: item.unitPrice.cents), \(bind: item.measuredGrams), \(bind: item.decision.rawValue), \(bind: item.note))
                """)
        }
    }

    public func find(number: String) async throws -> Buyback? {
        try await buybacks(sql.rows("SELECT * FROM buybacks WHERE number = \(bind: number)")).first
    }

    public func find(quoteID: UUID) async throws -> Buyback? {
        try await buybacks(sql.rows("SELECT * FROM buybacks WHERE quote_id = \(bind: quoteID)")).first
    }

    public func lock(number: String) async throws {
        guard sql.tresorDialect == .postgres else { return }
        _ = try await sql.rows("SELECT id FROM buybacks WHERE number = \(bind: number) FOR UPDATE")
    }

    public func list(status: BuybackStatus?, limit: Int) async throws -> [Buyback] {
        let filter: SQLQueryString = status.map { "status = \(bind: $0.rawValue)" } ?? "1 = 1"
        return try await buybacks(sql.rows("SELECT * FROM buybacks WHERE \(filter) ORDER BY created_at DESC, number DESC LIMIT \(bind: limit)"))
    }

    /// The sellers of buy-backs not yet paid out, returned or cancelled (screened again after a sanctions import).
    public func unpaidSellers() async throws -> [(id: UUID, number: String, name: String, status: BuybackStatus)] {
        try await sql.rows("SELECT id, number, name, status FROM buybacks WHERE status IN ('awaiting_goods', 'received', 'checked') ORDER BY created_at")
            .map { (try $0.uuid("id"), try $0.string("number"), try $0.string("name"), try $0.enumValue("status", as: BuybackStatus.self)) }
    }

    /// Bank payouts due: checked, approved items, not yet in a SEPA file; oldest first.
    public func bankPayoutsDue(limit: Int) async throws -> [Buyback] {
        try await buybacks(sql.rows("""
            SELECT * FROM buybacks WHERE status = 'checked' AND payout_method = 'bank_transfer' AND payout_batch IS NULL
            ORDER BY created_at, number LIMIT \(bind: limit)
            """))
    }

    public func setStatus(id: UUID, _ status: BuybackStatus, now: Date) async throws {
        try await sql.execute("UPDATE buybacks SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)")
    }

    public func setItem(buybackID: UUID, _ item: BuybackItem) async throws {
        try await sql.execute("""
            UPDATE buyback_items SET measured_grams = \(bind: item.measuredGrams), decision = \(bind: item.decision.rawValue), note = \(bind: item.note)
            WHERE buyback_id = \(bind: buybackID) AND position = \(bind: item.position)
            """)
    }

    public func setCreditNote(id: UUID, number: String) async throws {
        try await sql.execute("UPDATE buybacks SET credit_note = \(bind: number) WHERE id = \(bind: id)")
    }

    public func setIdentity(id: UUID, recordID: UUID) async throws {
        try await sql.execute("UPDATE buybacks SET identity_record_id = \(bind: recordID) WHERE id = \(bind: id)")
    }

    public func identityRecordID(id: UUID) async throws -> UUID? {
        try await sql.rows("SELECT identity_record_id FROM buybacks WHERE id = \(bind: id)").first?
            .decode(column: "identity_record_id", as: UUID?.self)
    }

    public func markPaid(ids: [UUID], batch: String?, now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await sql.execute("""
            UPDATE buybacks SET status = 'paid', paid_at = \(bind: now), payout_batch = \(bind: batch), updated_at = \(bind: now)
            WHERE id IN (\(binds: ids))
            """)
    }

    public func addEvent(buybackID: UUID, at: Date, actor: String, action: String, note: String) async throws {
        try await sql.execute("""
            INSERT INTO buyback_events (buyback_id, at, actor, action, note)
            VALUES (\(bind: buybackID), \(bind: at), \(bind: actor), \(bind: action), \(bind: note))
            """)
    }

    public func events(buybackID: UUID) async throws -> [(at: Date, actor: String, action: String, note: String)] {
        try await sql.rows("SELECT * FROM buyback_events WHERE buyback_id = \(bind: buybackID) ORDER BY id").map {
            (try $0.date("at"), try $0.string("actor"), try $0.string("action"), try $0.string("note"))
        }
    }

    // MARK: credit notes and payout files

    public func store(_ note: CreditNote, pdf: Data) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(note)
        try await sql.execute("""
            INSERT INTO credit_notes (number, buyback_id, issued_at, total_cents, data, data_sha256, pdf, pdf_sha256)
            VALUES (\(bind: note.number), \(bind: note.buyback.id), \(bind: note.issuedAt), \(bind: note.total.cents),
                \(bind: String(decoding: data, as: UTF8.self)), \(bind: Hex.encode(SHA256.hash(data: data))), \(bind: pdf.base64EncodedString()),
                \(bind: Hex.encode(SHA256.hash(data: pdf))))
            """)
    }

    public func creditNote(number: String) async throws -> (note: CreditNote, pdf: Data)? {
        guard let row = try await sql.rows("SELECT data, pdf FROM credit_notes WHERE number = \(bind: number)").first,
              let pdf = Data(base64Encoded: try row.string("pdf")) else { return nil }
        return (try JSONDecoder().decode(CreditNote.self, from: Data(try row.string("data").utf8)), pdf)
    }

    /// Keeps a payout file as written, so a file lost on the way to the bank can be written again, never rebuilt.
    public func recordBatch(messageID: String, by: String, payouts: Int, total: Money, sha256: String, xml: String, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO payout_batches (message_id, created_at, created_by, payouts, total_cents, sha256, xml)
            VALUES (\(bind: messageID), \(bind: now), \(bind: by), \(bind: payouts), \(bind: total.cents), \(bind: sha256), \(bind: xml))
            """)
    }

    public func batchXML(messageID: String) async throws -> String? {
        try await sql.rows("SELECT xml FROM payout_batches WHERE message_id = \(bind: messageID)").first?.string("xml")
    }

    /// The buy-backs of these rows with their pieces: two queries however many buy-backs.
    func buybacks(_ rows: [any SQLRow]) async throws -> [Buyback] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.uuid("id") }
        var items: [UUID: [BuybackItem]] = [:]
        for item in try await sql.rows("SELECT * FROM buyback_items WHERE buyback_id IN (\(binds: ids)) ORDER BY buyback_id, position") {
            items[try item.uuid("buyback_id"), default: []].append(
                BuybackItem(position: try item.int("position"), productID: try item.uuid("product_id"), sku: try item.string("sku"),
                            name: try item.string("name"), unitPrice: try item.money("unit_price_cents"),
                            measuredGrams: try item.decode(column: "measured_grams", as: String?.self),
                            decision: try item.enumValue("decision", as: ItemDecision.self), note: try item.string("note")))
        }
        return try rows.map { row in
            let id = try row.uuid("id")
            let seller = CustomerDetails(email: try row.string("email"), name: try row.string("name"), street: try row.string("street"),
                                         postalCode: try row.string("postal_code"), city: try row.string("city"), country: try row.string("country"))
            return Buyback(id: id, number: try row.string("number"), quoteID: try row.uuid("quote_id"),
                           status: try row.enumValue("status", as: BuybackStatus.self), seller: seller,
                           payout: try row.enumValue("payout_method", as: PayoutMethod.self), iban: try row.decode(column: "iban", as: String?.self),
                           accountHolder: try row.decode(column: "account_holder", as: String?.self), items: items[id] ?? [],
                           compliance: ComplianceDecision(outcome: try row.enumValue("compliance_outcome", as: ComplianceOutcome.self),
                                                          rule: try row.string("compliance_rule"), explanation: try row.string("compliance_explanation")),
                           createdAt: try row.date("created_at"), customerID: try row.decode(column: "customer_id", as: UUID?.self),
                           language: Language(rawValue: try row.string("language")) ?? .de,
                           creditNote: try row.decode(column: "credit_note", as: String?.self), paidAt: try row.optionalDate("paid_at"))
        }
    }
}
