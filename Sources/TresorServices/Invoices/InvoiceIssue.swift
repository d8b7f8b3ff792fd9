import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Issuing documents inside an order's transaction: the number is drawn, the PDF drawn and both kept in the same
/// transaction, so a number is used exactly when its document exists (gapless) and the document is the one issued.
enum InvoiceIssue {
    /// The order's invoice, issued when its goods left at `suppliedAt` (shipped, or handed over at the counter);
    /// the one it has if it was issued before.
    static func invoice(for order: Order, suppliedAt: Date, seller: Seller, now: Date, in sql: any SQLDatabase) async throws -> Invoice {
        let invoices = InvoiceRepository(sql)
        if let issued = try await invoices.find(orderID: order.id) { return issued }
        let invoice = Invoice(number: try await invoices.nextNumber(.invoice, now: now), issuedAt: now, suppliedAt: suppliedAt,
                              order: order, seller: seller)
        try await invoices.store(invoice, pdf: InvoicePDF.render(invoice))
        return invoice
    }

    /// The cancellation invoice that reverses the order's invoice (the goods came back); nil when it has none.
    static func cancellation(for order: Order, seller: Seller, now: Date, in sql: any SQLDatabase) async throws -> Invoice? {
        let invoices = InvoiceRepository(sql)
        guard let original = try await invoices.find(orderID: order.id) else { return nil }
        if let issued = try await invoices.find(orderID: order.id, kind: .cancellation) { return issued }
        let cancellation = Invoice.cancellation(of: original, number: try await invoices.nextNumber(.cancellation, now: now),
                                                issuedAt: now, seller: seller)
        try await invoices.store(cancellation, pdf: InvoicePDF.render(cancellation))
        return cancellation
    }
}
