import Crypto
import Foundation
import SQLKit
import TresorCore

/// Invoices and cancellation invoices as issued: the data behind each (JSON) and its PDF, each with its SHA-256.
/// Rows are inserted once and never changed; reading one returns what was issued, whatever the settings say now.
public struct InvoiceRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The data an invoice is kept as: stable key order, dates as exact numbers, so the same invoice always gives
    /// the same bytes and the same hash.
    public static func data(_ invoice: Invoice) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(invoice)
    }

    static func decode(_ text: String) throws -> Invoice {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(Invoice.self, from: Data(text.utf8))
    }

    public static func sha256(_ data: Data) -> String { Hex.encode(SHA256.hash(data: data)) }

    /// The next gapless number of `kind` for the Berlin year of `now`, in the caller's transaction: `R-2026-000045`
    /// for invoices, `S-2026-000003` for cancellations.
    public func nextNumber(_ kind: InvoiceKind, now: Date) async throws -> String {
        let year = BankingCalendar.berlinYear(of: now)
        switch kind {
        case .invoice: return OrderNumbers.invoice(year: year, sequence: try await CounterRepository(sql).next("invoice-\(year)"))
        case .cancellation:
            return OrderNumbers.cancellation(year: year, sequence: try await CounterRepository(sql).next("cancellation-\(year)"))
        }
    }

    /// Keeps an issued document: its data and PDF with their hashes.
    public func store(_ invoice: Invoice, pdf: Data) async throws {
        let data = try Self.data(invoice)
        try await sql.execute("""
            INSERT INTO invoice_documents (number, kind, order_id, cancels, issued_at, total_cents, data, data_sha256, pdf, pdf_sha256)
            VALUES (\(bind: invoice.number), \(bind: invoice.kind.rawValue), \(bind: invoice.order.id), \(bind: invoice.cancels?.number),
                \(bind: invoice.issuedAt), \(bind: invoice.total.cents), \(bind: String(decoding: data, as: UTF8.self)),
                \(bind: Self.sha256(data)), \(bind: pdf.base64EncodedString()), \(bind: Self.sha256(pdf)))
            """)
    }

    public func find(number: String) async throws -> Invoice? {
        try await sql.rows("SELECT data FROM invoice_documents WHERE number = \(bind: number)").first.map { try Self.decode(try $0.string("data")) }
    }

    /// An order's document of `kind`.
    public func find(orderID: UUID, kind: InvoiceKind = .invoice) async throws -> Invoice? {
        try await sql.rows("""
            SELECT data FROM invoice_documents WHERE order_id = \(bind: orderID) AND kind = \(bind: kind.rawValue)
            """).first.map { try Self.decode(try $0.string("data")) }
    }

    /// Documents issued in `[from, until)`, in number order, as issued.
    public func issued(from: Date, until: Date) async throws -> [Invoice] {
        try await sql.rows("""
            SELECT data FROM invoice_documents WHERE issued_at >= \(bind: from) AND issued_at < \(bind: until) ORDER BY issued_at, number
            """).map { try Self.decode(try $0.string("data")) }
    }

    /// The PDF exactly as issued.
    /// The invoices and cancellation invoices issued in `[from, until)` for parcels to another member state than
    /// `home`: the distance sales (§3c UStG). Pickups are supplied at the counter, whatever the customer's address.
    public func parcelsAbroad(from: Date, until: Date, home: String) async throws -> [Invoice] {
        try await sql.rows("""
            SELECT i.data FROM invoice_documents i JOIN orders o ON o.id = i.order_id
            WHERE i.issued_at >= \(bind: from) AND i.issued_at < \(bind: until) AND o.shipping_method = 'insured'
                AND o.country <> \(bind: home)
            ORDER BY i.issued_at, i.number
            """).map { try Self.decode(try $0.string("data")) }
    }

    public func pdf(number: String) async throws -> Data? {
        try await sql.rows("SELECT pdf FROM invoice_documents WHERE number = \(bind: number)").first
            .flatMap { Data(base64Encoded: try $0.string("pdf")) }
    }

    /// The invoice numbers of a customer's orders, by order, in one query.
    public func numbers(customerID: UUID) async throws -> [UUID: String] {
        var result: [UUID: String] = [:]
        for row in try await sql.rows("""
            SELECT i.order_id, i.number FROM invoice_documents i JOIN orders o ON o.id = i.order_id
            WHERE o.customer_id = \(bind: customerID) AND i.kind = 'invoice'
            """) {
            result[try row.uuid("order_id")] = try row.string("number")
        }
        return result
    }

    /// One line per document, in number order within each kind, optionally of one order.
    public func list(orderNumber: String? = nil, limit: Int, after: String? = nil) async throws -> [InvoiceListing] {
        var condition: SQLQueryString = "1 = 1"
        if let orderNumber { condition += " AND o.number = \(bind: orderNumber)" }
        if let after { condition += " AND i.number > \(bind: after)" }
        return try await sql.rows("""
            SELECT i.number, i.kind, o.number AS order_number, i.issued_at, i.total_cents FROM invoice_documents i
            JOIN orders o ON o.id = i.order_id WHERE \(condition) ORDER BY i.number LIMIT \(bind: limit)
            """).map { row in
            InvoiceListing(number: try row.string("number"), kind: try row.enumValue("kind", as: InvoiceKind.self),
                           orderNumber: try row.string("order_number"), issuedAt: try row.date("issued_at"),
                           total: try row.money("total_cents"))
        }
    }

    /// Stored documents with their hashes, in number order from after `after`, for checking.
    public func stored(after: String, limit: Int) async throws -> [StoredInvoiceDocument] {
        try await sql.rows("""
            SELECT number, kind, issued_at, total_cents, data, data_sha256, pdf, pdf_sha256 FROM invoice_documents
            WHERE number > \(bind: after) ORDER BY number LIMIT \(bind: limit)
            """).map { row in
            StoredInvoiceDocument(number: try row.string("number"), kind: try row.string("kind"), issuedAt: try row.date("issued_at"),
                                  total: try row.money("total_cents"), data: Data(try row.string("data").utf8),
                                  dataSHA256: try row.string("data_sha256"), pdf: Data(base64Encoded: try row.string("pdf")),
                                  pdfSHA256: try row.string("pdf_sha256"))
        }
    }

    /// Invoices of the table before documents were kept (issued at payment, never stored as a PDF): number, order,
    /// date and the seller as they were then.
    public func earlier(limit: Int) async throws -> [(number: String, orderID: UUID, issuedAt: Date, seller: Seller)] {
        try await sql.rows("SELECT number, order_id, issued_at, seller FROM invoices ORDER BY number LIMIT \(bind: limit)").map { row in
            (try row.string("number"), try row.uuid("order_id"), try row.date("issued_at"),
             try JSONDecoder().decode(Seller.self, from: Data(try row.string("seller").utf8)))
        }
    }

    public func forgetEarlier(number: String) async throws {
        try await sql.execute("DELETE FROM invoices WHERE number = \(bind: number)")
    }
}

/// One document as `tresor invoices list` prints it.
public struct InvoiceListing: Sendable, Hashable {
    public var number: String
    public var kind: InvoiceKind
    public var orderNumber: String
    public var issuedAt: Date
    public var total: Money
}

/// A stored document as it is in the database, for `tresor invoices verify`.
public struct StoredInvoiceDocument: Sendable {
    public var number: String
    public var kind: String
    public var issuedAt: Date
    public var total: Money
    public var data: Data
    public var dataSHA256: String
    /// nil when the stored text is not base64 any more.
    public var pdf: Data?
    public var pdfSHA256: String
}
