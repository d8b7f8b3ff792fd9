import Foundation
import Plot
import TresorCore
import TresorServices

/// The two checkout pages.
enum CheckoutView {
    static func address(state: CheckoutState, goods: Money, insuredFee: Money, loggedIn: Bool, token: String,
                        problems: FieldProblems, messages: [String], _ context: PageContext) -> String {
        let lang = context.language
        let insured = shippingLabel(.insured, fee: insuredFee, lang)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.checkoutTitle(lang))),
            steps(1, lang),
            .if(!loggedIn, .p(.text(CustomerText.checkoutGuest(lang) + " "),
                              .a(.attr("href", Page.account(.login).path(lang) + "?next=" + Escape.percent(Page.checkout(.address).path(lang))),
                                 .text(CustomerText.checkoutLogin(lang))))),
            Forms.notices(messages + (problems.isEmpty ? [] : Array(problems.messages.values).sorted())),
            Forms.post(.checkout(.address), lang, token: token,
                       Forms.fieldset(CustomerText.checkoutAddress(lang), Forms.address(state.details, lang, problems: problems)),
                       Forms.fieldset(CustomerText.shippingTitle(lang),
                                 Forms.radio("shipping", ShippingMethod.insured.rawValue, insured, checked: state.shipping == .insured),
                                 Forms.radio("shipping", ShippingMethod.pickup.rawValue, CustomerText.shippingPickup(lang),
                                             checked: state.shipping == .pickup)),
                       Forms.fieldset(CustomerText.paymentTitle(lang),
                                 Forms.radio("payment", PaymentMethod.bankTransfer.rawValue, CustomerText.paymentTransfer(lang),
                                             checked: state.payment == .bankTransfer),
                                 Forms.radio("payment", PaymentMethod.cash.rawValue, CustomerText.paymentCash(lang),
                                             checked: state.payment == .cash)),
                       .p(.text(CustomerText.cartGoods(lang) + ": " + Format.money(goods, lang))),
                       Forms.submit(CustomerText.checkoutContinue(lang)))
        )
        return Layout.render(context, title: CustomerText.checkoutTitle(lang), main: main)
    }

    static func shippingLabel(_ method: ShippingMethod, fee: Money, _ lang: Language) -> String {
        switch method {
        case .pickup: CustomerText.shippingPickup(lang)
        case .insured: fee == .zero ? CustomerText.shippingInsuredFree(lang) : CustomerText.shippingInsured(lang, Format.money(fee, lang))
        }
    }

    static func steps(_ current: Int, _ lang: Language) -> Node<HTML.BodyContext> {
        .ol(.attr("class", "steps"),
            .li(current == 1 ? .attr("aria-current", "step") : .empty, .text(CustomerText.stepAddress(lang))),
            .li(current == 2 ? .attr("aria-current", "step") : .empty, .text(CustomerText.stepReview(lang))))
    }

    /// The quote with its countdown. Expired, it offers a fresh quote and no order button: the old prices are
    /// never submitted.
    static func review(quote: Quote, details: CustomerDetails, state: CheckoutState, shippingFee: Money, expired: Bool,
                       freshToken: String, placeToken: String, problems: [String], _ context: PageContext) -> String {
        let lang = context.language
        let total = quote.goodsTotal + shippingFee
        let remaining = max(0, Int(quote.expiresAt.timeIntervalSince(context.now)))
        let countdown = "\(remaining / 60):" + (remaining % 60 < 10 ? "0" : "") + "\(remaining % 60)"
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.reviewTitle(lang))),
            steps(2, lang),
            Forms.notices(problems),
            .div(.attr("class", "quote-lock"), .attr("data-expires", ISO8601DateFormatter().string(from: quote.expiresAt)),
                 .p(.attr("class", "countdown"), .flag("hidden", expired),
                    .text(CustomerText.quoteLocked(lang) + " "), .strong(.attr("data-countdown", "1"), .text(countdown))),
                 .div(.attr("class", "notice problem expired"), .attr("role", "alert"), .flag("hidden", !expired),
                      .p(.text(CustomerText.quoteExpired(lang))),
                      Forms.post(.checkout(.review), lang, token: freshToken, Forms.submit(CustomerText.quoteFresh(lang))))),
            .table(.attr("class", "lines"),
                   .thead(.tr(.th(.text(CustomerText.cartItem(lang))), .th(.attr("class", "num"), .text(CustomerText.cartQuantity(lang))),
                              .th(.attr("class", "num"), .text(CustomerText.cartUnitPrice(lang))),
                              .th(.attr("class", "num"), .text(CustomerText.cartLineTotal(lang))))),
                   .tbody(.forEach(quote.lines) { line in
                       .tr(.td(.text(line.name), .br(), .small(.text(Widgets.vatText(line.vatRegime, lang, on: quote.createdAt, in: quote.vatCountry)))),
                           .td(.attr("class", "num"), .text(String(line.quantity))),
                           .td(.attr("class", "num"), .text(Format.money(line.unitPrice, lang))),
                           .td(.attr("class", "num"), .text(Format.money(line.lineTotal, lang))))
                   }),
                   .tfoot(.tr(.th(.attr("colspan", "3"), .text(CustomerText.reviewShipping(lang))),
                              .td(.attr("class", "num"), .text(Format.money(shippingFee, lang)))),
                          .tr(.attr("class", "total"), .th(.attr("colspan", "3"), .text(CustomerText.reviewTotal(lang))),
                              .td(.attr("class", "num"), .attr("data-field", "total"), .text(Format.money(total, lang)))))),
            .if(quote.vatCountry != VatRates.home, .p(.attr("class", "vat-country"),
                                                      .text(CustomerText.reviewVatCountry(lang, Format.country(quote.vatCountry, lang))))),
            .dl(.attr("class", "summary"),
                .dt(.text(CustomerText.reviewDeliverTo(lang))),
                .dd(.text("\(details.name), \(details.street), \(details.postalCode) \(details.city), \(details.country)"),
                    .br(), .text(shippingLabel(state.shipping, fee: shippingFee, lang))),
                .dt(.text(CustomerText.reviewPayment(lang))),
                .dd(.text(state.payment == .cash ? CustomerText.paymentCash(lang) : CustomerText.paymentTransfer(lang)), .text(" "),
                    .a(.attr("href", Page.checkout(.address).path(lang)), .text(CustomerText.reviewChange(lang))))),
            // The terms the customer accepts, and why there is no withdrawal, one click away (§305 Abs. 2, §312i BGB).
            .p(.attr("class", "terms-links"), .text(CustomerText.termsRead(lang) + " "),
               .a(.attr("href", Page.shop(.legal(.terms)).path(lang)), .attr("target", "_blank"), .text(LegalPage.terms.title(lang))),
               .text(" · "),
               .a(.attr("href", Page.shop(.legal(.withdrawal)).path(lang)), .attr("target", "_blank"), .text(LegalPage.withdrawal.title(lang)))),
            .if(!expired, Forms.post(.checkout(.place), lang, token: placeToken, class: "form place-order",
                                     Forms.hidden("quoteId", quote.id.uuidString),
                                     Forms.checkbox("noWithdrawal", CustomerText.confirmNoWithdrawal(lang), checked: false,
                                                    invalid: !problems.isEmpty),
                                     Forms.checkbox("acceptTerms", CustomerText.confirmTerms(lang), checked: false, invalid: !problems.isEmpty),
                                     Forms.submit(CustomerText.placeOrder(lang))))
        )
        return Layout.render(context, title: CustomerText.reviewTitle(lang), main: main)
    }
}
