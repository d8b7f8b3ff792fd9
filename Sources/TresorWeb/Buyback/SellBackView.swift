import Foundation
import Plot
import TresorCore
import TresorServices

/// The pages of selling to the dealer.
enum SellBackView {
    static func list(_ offers: [(Product, Money)], token: String, problems: [String], _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(SellText.title(lang))),
            .p(.text(SellText.lead(lang))),
            Forms.notices(problems),
            offers.isEmpty ? .p(.text(SellText.noPrices(lang))) : Forms.post(.shop(.sellBack), lang, token: token, class: "form sell-list",
                .table(.attr("class", "lines"),
                       .thead(.tr(.th(.text(CustomerText.cartItem(lang))), .th(.attr("class", "num"), .text(Text.buybackPrice(lang))),
                                  .th(.attr("class", "num"), .text(CustomerText.cartQuantity(lang))))),
                       .tbody(.forEach(offers) { product, price in
                           .tr(.td(.a(.attr("href", Page.shop(.product(slug: product.slug)).path(lang)), .text(product.name))),
                               .td(.attr("class", "num"), .text(Format.money(price, lang))),
                               .td(.attr("class", "num"),
                                   .input(.attr("type", "number"), .attr("name", "qty." + product.sku), .attr("min", "0"),
                                          .attr("max", String(BuybackDesk.maxQuantity)), .attr("value", ""),
                                          .attr("aria-label", SellText.quantityOf(lang, product.name)))))
                       })),
                Forms.submit(SellText.getQuote(lang))),
            .p(.attr("class", "note"), .text(SellText.rules(lang)))
        )
        return Layout.render(context, title: SellText.title(lang), main: main)
    }

    /// The form under a product's buy-back price; its token is filled in per request (the product page is cached).
    static func productForm(_ product: Product, _ lang: Language) -> Node<HTML.BodyContext> {
        Forms.post(.shop(.sellBack), lang, token: CSRF.placeholder, class: "sell-form",
                   Forms.hidden("sku", product.sku),
                   .label(.attr("for", "sell-quantity"), .text(SellText.sellQuantity(lang))),
                   .input(.attr("id", "sell-quantity"), .attr("type", "number"), .attr("name", "quantity"), .attr("value", "1"),
                          .attr("min", "1"), .attr("max", String(BuybackDesk.maxQuantity))),
                   Forms.submit(SellText.sell(lang), class: "button secondary"))
    }

    static func offer(_ quote: BuybackQuote, draft: SellDraft, token: String, expired: Bool, problems: [String], _ context: PageContext) -> String {
        let lang = context.language
        let remaining = max(0, Int(quote.expiresAt.timeIntervalSince(context.now)))
        let none = FieldProblems()
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(SellText.offerTitle(lang))),
            Forms.notices(problems),
            .div(.attr("class", "quote-lock"), .attr("data-expires", ISO8601DateFormatter().string(from: quote.expiresAt)),
                 .p(.attr("class", "countdown"), .flag("hidden", expired), .text(SellText.locked(lang) + " "),
                    .strong(.attr("data-countdown", "1"), .text("\(remaining / 60):" + (remaining % 60 < 10 ? "0" : "") + "\(remaining % 60)"))),
                 .div(.attr("class", "notice problem expired"), .attr("role", "alert"), .flag("hidden", !expired),
                      .p(.text(SellText.expired(lang) + " ")), .p(.a(.attr("href", Page.shop(.sellBack).path(lang)), .text(SellText.again(lang)))))),
            lines(quote.lines.map { ($0.name, $0.quantity, $0.unitPrice, $0.lineTotal) }, total: quote.total, lang),
            .if(!expired, Forms.post(.shop(.sellOffer(id: quote.id.uuidString.lowercased())), lang, token: token,
                Forms.fieldset(SellText.seller(lang), Forms.address(draft.details, lang, problems: none)),
                Forms.fieldset(SellText.payout(lang),
                               Forms.radio("payout", PayoutMethod.bankTransfer.rawValue, SellText.payoutBank(lang), checked: draft.payout == .bankTransfer),
                               Forms.field(SellText.iban(lang), name: "iban", value: draft.iban, autocomplete: "off", problems: none, required: false),
                               Forms.field(SellText.holder(lang), name: "accountHolder", value: draft.holder, autocomplete: "name", problems: none,
                                           required: false),
                               Forms.radio("payout", PayoutMethod.cash.rawValue, SellText.payoutCash(lang), checked: draft.payout == .cash)),
                Forms.checkbox("confirm", SellText.confirm(lang), checked: false, invalid: false),
                Forms.submit(SellText.submit(lang))))
        )
        return Layout.render(context, title: SellText.offerTitle(lang), main: main)
    }

    static func lines(_ rows: [(String, Int, Money, Money)], total: Money, _ lang: Language) -> Node<HTML.BodyContext> {
        .table(.attr("class", "lines"),
               .thead(.tr(.th(.text(CustomerText.cartItem(lang))), .th(.attr("class", "num"), .text(CustomerText.cartQuantity(lang))),
                          .th(.attr("class", "num"), .text(Text.buybackPrice(lang))), .th(.attr("class", "num"), .text(CustomerText.cartLineTotal(lang))))),
               .tbody(.forEach(rows.indices.map { $0 }) { index in
                   let (name, quantity, unit, line) = rows[index]
                   return .tr(.td(.text(name)), .td(.attr("class", "num"), .text(String(quantity))),
                              .td(.attr("class", "num"), .text(Format.money(unit, lang))), .td(.attr("class", "num"), .text(Format.money(line, lang))))
               }),
               .tfoot(.tr(.attr("class", "total"), .th(.attr("colspan", "3"), .text(SellText.total(lang))),
                          .td(.attr("class", "num"), .attr("data-field", "total"), .text(Format.money(total, lang))))))
    }

    /// After the request: the number, the pieces, and where the goods go (or that the seller brings them).
    static func done(_ buyback: Buyback, dealer: DealerSettings, _ context: PageContext) -> String {
        let lang = context.language
        let s = dealer.seller
        let address = "\(s.legalName), \(s.street), \(s.postalCode) \(s.city)"
        let grouped = Dictionary(grouping: buyback.items, by: \.sku).values.sorted { $0[0].position < $1[0].position }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(SellText.doneTitle(lang, buyback.number))),
            .p(.attr("class", "buyback-number"), .strong(.text(buyback.number)), .text(" · " + SellText.status(buyback.status, lang))),
            .if(buyback.creditNote != nil, .p(.a(.attr("href", Page.shop(.sellCreditNote(id: buyback.quoteID.uuidString.lowercased())).path(lang)),
                                                 .text(SellText.creditNote(lang, buyback.creditNote ?? ""))))),
            lines(grouped.map { ($0[0].name, $0.count, $0[0].unitPrice, $0[0].unitPrice * $0.count) }, total: buyback.quotedTotal, lang),
            buyback.payout == .cash ? .p(.text(SellText.bringIt(lang, address)))
                : .p(.text(SellText.sendIt(lang, address, buyback.number))),
            .p(.text(SellText.afterCheck(lang))),
            .p(.text(SellText.mailSent(lang, buyback.seller.email)))
        )
        return Layout.render(context, title: SellText.doneTitle(lang, buyback.number), main: main)
    }
}

