import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Price alerts in the customer's account: set one (metal, above or below, euros per ounce), delete one; they are
/// listed on the account page, and `PriceAlerts` mails each once when the spot price meets it.
struct PriceAlertsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [FormRule(.account(.alerts), token: "alerts"), FormRule(.account(.alertDelete), token: "alerts")] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.post(.account(.alerts)) { _, context, lang in try await self.create(context, lang) }
        group.post(.account(.alertDelete)) { _, context, lang in try await self.delete(context, lang) }
    }

    func create(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let customer = context.visitor.customer else { return site.redirect(Page.account(.login).path(lang), context.visitor) }
        let form = context.form
        guard let metal = Metal(rawValue: form["metal"]) else { throw PageError.badParameter(InvalidParameter(name: "metal", value: form["metal"])) }
        guard let direction = PriceAlert.Direction(rawValue: form["direction"]) else {
            throw PageError.badParameter(InvalidParameter(name: "direction", value: form["direction"]))
        }
        let done: String
        do {
            try await site.shop.alerts.create(customerID: customer.id, metal: metal, direction: direction, price: form["price"], now: site.now())
            done = "alert-set"
        } catch PriceAlertProblem.invalidPrice {
            done = "alert-price"
        } catch PriceAlertProblem.tooMany {
            done = "alert-many"
        }
        return site.redirect(Page.account(.overview).path(lang) + "?done=" + done + "#preisalarme", context.visitor)
    }

    func delete(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let customer = context.visitor.customer else { return site.redirect(Page.account(.login).path(lang), context.visitor) }
        guard let id = UUID(uuidString: context.form["id"]), try await site.shop.alerts.delete(id: id, customerID: customer.id) else {
            throw PageError.notFound
        }
        return site.redirect(Page.account(.overview).path(lang) + "?done=alert-deleted#preisalarme", context.visitor)
    }
}

enum PriceAlertsView {
    static func section(_ alerts: [PriceAlert], token: String, notice: String?, _ lang: Language) -> Node<HTML.BodyContext> {
        .section(.attr("id", "preisalarme"),
                 .h2(.text(AlertText.title(lang))),
                 .p(.attr("class", "fine-print"), .text(AlertText.lead(lang))),
                 .if(notice != nil, .p(.attr("class", "notice ok"), .attr("role", "status"), .text(notice ?? ""))),
                 alerts.isEmpty ? .p(.text(AlertText.none(lang))) : .table(
                    .attr("class", "lines alerts"),
                    .tbody(.forEach(alerts) { alert in
                        .tr(.td(.text(alert.metal.name(lang))),
                            .td(.text((alert.direction == .atOrBelow ? AlertText.below(lang) : AlertText.above(lang)) + " "
                                      + Format.money(alert.price, lang))),
                            .td(.text(alert.triggeredAt.map { AlertText.triggered(lang, Format.dateTime($0, lang)) } ?? AlertText.waiting(lang))),
                            .td(Forms.post(.account(.alertDelete), lang, token: token, class: "inline", Forms.hidden("id", alert.id.uuidString.lowercased()),
                                           Forms.submit(AlertText.delete(lang), class: "link"))))
                    })),
                 Forms.post(.account(.alerts), lang, token: token, class: "form alert-form",
                            .div(.attr("class", "field"), .label(.attr("for", "f-alert-metal"), .text(AlertText.metal(lang))),
                                 .select(.attr("id", "f-alert-metal"), .attr("name", "metal"),
                                         .forEach(Metal.allCases) { .choice($0.code, $0.name(lang)) })),
                            .div(.attr("class", "field"), .label(.attr("for", "f-alert-direction"), .text(AlertText.when(lang))),
                                 .select(.attr("id", "f-alert-direction"), .attr("name", "direction"),
                                         .choice(PriceAlert.Direction.atOrBelow.rawValue, AlertText.below(lang)),
                                         .choice(PriceAlert.Direction.atOrAbove.rawValue, AlertText.above(lang)))),
                            .div(.attr("class", "field"), .label(.attr("for", "f-alert-price"), .text(AlertText.price(lang))),
                                 .input(.attr("id", "f-alert-price"), .attr("name", "price"), .attr("type", "text"), .attr("inputmode", "decimal"),
                                        .attr("maxlength", "20"), .flag("required", true))),
                            Forms.submit(AlertText.set(lang))))
    }

    static func notice(_ done: String, _ lang: Language) -> String? {
        ["alert-set": AlertText.set_(lang), "alert-price": AlertText.badPrice(lang), "alert-many": AlertText.tooMany(lang),
         "alert-deleted": AlertText.deleted(lang)][done]
    }
}

enum AlertText: Wording {
    case title, lead, none, below, above, triggered, waiting, delete, metal, when, price, set, set_, badPrice, tooMany, deleted

    var pair: (String, String) {
        switch self {
        case .title: ("Preisalarme", "Price alerts")
        case .lead: ("Wir schreiben Ihnen einmal, sobald der Kurs je Feinunze (unser Verkaufskurs) die Schwelle erreicht. Höchstens 10 offene Alarme.",
                     "We write to you once when the price per fine ounce (our selling price) reaches the threshold. At most 10 open alerts.")
        case .none: ("Keine Preisalarme.", "No price alerts.")
        case .below: ("höchstens", "at most")
        case .above: ("mindestens", "at least")
        case .triggered: ("ausgelöst am %@", "went off on %@")
        case .waiting: ("wartet", "waiting")
        case .delete: ("Löschen", "Delete")
        case .metal: ("Metall", "Metal")
        case .when: ("Wenn der Kurs je Unze", "When the price an ounce is")
        case .price: ("Betrag in Euro je Feinunze", "Amount in euros an ounce")
        case .set: ("Preisalarm setzen", "Set price alert")
        case .set_: ("Preisalarm gesetzt.", "Price alert set.")
        case .badPrice: ("Bitte einen Betrag in Euro eingeben, z. B. 1.950,00.", "Please enter an amount in euros, e.g. 1950.00.")
        case .tooMany: ("Sie haben schon 10 offene Preisalarme.", "You already have 10 open price alerts.")
        case .deleted: ("Preisalarm gelöscht.", "Price alert deleted.")
        }
    }
}
