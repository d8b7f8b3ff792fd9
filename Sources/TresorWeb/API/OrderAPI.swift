import Foundation
import Hummingbird
import HTTPTypes
import OpenAPIRuntime
import TresorCore
import TresorServices

/// The bearer token of the API request being handled (set by `BearerTokenMiddleware`).
enum APIAuth {
    @TaskLocal static var bearer: String?
    /// The shop's session cookie, so a logged-in customer's own app page can read their orders.
    @TaskLocal static var session: String?
    /// The language of the customer's e-mails, from `Accept-Language`.
    @TaskLocal static var language: Language = .de
    /// The client's network address (set by `WhoIsAsking`), for rate limits and consent proof.
    @TaskLocal static var clientAddress = "unknown"
    @TaskLocal static var userAgent = ""
}

extension APIAuth {
    /// Who is asking, as the services take it: the active staff member whose API token is sent, else the customer
    /// logged in by the session cookie, else the client's address. Looked up only by the operations that act or
    /// read for someone, so price reads touch no database.
    static func caller(_ site: SiteContext) async throws -> Actor {
        if let token = bearer, let member = try await site.shop.staff.member(apiToken: token) { return .staff(member) }
        if let cookie = session, let customerID = try await site.sessions.find(cookie: cookie, now: site.now())?.customerID {
            return .customer(id: customerID, address: clientAddress)
        }
        return .visitor(address: clientAddress)
    }
}

/// Carries `Authorization: Bearer …` to the handlers, which decide what it opens.
struct BearerTokenMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        let header = request.headerFields[.authorization] ?? ""
        let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        let session = request.headerFields.cookie(Visitor.sessionCookie)
        let language = Self.language(request.headerFields[.acceptLanguage] ?? "")
        let agent = request.headerFields[.userAgent] ?? ""
        return try await APIAuth.$bearer.withValue(token) {
            try await APIAuth.$session.withValue(session) {
                try await APIAuth.$language.withValue(language) {
                    try await APIAuth.$userAgent.withValue(agent) { try await next(request, body, metadata) }
                }
            }
        }
    }

    /// German or English, whichever `Accept-Language` prefers (by q-value, then order); German by default.
    static func language(_ header: String) -> Language {
        var best: (language: Language, q: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let tag = parts.first?.lowercased() ?? ""
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > (best?.q ?? 0) { best = (language, q) }
        }
        return best?.language ?? .de
    }
}

extension APIHandler {
    static func problem(_ status: Int, _ title: String, _ detail: String) -> Components.Schemas.Problem {
        .init(title: title, status: status, detail: detail)
    }

