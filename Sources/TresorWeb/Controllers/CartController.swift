import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// The cart: shown, added to from product pages, quantities changed. The first addition starts the session.
struct CartController: Sendable {
    let site: SiteContext

    func addRoutes(to router: Router<TresorRequestContext>) {
        for lang in Language.allCases {
            router.get(RouterPath(Page.checkout(.cart).pattern(lang))) { request, _ in try await self.show(request, lang) }
            router.post(RouterPath(Page.checkout(.cart).pattern(lang))) { request, _ in try await self.update(request, lang) }
            router.post(RouterPath(Page.checkout(.cartAdd).pattern(lang))) { request, _ in try await self.add(request, lang) }
        }
    }

    func show(_ request: Request, _ lang: Language, problems: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = try await site.visitor(request)
        let token = try await site.formToken(&visitor, form: "cart")
        let context = site.pageContext(request, .checkout(.cart))
        let lines = CartLine.priced(try await site.sessions.cart(visitor.session), site.board.snapshot, now: context.now)
        return try await site.page(CartView.render(lines, token: token, problems: problems, context), visitor, status: status)
    }

    func add(_ request: Request, _ lang: Language) async throws -> Response {
        var (form, visitor) = try await site.submission(request, form: CSRF.pageForm)
        guard let product = site.board.snapshot.product(sku: form["sku"]) else {
            throw PageError.badParameter(InvalidParameter(name: "sku", value: form["sku"]))
        }
        guard let quantity = Int(form["quantity"]), (1...QuoteDesk.maxQuantity).contains(quantity) else {
            throw PageError.badParameter(InvalidParameter(name: "quantity", value: form["quantity"]))
        }
        let session = try await site.ensureSession(&visitor)
        try await site.sessions.add(product.sku, quantity: quantity, to: session, now: site.now())
        return site.redirect(Page.checkout(.cart).path(lang), visitor)
    }

    /// New quantities (one `sku`/`quantity` pair per line), or one line removed.
    func update(_ request: Request, _ lang: Language) async throws -> Response {
        let (form, visitor) = try await site.submission(request, form: "cart")
        guard let session = visitor.session else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        let skus = form.fields.filter { $0.name == "sku" }.map(\.value)
        let quantities = form.fields.filter { $0.name == "quantity" }.map(\.value)
        guard skus.count == quantities.count else { throw PageError.badParameter(InvalidParameter(name: "quantity", value: "")) }
        var changes: [(sku: String, quantity: Int)] = []
        for (sku, text) in zip(skus, quantities) {
            guard let quantity = Int(text), (0...QuoteDesk.maxQuantity).contains(quantity) else {
                throw PageError.badParameter(InvalidParameter(name: "quantity", value: text))
            }
            changes.append((sku, form["remove"] == sku ? 0 : quantity))
        }
        try await site.sessions.set(changes, in: session, now: site.now())
        return site.redirect(Page.checkout(.cart).path(lang), visitor)
    }
}
