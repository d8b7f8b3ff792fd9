import Foundation
import Plot
import TresorCore
import TresorServices

/// What the account holds: pieces per product from paid orders, valued at today's buy-back price.
struct Holding: Sendable {
    var name: String
    var sku: String
    var pieces: Int
    /// nil while the feed is stale.
    var value: Money?

    static let owned: Set<OrderStatus> = [.paid, .packed, .shipped, .delivered]

    static func of(_ orders: [Order], _ snapshot: CatalogueSnapshot, now: Date) -> [Holding] {
        var pieces: [String: (name: String, count: Int)] = [:]
        var order: [String] = []
        for placed in orders where owned.contains(placed.status) {
            for line in placed.lines {
                if pieces[line.sku] == nil { order.append(line.sku) }
                pieces[line.sku, default: (line.name, 0)].count += line.quantity
            }
        }
        return order.map { sku in
            let (name, count) = pieces[sku] ?? ("", 0)
            let buyback = snapshot.product(sku: sku).flatMap { snapshot.priced($0, now: now).prices?.buybackPrice }
            return Holding(name: name, sku: sku, pieces: count, value: buyback.map { $0 * count })
        }
    }
}

enum AccountView {
    static func overview(_ customer: Customer, orders: [Order], invoices: [UUID: String], holdings: [Holding], logoutToken: String,
                         alerts: Node<HTML.BodyContext> = .empty, _ context: PageContext) -> String {
        let lang = context.language
        let total = holdings.compactMap(\.value).reduce(Money.zero, +)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.accountTitle(lang))),
            .p(.text(CustomerText.greeting(lang, customer.details.name)), .text(" "),
               .a(.attr("href", Page.account(.details).path(lang)), .text(CustomerText.detailsTitle(lang)))),
            Forms.post(.account(.logout), lang, token: logoutToken, class: "inline", Forms.submit(CustomerText.logoutButton(lang), class: "link")),
            .h2(.text(CustomerText.ordersTitle(lang))),
            orders.isEmpty ? .p(.text(CustomerText.noOrders(lang))) : .table(
                .attr("class", "lines orders"),
                .thead(.tr(.th(.text(CustomerText.colOrder(lang))), .th(.text(CustomerText.colDate(lang))),
                           .th(.text(CustomerText.colStatus(lang))), .th(.attr("class", "num"), .text(CustomerText.colTotal(lang))),
                           .th(.text(CustomerText.colInvoice(lang))))),
                .tbody(.forEach(orders) { order in
                    .tr(.td(.a(.attr("href", Page.orders(.order(number: order.number)).path(lang)), .text(order.number))),
                        .td(.text(Format.date(order.createdAt, lang))),
                        .td(.attr("data-field", "status"), .text(order.status.label(lang))),
                        .td(.attr("class", "num"), .text(Format.money(order.total, lang))),
                        .td(.unwrap(invoices[order.id]) { number in
                            .a(.attr("href", Page.orders(.invoice(number: number)).path(lang)), .text(number))
                        }))
                })),
            .h2(.text(CustomerText.holdingsTitle(lang))),
            .p(.attr("class", "fine-print"), .text(CustomerText.holdingsNote(lang))),
            .table(.attr("class", "lines holdings"),
                   .thead(.tr(.th(.text(CustomerText.colProduct(lang))), .th(.attr("class", "num"), .text(CustomerText.colQuantity(lang))),
                              .th(.attr("class", "num"), .text(CustomerText.colValue(lang))))),
                   .tbody(.forEach(holdings) { holding in
                       .tr(.td(.text(holding.name)), .td(.attr("class", "num"), .text(String(holding.pieces))),
                           .td(.attr("class", "num"), .text(holding.value.map { Format.money($0, lang) } ?? Text.priceUnavailableShort(lang))))
                   }),
                   .tfoot(.tr(.th(.attr("colspan", "2"), .text(CustomerText.holdingsTotal(lang))),
                              .td(.attr("class", "num"), .attr("data-field", "holdings-total"), .text(Format.money(total, lang)))))),
            alerts
        )
        return Layout.render(context, title: CustomerText.accountTitle(lang), main: main)
    }

    static func login(email: String, next: String, token: String, problems: [String], confirmations: [String],
                      _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.loginTitle(lang))),
            Forms.notices(problems, confirmations),
            Forms.post(.account(.login), lang, token: token,
                       Forms.hidden("next", next),
                       Forms.field(CustomerText.fieldEmail(lang), name: "email", value: email, type: "email", autocomplete: "email",
                                   problems: FieldProblems()),
                       Forms.field(CustomerText.fieldPassword(lang), name: "password", value: "", type: "password",
                                   autocomplete: "current-password", problems: FieldProblems()),
                       Forms.submit(CustomerText.loginButton(lang))),
            .p(.a(.attr("href", Page.account(.forgotPassword).path(lang)), .text(CustomerText.forgotLink(lang)))),
            .p(.text(CustomerText.noAccount(lang) + " "), .a(.attr("href", Page.account(.register).path(lang)), .text(CustomerText.registerTitle(lang))))
        )
        return Layout.render(context, title: CustomerText.loginTitle(lang), main: main)
    }

    static func register(_ details: CustomerDetails?, token: String, problems: FieldProblems, messages: [String],
                         _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.registerTitle(lang))),
            .p(.text(CustomerText.registerLead(lang))),
            Forms.notices(messages + problems.messages.values.sorted()),
            Forms.post(.account(.register), lang, token: token,
                       Forms.address(details, lang, problems: problems),
                       Forms.field(CustomerText.fieldPassword(lang), name: "password", value: "", type: "password",
                                   autocomplete: "new-password", problems: problems, hint: CustomerText.passwordHint(lang)),
                       Forms.submit(CustomerText.registerButton(lang)))
        )
        return Layout.render(context, title: CustomerText.registerTitle(lang), main: main)
    }

    static func details(_ details: CustomerDetails, detailsToken: String, passwordToken: String, problems: FieldProblems,
                        messages: [String], confirmations: [String], _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.detailsTitle(lang))),
            Forms.notices(messages + problems.messages.values.sorted(), confirmations),
            Forms.post(.account(.details), lang, token: detailsToken,
                       Forms.address(details, lang, problems: problems),
                       // A new e-mail address needs the password: a stolen session alone must not take the account over.
                       Forms.field(CustomerText.currentPasswordForEmail(lang), name: "currentForEmail", value: "", type: "password",
                                   autocomplete: "current-password", problems: problems, required: false),
                       Forms.submit(CustomerText.saveButton(lang))),
            .h2(.text(CustomerText.passwordTitle(lang))),
            Forms.post(.account(.password), lang, token: passwordToken,
                       Forms.field(CustomerText.currentPassword(lang), name: "current", value: "", type: "password",
                                   autocomplete: "current-password", problems: problems),
                       Forms.field(CustomerText.newPasswordField(lang), name: "password", value: "", type: "password",
                                   autocomplete: "new-password", problems: problems, hint: CustomerText.passwordHint(lang)),
                       Forms.submit(CustomerText.passwordTitle(lang))),
            .p(.a(.attr("href", Page.account(.overview).path(lang)), .text(CustomerText.accountTitle(lang))))
        )
        return Layout.render(context, title: CustomerText.detailsTitle(lang), main: main)
    }

    static func forgot(token: String, sent: Bool, problems: FieldProblems = FieldProblems(), _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.forgotTitle(lang))),
            sent ? Forms.notices([], [CustomerText.forgotSent(lang)]) : .group(
                .p(.text(CustomerText.forgotLead(lang))),
                Forms.post(.account(.forgotPassword), lang, token: token,
                           Forms.field(CustomerText.fieldEmail(lang), name: "email", value: "", type: "email", autocomplete: "email",
                                       problems: problems),
                           Forms.submit(CustomerText.forgotSend(lang))))
        )
        return Layout.render(context, title: CustomerText.forgotTitle(lang), main: main)
    }

    static func newPassword(resetToken: String, token: String, problems: [String], _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.newPasswordTitle(lang))),
            Forms.notices(problems),
            Forms.post(.account(.newPassword), lang, token: token,
                       Forms.hidden("token", resetToken),
                       Forms.field(CustomerText.newPasswordField(lang), name: "password", value: "", type: "password",
                                   autocomplete: "new-password", problems: FieldProblems(), hint: CustomerText.passwordHint(lang)),
                       Forms.submit(CustomerText.saveButton(lang)))
        )
        return Layout.render(context, title: CustomerText.newPasswordTitle(lang), main: main)
    }

    /// The page a confirmation link opens: it only asks (mail scanners open links); the button confirms and logs in.
    static func verify(resetToken token: String, formToken: String, valid: Bool, _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.verifyTitle(lang))),
            valid ? .group(.p(.text(CustomerText.verifyAsk(lang))),
                           Forms.post(.account(.verify), lang, token: formToken,
                                      Forms.hidden("token", token),
                                      Forms.submit(CustomerText.verifyButton(lang))))
                  : Forms.notices([CustomerText.verifyInvalid(lang)], []))
        return Layout.render(context, title: CustomerText.verifyTitle(lang), main: main)
    }

    /// After registering: the same for every address.
    static func registered(_ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(.h1(.text(CustomerText.registerSentTitle(lang))),
                                                  Forms.notices([], [CustomerText.registerSent(lang)]))
        return Layout.render(context, title: CustomerText.registerSentTitle(lang), main: main)
    }
}
