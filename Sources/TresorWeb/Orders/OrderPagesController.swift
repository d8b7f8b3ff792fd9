import Foundation
import Hummingbird
import NIOCore
import TresorCore
import TresorServices

/// An order's page and its invoice (printable page and PDF), for the customer who placed it: a guest by
/// the access token in the link, an account holder by being logged in. Anyone else gets "not found".
struct OrderPagesController: Sendable {
    let site: SiteContext

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.orders(.order(number: ":number"))) { request, context, lang in try await self.order(request, context, lang) }
        group.get(.orders(.invoice(number: ":number"))) { request, context, lang in
            try await self.invoice(request, context, lang, pdf: false)
        }
        group.get(.orders(.invoicePDF(number: ":number"))) { request, context, lang in
            try await self.invoice(request, context, lang, pdf: true)
        }
    }

    /// Who asks: the token in the link (a guest) or the logged-in account; the order desk decides what they see.
    func viewer(_ request: Request, _ visitor: Visitor) -> (OrderViewer, tokenQuery: String) {
        let token = request.formQuery.first { $0.name == "token" }?.value ?? ""
        // A guest's token stays on the further links (the invoice), so the guest keeps their way in.
        return (OrderViewer(token: token, customerID: visitor.customer?.id), token.isEmpty ? "" : "?token=" + Escape.percent(token))
    }

    func order(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let visitor = context.visitor
        let (viewer, query) = viewer(request, visitor)
        guard let order = try await site.orders.order(number: number, seenBy: viewer) else { throw PageError.notFound }
        let html = OrderView.render(order, documents: try await site.orders.documents(orderID: order.id), tokenQuery: query, bank: site.bank,
                                    site.pageContext(request, .orders(.order(number: order.number))))
        return try await site.page(html, visitor)
    }

    func invoice(_ request: Request, _ context: TresorRequestContext, _ lang: Language, pdf: Bool) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let visitor = context.visitor
        let (viewer, query) = viewer(request, visitor)
        guard pdf else {
            guard let invoice = try await site.orders.invoice(number: number, seenBy: viewer) else { throw PageError.notFound }
            let html = InvoicePage.render(invoice, pdfLink: Page.orders(.invoicePDF(number: number)).path(lang) + query,
                                          site.pageContext(request, .orders(.invoice(number: number))))
            return try await site.page(html, visitor)
        }
        // The PDF as it was issued, byte for byte.
        guard let (invoice, document) = try await site.orders.invoicePDF(number: number, seenBy: viewer) else { throw PageError.notFound }
        return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"\(invoice.number).pdf\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
}