enum SellText: Wording {
    case title, lead, noPrices, quantityOf, getQuote, rules, sellQuantity, sell, offerTitle, locked, expired, again, seller, payout
    case payoutBank, iban, holder, payoutCash, confirm, submit, total, doneTitle, bringIt, sendIt, afterCheck, mailSent
    case creditNote, stateOpen, stateReceived, stateChecked, statePaid, stateReturned, stateCancelled
    case empty, quantity, unknown, noPrice, quoteGone, quoteExpired, invalidIBAN, invalidHolder, notConfirmed, refused, notAllowed, fieldWrong

    var pair: (String, String) {
        switch self {
        case .title: ("Ankauf: Edelmetalle an uns verkaufen", "Sell precious metals to us")
        case .lead: ("Wir kaufen Barren und Münzen zum Ankaufspreis des Tages. Tragen Sie ein, was Sie verkaufen möchten; den Preis halten wir für Sie fest, solange das Angebot läuft.",
                     "We buy bars and coins at the day's buy-back price. Enter what you want to sell; we hold the price for you while the offer runs.")
        case .noPrices: ("Gerade gibt es keine aktuellen Kurse; bitte versuchen Sie es gleich noch einmal.", "There are no current prices right now; please try again shortly.")
        case .quantityOf: ("Anzahl %@", "Quantity of %@")
        case .getQuote: ("Ankaufsangebot anfordern", "Get a buy-back offer")
        case .rules: ("Wir prüfen jedes Stück bei Eingang (Gewicht, Maße, Echtheit). Nicht angenommene Stücke senden wir zurück. Barauszahlungen ab 2.000 € nur gegen Ausweis (Geldwäschegesetz).",
                      "We check every piece on arrival (weight, size, authenticity). Pieces we do not accept are sent back. Cash payouts from €2,000 only against an identity document (Anti-Money Laundering Act).")
        case .sellQuantity: ("Anzahl verkaufen", "Quantity to sell")
        case .sell: ("Verkaufen", "Sell")
        case .offerTitle: ("Ihr Ankaufsangebot", "Your buy-back offer")
        case .locked: ("Die Ankaufspreise sind fest für", "The buy-back prices are held for")
        case .expired: ("Das Angebot ist abgelaufen; die Kurse können sich geändert haben.", "The offer has expired; prices may have moved.")
        case .again: ("Neues Angebot anfordern", "Get a new offer")
        case .seller: ("Ihre Angaben", "Your details")
        case .payout: ("Auszahlung", "Payout")
        case .payoutBank: ("Überweisung auf mein Konto", "Transfer to my account")
        case .iban: ("IBAN", "IBAN")
        case .holder: ("Kontoinhaber", "Account holder")
        case .payoutCash: ("Bar am Schalter (ich bringe die Stücke vorbei; ab 2.000 € mit Ausweis)", "Cash at the counter (I bring the pieces; from €2,000 with an identity document)")
        case .confirm: ("Die Stücke gehören mir, ich verkaufe auf eigene Rechnung, und ich akzeptiere die Ankaufsbedingungen (Prüfung bei Eingang, Rücksendung nicht angenommener Stücke).",
                        "The pieces are mine, I sell on my own account, and I accept the buy-back terms (checked on arrival, pieces not accepted are sent back).")
        case .submit: ("Verbindlich verkaufen", "Sell")
        case .total: ("Ankaufspreis zusammen", "Buy-back total")
        case .doneTitle: ("Ankaufsauftrag %@", "Sell order %@")
        case .bringIt: ("Bitte bringen Sie die Stücke mit Ihrem Personalausweis oder Reisepass an unseren Schalter: %@.",
                        "Please bring the pieces and your identity card or passport to our counter: %@.")
        case .sendIt: ("Bitte senden Sie die Stücke versichert (z. B. als Wertpaket) an: %@. Legen Sie einen Zettel mit der Nummer %@ bei.",
                       "Please send the pieces insured (e.g. as a declared-value parcel) to: %@. Put a note with the number %@ inside.")
        case .afterCheck: ("Nach Eingang prüfen wir jedes Stück; für die angenommenen erhalten Sie eine Gutschrift und die Auszahlung.",
                           "On arrival we check each piece; for the accepted ones you receive a credit note and the payout.")
        case .mailSent: ("Diese Angaben haben wir Ihnen auch an %@ geschickt.", "We have also sent these details to %@.")
        case .creditNote: ("Gutschrift %@ (PDF)", "Credit note %@ (PDF)")
        case .stateOpen: ("wir erwarten Ihre Stücke", "we are expecting your pieces")
        case .stateReceived: ("eingegangen, in Prüfung", "received, being checked")
        case .stateChecked: ("geprüft, Auszahlung folgt", "checked, payout follows")
        case .statePaid: ("ausgezahlt", "paid out")
        case .stateReturned: ("nicht angenommen, Rücksendung", "not accepted, sent back")
        case .stateCancelled: ("storniert", "cancelled")
        case .empty: ("Bitte tragen Sie mindestens ein Stück ein.", "Please enter at least one piece.")
        case .quantity: ("Die Anzahl muss zwischen 1 und 100 liegen.", "The quantity must be from 1 to 100.")
        case .unknown: ("Dieses Produkt kaufen wir nicht an.", "We do not buy this product.")
        case .noPrice: ("Für dieses Metall gibt es gerade keinen aktuellen Kurs.", "There is no current price for this metal right now.")
        case .quoteGone: ("Dieses Angebot gibt es nicht.", "This offer does not exist.")
        case .quoteExpired: ("Das Angebot ist abgelaufen; bitte fordern Sie ein neues an.", "The offer has expired; please get a new one.")
        case .invalidIBAN: ("Bitte prüfen Sie die IBAN.", "Please check the IBAN.")
        case .invalidHolder: ("Bitte geben Sie den Kontoinhaber an.", "Please enter the account holder.")
        case .notConfirmed: ("Bitte bestätigen Sie, dass Ihnen die Stücke gehören und Sie die Ankaufsbedingungen akzeptieren.",
                             "Please confirm that the pieces are yours and that you accept the buy-back terms.")
        case .refused: ("Barauszahlungen über 10.000 € sind nach der EU-Geldwäscheverordnung nicht erlaubt; bitte wählen Sie die Überweisung.",
                        "Cash payouts above €10,000 are not allowed under the EU anti-money-laundering regulation; please choose a transfer.")
        case .notAllowed: ("Das ist gerade nicht möglich.", "That is not possible now.")
        case .fieldWrong: ("Bitte prüfen Sie „%@“.", "Please check \"%@\".")
        }
    }

    /// The buy-back's state as the seller reads it (a hold reads as waiting: compliance's work is not theirs to see).
    static func status(_ status: BuybackStatus, _ lang: Language) -> String {
        switch status {
        case .onHold, .awaitingGoods: stateOpen(lang)
        case .received: stateReceived(lang)
        case .checked: stateChecked(lang)
        case .paid: statePaid(lang)
        case .returned: stateReturned(lang)
        case .cancelled: stateCancelled(lang)
        }
    }

    static func problem(_ problem: BuybackProblem, _ lang: Language) -> String {
        switch problem {
        case .empty: empty(lang)
        case .quantity: quantity(lang)
        case .unknownProduct: unknown(lang)
        case .noPrice: noPrice(lang)
        case .quoteNotFound, .quoteUsed: quoteGone(lang)
        case .quoteExpired: quoteExpired(lang)
        case .invalid(let field) where field.name == "iban": invalidIBAN(lang)
        case .invalid(let field) where field.name == "accountHolder": invalidHolder(lang)
        case .invalid(let field): fieldWrong(lang, field.name)
        case .notConfirmed: notConfirmed(lang)
        case .refusedByCompliance: refused(lang)
        case .noSuchBuyback, .illegal: notAllowed(lang)
        }
    }
}