    func createQuote(_ input: Operations.CreateQuote.Input) async throws -> Operations.CreateQuote.Output {
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid request", "JSON body expected")))) }
        let now = site.now()
        let quote: Quote
        do {
            quote = try await site.orders.quote(body.items.map { ($0.sku, $0.quantity) }, destination: body.destinationCountry, now: now)
        } catch let problem as QuoteProblem {
            switch problem {
            case .empty: return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid request", "items is empty"))))
            case .quantity(let sku, let quantity):
                return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid quantity",
                    "quantity \(quantity) for \(sku) must be from 1 to \(QuoteDesk.maxQuantity)"))))
            case .unknownProduct(let sku):
                return .notFound(.init(body: .applicationProblemJson(Self.problem(404, "Unknown product", "No product with SKU \"\(sku)\"."))))
            case .noPrice(let sku):
                return .conflict(.init(body: .applicationProblemJson(Self.problem(409, "Prices unavailable",
                    "The price feed for \(sku) is stale; no quote can be given now."))))
            case .insufficientStock(let sku, let requested, let available):
                return .conflict(.init(body: .applicationProblemJson(Self.problem(409, "Insufficient stock",
                    "\(requested) of \(sku) requested, \(available) in stock."))))
            case .notShippedTo(let country):
                return .unprocessableContent(.init(body: .applicationProblemJson(Self.problem(422, "Not shipped there",
                    "Parcels do not go to \(country); leave destinationCountry out for pickup at the counter."))))
            }
        }
        return .created(.init(body: .json(quoteView(quote))))
    }

    func quoteView(_ quote: Quote) -> Components.Schemas.Quote {
        let options = ShippingMethod.allCases.map { method -> Components.Schemas.ShippingOption in
            let fee = site.orders.shippingFee(goods: quote.goodsTotal, method: method)
            return .init(method: method == .insured ? .insured : .pickup, fee: fee.decimalString,
                         total: (quote.goodsTotal + fee).decimalString)
        }
        let insured = site.orders.shippingFee(goods: quote.goodsTotal, method: .insured)
        return .init(id: quote.id.uuidString.lowercased(), expiresAt: quote.expiresAt, currency: .eur, vatCountry: quote.vatCountry,
                     lines: quote.lines.map { Self.line($0, pricedAt: quote.createdAt, in: quote.vatCountry) },
                     goodsTotal: quote.goodsTotal.decimalString,
                     shippingOptions: options, total: (quote.goodsTotal + insured).decimalString)
    }

    /// A priced line with the VAT rate of the day it was priced in the member state it is taxed in (0 for exempt
    /// investment gold).
    static func line(_ line: PricedLine, pricedAt date: Date, in vatCountry: String) -> Components.Schemas.QuoteLine {
        let rate = VatRates().percent(line.vatRegime, in: vatCountry, on: date)
        return .init(sku: line.sku, name: line.name, quantity: line.quantity, unitPrice: line.unitPrice.decimalString,
                     lineTotal: line.lineTotal.decimalString, vatRegime: .init(rawValue: line.vatRegime.rawValue) ?? .standard,
                     vatRate: rate.plainString, vatAmount: line.vat.decimalString)
    }

    func placeOrder(_ input: Operations.PlaceOrder.Input) async throws -> Operations.PlaceOrder.Output {
        guard case .json(let body) = input.body else {
            return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid request", "JSON body expected"))))
        }
        guard let quoteID = UUID(uuidString: body.quoteId) else {
            return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid quoteId", "quoteId is not a UUID"))))
        }
        let c = body.customer
        let request = OrderRequest(
            quoteID: quoteID,
            customer: CustomerDetails(email: c.email, name: c.name, street: c.street, postalCode: c.postalCode, city: c.city,
                                      country: c.country),
            shipping: body.shippingMethod == .insured ? .insured : .pickup,
            payment: body.paymentMethod == .bankTransfer ? .bankTransfer : .cash, acceptTerms: body.acceptTerms,
            language: APIAuth.language)
        let now = site.now()
        let order: Order
        do {
            order = try await site.orders.place(request, idempotencyKey: input.headers.idempotencyKey,
                                                by: try await APIAuth.caller(site), now: now)
        } catch let problem as OrderProblem {
            return try await placeOrderProblem(problem, quoteID: quoteID, now: now)
        }
        let accessToken = try await site.orders.accessToken(for: order)
        return .created(.init(body: .json(.init(
            number: order.number, status: .init(rawValue: order.status.rawValue) ?? .awaitingPayment,
            total: order.total.decimalString, currency: .eur, paymentReference: order.paymentReference, dueDate: order.dueAt,
            bankAccount: .init(holder: site.bank.holder, iban: site.bank.iban, bic: site.bank.bic),
            accessToken: accessToken))))
    }

    func placeOrderProblem(_ problem: OrderProblem, quoteID: UUID, now: Date) async throws -> Operations.PlaceOrder.Output {
        func unprocessable(_ detail: String) -> Operations.PlaceOrder.Output {
            .unprocessableContent(.init(body: .applicationProblemJson(Self.problem(422, "Unprocessable order", detail))))
        }
        func conflict(_ title: String, _ detail: String) -> Operations.PlaceOrder.Output {
            .conflict(.init(body: .applicationProblemJson(Self.problem(409, title, detail))))
        }
        switch problem {
        case .invalid(let field): return unprocessable("customer.\(field.name) is invalid: \"\(field.value)\"")
        case .termsNotAccepted: return unprocessable("acceptTerms must be true (terms and no right of withdrawal, §312g Abs. 2 Nr. 8 BGB)")
        case .cashOnlyAtPickup: return unprocessable("paymentMethod cash is only possible with shippingMethod pickup")
        case .notShippedTo(let country): return unprocessable("parcels do not go to \(country); shippingMethod pickup is possible")
        case .refusedByCompliance(let reason): return unprocessable("refused by the anti-money-laundering rules: \(reason)")
        case .quotedForOtherCountry(let quoted, let due):
            return unprocessable("the quote carries \(quoted) VAT but this delivery owes \(due) VAT; "
                + (due == VatRates.home ? "quote again without destinationCountry" : "quote again with destinationCountry \(due)"))
        case .quoteNotFound:
            return .notFound(.init(body: .applicationProblemJson(Self.problem(404, "Unknown quote",
                                                                              "quoteId \(quoteID.uuidString.lowercased()) is unknown"))))
        case .idempotencyKeyReused: return unprocessable("Idempotency-Key was used with a different request")
        case .invalidIdempotencyKey: return unprocessable("Idempotency-Key must be 1 to 200 characters")
        case .tooManyGuestOrders:
            return .tooManyRequests(.init(body: .applicationProblemJson(Self.problem(429, "Too many orders",
                "Orders without an account are limited per address and per e-mail address and hour; try again later or log in."))))
        case .quoteAlreadyOrdered(let number): return conflict("Quote already ordered", "This quote became order \(number).")
        case .insufficientStock(let sku): return conflict("Insufficient stock", "\(sku) is no longer in stock in that quantity.")
        case .quoteExpired:
            // Offer a fresh quote for the same basket, never re-price silently.
            var detail = "The quote expired; its prices are no longer locked."
            if let fresh = try await site.orders.freshQuote(replacing: quoteID, now: now) {
                detail += " Fresh quote: \(fresh.id.uuidString.lowercased()), total \(fresh.goodsTotal.decimalString) EUR, valid until "
                    + (try UTCDateTranscoder().encode(fresh.expiresAt)) + "."
            }
            return conflict("Quote expired", detail)
        }
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let notFound = Operations.GetOrder.Output.notFound(.init(body: .applicationProblemJson(
            Self.problem(404, "Not found", "No order \(input.path.number) for these credentials."))))
        let caller = try await APIAuth.caller(site)
        // Anyone but the customer who placed it (by its access token or their logged-in account) or staff
        // learns nothing, not even that the order exists.
        let viewer = OrderViewer(token: APIAuth.bearer, customerID: caller.customerID, staff: caller.staffMember)
        guard let order = try await site.orders.order(number: input.path.number, seenBy: viewer) else { return notFound }
        return .ok(.init(body: .json(.init(
            number: order.number, status: .init(rawValue: order.status.rawValue) ?? .awaitingPayment, currency: .eur,
            vatCountry: order.vatCountry, lines: order.lines.map { Self.line($0, pricedAt: order.createdAt, in: order.vatCountry) }, shippingFee: order.shippingFee.decimalString,
            total: order.total.decimalString,
            paymentReference: order.paymentReference, paymentMethod: order.payment == .bankTransfer ? .bankTransfer : .cash,
            shippingMethod: order.shipping == .insured ? .insured : .pickup, dueDate: order.dueAt))))
    }
}
