import Foundation
import TresorCore
import TresorStore

/// What `tresor invoices verify` found: how many documents it checked, and the first one that does not fit.
public struct InvoiceArchiveCheck: Sendable, Equatable {
    public var checked: Int
    public var problem: (number: String, reason: String)?

    public static func == (a: Self, b: Self) -> Bool {
        a.checked == b.checked && a.problem?.number == b.problem?.number && a.problem?.reason == b.problem?.reason
    }
}

/// The invoices as issued (GoBD): listing them, checking every stored document against its hashes and its number
/// sequence, and moving invoices of the table before documents were kept into the archive once.
public struct InvoiceArchive: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One line per document, optionally of one order.
    public func list(orderNumber: String? = nil) async throws -> [InvoiceListing] {
        var all: [InvoiceListing] = []
        while true {
            let after = all.last?.number
            let page = try await database.read { sql in try await InvoiceRepository(sql).list(orderNumber: orderNumber, limit: 500, after: after) }
            all += page
            if page.count < 500 { return all }
        }
    }

    /// Checks every stored document, 200 at a time (memory stays flat however many there are): its data and its PDF
    /// against their SHA-256, the data naming the same number, kind and total as its row, and the numbers of each kind
    /// and year gapless from 1.
    public func verify() async throws -> InvoiceArchiveCheck {
        var checked = 0
        var last = ""
        var expected: [String: Int] = [:]  // "R-2026" → the next sequence number
        while true {
            let after = last
            let page = try await database.read { sql in try await InvoiceRepository(sql).stored(after: after, limit: 200) }
            for document in page {
                if let reason = Self.problem(document, expected: &expected) {
                    return InvoiceArchiveCheck(checked: checked, problem: (document.number, reason))
                }
                checked += 1
            }
            guard let next = page.last?.number, page.count == 200 else { return InvoiceArchiveCheck(checked: checked, problem: nil) }
            last = next
        }
    }

    static func problem(_ document: StoredInvoiceDocument, expected: inout [String: Int]) -> String? {
        guard InvoiceRepository.sha256(document.data) == document.dataSHA256 else { return "its data does not match its SHA-256" }
        guard let pdf = document.pdf, InvoiceRepository.sha256(pdf) == document.pdfSHA256 else {
            return "its PDF does not match its SHA-256"
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let invoice = try? decoder.decode(Invoice.self, from: document.data) else { return "its data cannot be read" }
        guard invoice.number == document.number, invoice.kind.rawValue == document.kind, invoice.total == document.total else {
            return "its row and its data disagree"
        }
        let parts = document.number.split(separator: "-")
        guard parts.count == 3, let sequence = Int(parts[2]) else { return "its number is not of the form R-YYYY-NNNNNN" }
        let series = String(parts[0]) + "-" + String(parts[1])
        guard sequence == expected[series, default: 1] else {
            return "number \(expected[series, default: 1]) of \(series) is missing"
        }
        expected[series] = sequence + 1
        return nil
    }

    /// Moves invoices of the table before documents were kept (issued at payment) into the archive: each is drawn
    /// once, as it read, from its order and the seller stored with it, and kept from then on. Returns how many.
    @discardableResult
    public func adoptEarlier() async throws -> Int {
        var adopted = 0
        while true {
            let moved = try await database.transaction { sql -> Int in
                let invoices = InvoiceRepository(sql)
                let earlier = try await invoices.earlier(limit: 100)
                for row in earlier {
                    guard let order = try await OrderRepository(sql).find(id: row.orderID) else { continue }
                    let invoice = Invoice(number: row.number, issuedAt: row.issuedAt, suppliedAt: row.issuedAt, order: order, seller: row.seller)
                    try await invoices.store(invoice, pdf: InvoicePDF.render(invoice))
                    try await invoices.forgetEarlier(number: row.number)
                }
                return earlier.count
            }
            adopted += moved
            if moved < 100 { return adopted }
        }
    }
}
