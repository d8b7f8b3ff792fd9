import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// The cart: shown, added to from product pages, quantities changed. The first addition starts the session.
struct CartController: Sendable {
    let site: SiteContext

    /// The cart's forms: quantities, and "add to cart" on the product pages (which carry the shared page token).
    var forms: [FormRule] {
        [FormRule(.checkout(.cart), token: "cart"), FormRule(.checkout(.cartAdd), token: CSRF.pageForm)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.checkout(.cart)) { request, context, _ in try await self.show(request, context) }
        group.post(.checkout(.cart)) { _, context, lang in try await self.update(context, lang) }
        group.post(.checkout(.cartAdd)) { _, context, lang in try await self.add(context, lang) }
    }

    func show(_ request: Request, _ context: TresorRequestContext, problems: [String] = [],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: "cart")
        let page = site.pageContext(request, .checkout(.cart))
        let lines = CartLine.priced(try await site.sessions.cart(visitor.session), site.board.snapshot, now: page.now)
        return try await site.page(CartView.render(lines, token: token, problems: problems, page), visitor, status: status)
    }

    func add(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        guard let product = site.board.snapshot.product(sku: form["sku"]) else {
            throw PageError.badParameter(InvalidParameter(name: "sku", value: form["sku"]))
        }
        guard let quantity = Int(form["quantity"]), (1...QuoteDesk.maxQuantity).contains(quantity) else {
            throw PageError.badParameter(InvalidParameter(name: "quantity", value: form["quantity"]))
        }
        let session = try await site.ensureSession(&visitor)
        do { try await site.sessions.add(product.sku, quantity: quantity, to: session, now: site.now()) } catch CartProblem.tooManyLines {
            throw PageError.badParameter(InvalidParameter(name: "sku", value: product.sku))
        }
        return site.redirect(Page.checkout(.cart).path(lang), visitor)
    }

    /// New quantities (one `sku`/`quantity` pair per line), or one line removed.
    func update(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let (form, visitor) = (context.form, context.visitor)
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
        do { try await site.sessions.set(changes, in: session, now: site.now()) } catch CartProblem.unknownProduct(let sku) {
            throw PageError.badParameter(InvalidParameter(name: "sku", value: sku))
        } catch CartProblem.tooManyLines {
            throw PageError.badParameter(InvalidParameter(name: "sku", value: String(changes.count)))
        }
        return site.redirect(Page.checkout(.cart).path(lang), visitor)
    }
}
