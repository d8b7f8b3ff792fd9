import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Selling to the dealer ("Ankauf"): the list of what the dealer buys at today's buy-back prices, the sell quote
/// with its locked prices and the seller's form, and then the buy-back's number and what to do with the goods.
/// Everything goes through `BuybackDesk`.
struct SellBackController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        // The list's form and the product pages' "sell" forms share the page token (product pages are cached).
        [FormRule(.shop(.sellBack), token: CSRF.pageForm), FormRule(.shop(.sellOffer(id: ":id")), token: "sell-offer")]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.shop(.sellBack)) { request, context, _ in try await self.list(request, context) }
        group.post(.shop(.sellBack)) { request, context, lang in try await self.quote(request, context, lang) }
        group.get(.shop(.sellOffer(id: ":id"))) { request, context, lang in
            try await self.offer(request, context, lang, id: try Self.id(context))
        }
        group.post(.shop(.sellOffer(id: ":id"))) { request, context, lang in try await self.submit(request, context, lang) }
        group.get(.shop(.sellCreditNote(id: ":id"))) { _, context, _ in
            // The offer's address (an unguessable id) is the seller's key, as the mail gave it.
            guard let buyback = try await site.shop.buybacks.buyback(quoteID: try Self.id(context)), let number = buyback.creditNote,
                  let (_, pdf) = try await site.shop.buybacks.creditNote(number) else { throw PageError.notFound }
            return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "private, no-store",
                                                   .contentDisposition: "attachment; filename=\"\(number).pdf\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        }
    }

    static func id(_ context: TresorRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw PageError.notFound }
        return id
    }

    func list(_ request: Request, _ context: TresorRequestContext, problems: [String] = [],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = context.visitor
        let token = try await site.formToken(&visitor, form: CSRF.pageForm)
        let page = site.pageContext(request, .shop(.sellBack))
        let snapshot = site.board.snapshot
        let offers = snapshot.products.compactMap { product -> (Product, Money)? in
            guard let price = snapshot.priced(product, now: page.now).prices?.buybackPrice, price > .zero else { return nil }
            return (product, price)
        }
        return try await site.page(SellBackView.list(offers, token: token, problems: problems, page), visitor, status: status)
    }

    /// A sell quote from the list (`qty.SKU` fields) or a product page (`sku`, `quantity`).
    func quote(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var items: [(sku: String, quantity: Int)] = []
        if !form["sku"].isEmpty {
            items = [(form["sku"], Int(form["quantity"]) ?? 0)]
        } else {
            for field in form.fields where field.name.hasPrefix("qty.") && !field.value.isEmpty {
                items.append((String(field.name.dropFirst(4)), Int(field.value) ?? -1))
            }
        }
        let quote: BuybackQuote
        do {
            quote = try await site.shop.buybacks.quote(items, now: site.now())
        } catch let problem as BuybackProblem {
            return try await list(request, context, problems: [SellText.problem(problem, lang)], status: .unprocessableContent)
        }
        return site.redirect(Page.shop(.sellOffer(id: quote.id.uuidString.lowercased())).path(lang), context.visitor)
    }

    func offer(_ request: Request, _ context: TresorRequestContext, _ lang: Language, id: UUID, draft: SellDraft? = nil,
               problems: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let quote = try await site.shop.buybacks.quote(id: id) else { throw PageError.notFound }
        var visitor = context.visitor
        let page = site.pageContext(request, .shop(.sellOffer(id: id.uuidString.lowercased())))
        if let buyback = try await site.shop.buybacks.buyback(quoteID: id) {
            return try await site.page(SellBackView.done(buyback, dealer: site.shop.dealer.current, page), visitor, status: status)
        }
        let token = try await site.formToken(&visitor, form: "sell-offer")
        let prefilled = draft ?? SellDraft(details: visitor.customer?.details)
        return try await site.page(SellBackView.offer(quote, draft: prefilled, token: token, expired: !quote.isValid(at: page.now),
                                                      problems: problems, page), visitor, status: status)
    }

    func submit(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let id = try Self.id(context)
        let form = context.form
        let draft = SellDraft(form: form)
        do {
            _ = try await site.shop.buybacks.request(
                BuybackRequest(quoteID: id, seller: draft.details, payout: draft.payout, iban: draft.iban, accountHolder: draft.holder,
                               confirmed: form["confirm"] == "1", language: lang),
                by: context.actor, now: site.now())
        } catch BuybackProblem.quoteUsed {
            // A second click: the buy-back is there, the page shows it.
        } catch let problem as BuybackProblem {
            return try await offer(request, context, lang, id: id, draft: draft, problems: [SellText.problem(problem, lang)],
                                   status: problem == .quoteExpired ? .conflict : .unprocessableContent)
        }
        return site.redirect(Page.shop(.sellOffer(id: id.uuidString.lowercased())).path(lang), context.visitor)
    }
}

/// What the seller typed, kept when the form comes back with a problem.
struct SellDraft: Sendable {
    var details: CustomerDetails
    var payout: PayoutMethod
    var iban: String
    var holder: String

    init(details: CustomerDetails?) {
        self.details = details ?? CustomerDetails(email: "", name: "", street: "", postalCode: "", city: "", country: "DE")
        payout = .bankTransfer
        iban = ""
        holder = details?.name ?? ""
    }

    init(form: FormData) {
        details = CustomerDetails(form: form)
        payout = PayoutMethod(rawValue: form["payout"]) ?? .bankTransfer
        iban = form["iban"]
        holder = form["accountHolder"]
    }
}
