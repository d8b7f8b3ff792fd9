import Foundation
import Hummingbird
import NIOCore
import TresorCore
import TresorServices
import TresorStore

/// An order's page and its invoice (printable page and PDF), for the customer who placed it: a guest by
/// the access token in the link, an account holder by being logged in. Anyone else gets "not found".
struct OrderPagesController: Sendable {
    let site: SiteContext

    func addRoutes(to router: Router<TresorRequestContext>) {
        for lang in Language.allCases {
            router.get(RouterPath(Page.order(number: ":number").path(lang))) { request, context in
                try await self.order(request, context, lang)
            }
            router.get(RouterPath(Page.invoice(number: ":number").path(lang))) { request, context in
                try await self.invoice(request, context, lang, pdf: false)
            }
            router.get(RouterPath(Page.invoicePDF(number: ":number").path(lang))) { request, context in
                try await self.invoice(request, context, lang, pdf: true)
            }
        }
    }

    /// Whether this request may see the order, and the query that keeps a guest's access on further links.
    func access(_ order: Order, _ request: Request, _ visitor: Visitor) async throws -> String? {
        let token = request.formQuery.first { $0.name == "token" }?.value ?? ""
        if !token.isEmpty, OrderAccessToken.verify(token, orderID: order.id, key: try await site.secrets.key("order-access")) {
            return "?token=" + Escape.percent(token)
        }
        if let customer = visitor.customer, customer.id == order.customerID { return "" }
        return nil
    }

    func order(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let visitor = try await site.visitor(request)
        let found = try await site.database.read { sql -> (Order, String?)? in
            guard let order = try await OrderRepository(sql).find(number: number) else { return nil }
            return (order, try await InvoiceRepository(sql).find(orderID: order.id)?.number)
        }
        guard let (order, invoice) = found, let query = try await access(order, request, visitor) else { throw PageError.notFound }
        let html = OrderView.render(order, invoice: invoice, tokenQuery: query, bank: site.bank,
                                    site.pageContext(request, .order(number: order.number)))
        return try await site.page(html, visitor)
    }

    func invoice(_ request: Request, _ context: TresorRequestContext, _ lang: Language, pdf: Bool) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let visitor = try await site.visitor(request)
        guard let invoice = try await site.database.read({ sql in try await InvoiceRepository(sql).find(number: number) }),
              let query = try await access(invoice.order, request, visitor) else { throw PageError.notFound }
        guard pdf else {
            let html = InvoicePage.render(invoice, pdfLink: Page.invoicePDF(number: number).path(lang) + query,
                                          site.pageContext(request, .invoice(number: number)))
            return try await site.page(html, visitor)
        }
        let document = InvoicePDF.render(invoice)
        return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"\(invoice.number).pdf\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
}
