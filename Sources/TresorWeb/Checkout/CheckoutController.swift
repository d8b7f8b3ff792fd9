import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Checkout in two steps: address, shipping and payment; then the review page with the locked quote, its
/// countdown and the confirmations. Placing the order is `OrderDesk.place`, the same as the API's.
struct CheckoutController: Sendable {
    let site: SiteContext
    let cart: CartController

    /// The checkout's forms: the address step, the fresh quote offered for an expired one, and the order itself.
    var forms: [FormRule] {
        [FormRule(.checkout(.address), token: "checkout"), FormRule(.checkout(.review), token: "review"),
         FormRule(.checkout(.place), token: "place")]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.checkout(.address)) { request, context, lang in try await self.address(request, context, lang) }
        group.post(.checkout(.address)) { request, context, lang in try await self.submitAddress(request, context, lang) }
        group.get(.checkout(.review)) { request, context, lang in try await self.review(request, context, lang) }
        group.post(.checkout(.review)) { request, context, lang in try await self.freshQuote(request, context, lang) }
        group.post(.checkout(.place)) { request, context, lang in try await self.place(request, context, lang) }
    }

    // MARK: step 1

    func address(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        let items = try await site.sessions.cart(visitor.session)
        guard let session = visitor.session, !items.isEmpty else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        var state = CheckoutState.decode(session.checkout)
        if state.details == nil { state.details = visitor.customer?.details }
        return try await addressPage(request, &visitor, state: state, problems: FieldProblems(), messages: [])
    }

    func addressPage(_ request: Request, _ visitor: inout Visitor, state: CheckoutState,
                     problems: FieldProblems, messages: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let token = try await site.formToken(&visitor, form: "checkout")
        let context = site.pageContext(request, .checkout(.address))
        let lines = CartLine.priced(try await site.sessions.cart(visitor.session), site.board.snapshot, now: context.now)
        let goods = lines.compactMap(\.lineTotal).reduce(Money.zero, +)
        let fee = site.orders.shippingFee(goods: goods, method: .insured)
        let html = CheckoutView.address(state: state, goods: goods, insuredFee: fee, loggedIn: visitor.customer != nil,
                                        token: token, problems: problems, messages: messages, context)
        return try await site.page(html, visitor, status: status)
    }

    func submitAddress(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        guard let session = visitor.session else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        var state = CheckoutState.decode(session.checkout)
        let details = CustomerDetails(form: form)
        state.details = details
        guard let shipping = ShippingMethod(rawValue: form["shipping"]) else {
            throw PageError.badParameter(InvalidParameter(name: "shipping", value: form["shipping"]))
        }
        guard let payment = PaymentMethod(rawValue: form["payment"]) else {
            throw PageError.badParameter(InvalidParameter(name: "payment", value: form["payment"]))
        }
        state.shipping = shipping
        state.payment = payment
        var problems = FieldProblems()
        do { try details.validate() } catch { problems = FieldProblems.details(error, lang) }
        var messages: [String] = []
        if !payment.goes(with: shipping) { messages.append(CustomerText.cashOnlyAtPickup(lang)) }
        if shipping == .insured, problems.isEmpty, !site.shop.dealer.current.shipsTo(details.country) {
            messages.append(CustomerText.notShippedTo(lang, details.country))
        }
        guard problems.isEmpty && messages.isEmpty else {
            return try await addressPage(request, &visitor, state: state, problems: problems, messages: messages,
                                         status: .unprocessableContent)
        }
        return try await quoteAndReview(request, context, lang, &visitor, session: session, state: state)
    }

    /// Prices the cart into a quote, keeps it in the session and shows the review page; a stale feed or short
    /// stock sends the visitor back with the reason.
    func quoteAndReview(_ request: Request, _ context: TresorRequestContext, _ lang: Language, _ visitor: inout Visitor,
                        session: StoredSession, state: CheckoutState) async throws -> Response {
        var state = state
        let items = try await site.sessions.cart(session)
        guard !items.isEmpty else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        let quote: Quote
        do {
            // Priced for the delivery: a parcel to another member state carries its VAT under the One-Stop-Shop.
            quote = try await site.orders.quote(items.map { ($0.sku, $0.quantity) },
                                                destination: state.shipping == .insured ? state.details?.country : nil, now: site.now())
        } catch let problem as QuoteProblem {
            return try await cart.show(request, context, problems: [message(problem, lang)], status: .conflict)
        }
        state.quoteID = quote.id
        try await site.sessions.setCheckout(session, state.json)
        return site.redirect(Page.checkout(.review).path(lang), visitor)
    }

    func message(_ problem: QuoteProblem, _ lang: Language) -> String {
        switch problem {
        case .noPrice: CustomerText.pricesStale(lang)
        case .insufficientStock(let sku, _, _), .unknownProduct(let sku), .quantity(let sku, _):
            CustomerText.stockShort(lang, site.board.snapshot.product(sku: sku)?.name ?? sku)
        case .empty: CustomerText.cartEmpty(lang)
        case .notShippedTo(let country): CustomerText.notShippedTo(lang, country)
        }
    }

    // MARK: step 2

    func review(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        guard let session = visitor.session else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        return try await reviewPage(request, lang, &visitor, state: CheckoutState.decode(session.checkout), problems: [])
    }

    func reviewPage(_ request: Request, _ lang: Language, _ visitor: inout Visitor, state: CheckoutState, problems: [String],
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let details = state.details, let quoteID = state.quoteID,
              let quote = try await site.orders.quote(id: quoteID) else {
            return site.redirect(Page.checkout(.address).path(lang), visitor)
        }
        let freshToken = try await site.formToken(&visitor, form: "review")
        let placeToken = try await site.formToken(&visitor, form: "place")
        let context = site.pageContext(request, .checkout(.review))
        let fee = site.orders.shippingFee(goods: quote.goodsTotal, method: state.shipping)
        let html = CheckoutView.review(quote: quote, details: details, state: state, shippingFee: fee, expired: !quote.isValid(at: context.now),
                                       freshToken: freshToken, placeToken: placeToken, problems: problems, context)
        return try await site.page(html, visitor, status: status)
    }

    func freshQuote(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        var visitor = context.visitor
        guard let session = visitor.session else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        return try await quoteAndReview(request, context, lang, &visitor, session: session, state: CheckoutState.decode(session.checkout))
    }

    func place(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let form = context.form
        var visitor = context.visitor
        guard let session = visitor.session else { return site.redirect(Page.checkout(.cart).path(lang), visitor) }
        var state = CheckoutState.decode(session.checkout)
        let posted = UUID(uuidString: form["quoteId"])
        // A second click, or a second tab, on a quote this checkout already ordered: show that order.
        if let posted, let placed = try await site.orders.order(quoteID: posted, seenBy: OrderViewer(customerID: visitor.customer?.id,
                                                                                                    placedHere: state.lastOrder)) {
            return try await orderRedirect(placed, lang, visitor)
        }
        guard let details = state.details, let quoteID = state.quoteID, posted == quoteID else {
            return site.redirect(Page.checkout(.review).path(lang), visitor)
        }
        guard form["noWithdrawal"] == "1" && form["acceptTerms"] == "1" else {
            return try await reviewPage(request, lang, &visitor, state: state, problems: [CustomerText.confirmMissing(lang)],
                                        status: .unprocessableContent)
        }
        let order: Order
        do {
            order = try await site.orders.place(
                OrderRequest(quoteID: quoteID, customer: details, shipping: state.shipping, payment: state.payment, acceptTerms: true,
                             language: lang),
                idempotencyKey: "web-" + state.orderKey, by: context.actor, now: site.now())
        } catch OrderProblem.quoteExpired {
            // Never re-priced silently: the review page now offers a fresh quote instead of the order button.
            return try await reviewPage(request, lang, &visitor, state: state, problems: [], status: .conflict)
        } catch OrderProblem.insufficientStock(let sku) {
            return try await cart.show(request, context, problems: [message(.insufficientStock(sku: sku, requested: 0, available: 0), lang)],
                                       status: .conflict)
        } catch OrderProblem.invalid(let parameter) {
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems.details(parameter, lang),
                                         messages: [], status: .unprocessableContent)
        } catch OrderProblem.tooManyGuestOrders {
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems(),
                                         messages: [CustomerText.guestOrdersTooMany(lang)], status: .tooManyRequests)
        } catch OrderProblem.cashOnlyAtPickup {
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems(),
                                         messages: [CustomerText.cashOnlyAtPickup(lang)], status: .unprocessableContent)
        } catch OrderProblem.notShippedTo(let country) {
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems(),
                                         messages: [CustomerText.notShippedTo(lang, country)], status: .unprocessableContent)
        } catch OrderProblem.refusedByCompliance {
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems(),
                                         messages: [CustomerText.cashRefused(lang)], status: .unprocessableContent)
        } catch OrderProblem.quotedForOtherCountry {
            // The dealer's VAT registration changed since the quote: confirming the address prices it anew.
            return try await addressPage(request, &visitor, state: state, problems: FieldProblems(),
                                         messages: [CustomerText.vatCountryChanged(lang)], status: .conflict)
        }
        try await site.sessions.clearCart(session)
        state.quoteID = nil
        state.lastOrder = order.number
        state.orderKey = UUID().uuidString
        try await site.sessions.setCheckout(session, state.json)
        return try await orderRedirect(order, lang, visitor)
    }

    /// The order page, with the order's access token so a guest can come back to it from the link.
    func orderRedirect(_ order: Order, _ lang: Language, _ visitor: Visitor) async throws -> Response {
        let token = try await site.orders.accessToken(for: order)
        return site.redirect(Page.orders(.order(number: order.number)).path(lang) + "?token=" + token, visitor)
    }
}
