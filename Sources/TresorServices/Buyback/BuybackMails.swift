import Foundation
import TresorCore
import TresorStore

/// The buy-back's mails: the request with what to do next, and the credit note once the goods were checked.
public enum BuybackMails {
    static func greeting(_ buyback: Buyback, _ de: Bool) -> String {
        let name = String(buyback.seller.name.prefix(OrderMails.nameLength))
        return de ? "Guten Tag \(name)," : "Hello \(name),"
    }

    /// Sent with the buy-back: its number, the pieces at their locked prices, and how the goods reach the dealer
    /// (an insured parcel with the number inside; for cash, brought to the counter).
    public static func requested(_ buyback: Buyback, dealer: DealerSettings, settings: MailSettings, now: Date) -> OutgoingMail {
        let language = buyback.language
        let de = language == .de
        let s = dealer.seller
        let address = "\(s.legalName), \(s.street), \(s.postalCode) \(s.city)"
        var lines = [greeting(buyback, de), "",
                     de ? "vielen Dank für Ihren Ankaufsauftrag \(buyback.number). Diese Stücke kaufen wir zu den festgehaltenen Preisen an:"
                        : "thank you for your sell order \(buyback.number). We buy these pieces at the prices held for you:"]
        lines += buyback.items.map { "  \($0.position). \($0.name) (\($0.sku)): \(Format.money($0.unitPrice, language))" }
        lines += [de ? "Zusammen: \(Format.money(buyback.quotedTotal, language))" : "Together: \(Format.money(buyback.quotedTotal, language))", ""]
        if buyback.payout == .cash {
            lines += [de ? "Bitte bringen Sie die Stücke mit Ihrem Personalausweis oder Reisepass an unseren Schalter: \(address)."
                         : "Please bring the pieces and your identity card or passport to our counter: \(address)."]
        } else {
            lines += [de ? "Bitte senden Sie die Stücke versichert (z. B. als Wertpaket) an: \(address). Legen Sie einen Zettel mit der Nummer \(buyback.number) bei."
                         : "Please send the pieces insured (e.g. as a declared-value parcel) to: \(address). Put a note with the number \(buyback.number) inside.",
                      de ? "Nach Eingang prüfen wir jedes Stück; für die angenommenen erhalten Sie eine Gutschrift und die Überweisung auf Ihr Konto \(maskedIBAN(buyback.iban))."
                         : "On arrival we check each piece; for those we accept you receive a credit note and the transfer to your account \(maskedIBAN(buyback.iban))."]
        }
        let link = settings.sellOfferPage?(buyback.quoteID.uuidString.lowercased(), language)
        lines += link.map { ["", de ? "Den Stand Ihres Ankaufs sehen Sie hier: \($0)" : "See how your sale stands here: \($0)"] } ?? []
        lines += ["", settings.shopName]
        let subject = de ? "Ihr Ankaufsauftrag \(buyback.number)" : "Your sell order \(buyback.number)"
        return ShopMail.compose(to: .init(name: String(buyback.seller.name.prefix(OrderMails.nameLength)), email: buyback.seller.email),
                                subject: subject, lines: lines, links: link.map { [$0] } ?? [], settings: settings, now: now)
    }

    /// Sent when every piece is checked: which were taken and which go back, the credit note and how it is paid.
    public static func checked(_ buyback: Buyback, note: CreditNote?, settings: MailSettings, now: Date) -> OutgoingMail {
        let language = buyback.language
        let de = language == .de
        var lines = [greeting(buyback, de), "",
                     de ? "wir haben die Stücke Ihres Ankaufs \(buyback.number) geprüft:" : "we have checked the pieces of your sale \(buyback.number):"]
        lines += buyback.items.map { item in
            "  \(item.position). \(item.name): " + (item.decision == .approved
                ? (de ? "angenommen, \(Format.money(item.unitPrice, language))" : "accepted, \(Format.money(item.unitPrice, language))")
                : (de ? "nicht angenommen (\(item.note)), geht an Sie zurück" : "not accepted (\(item.note)), sent back to you"))
        }
        lines.append("")
        if let note {
            lines.append(de ? "Ihre Gutschrift \(note.number) über \(Format.money(note.total, language)) ist ausgestellt."
                            : "Your credit note \(note.number) for \(Format.money(note.total, language)) is issued.")
            lines.append(buyback.payout == .cash
                ? (de ? "Den Betrag zahlen wir Ihnen bar am Schalter aus." : "We pay the amount in cash at the counter.")
                : (de ? "Wir überweisen den Betrag auf Ihr Konto \(maskedIBAN(buyback.iban))." : "We transfer the amount to your account \(maskedIBAN(buyback.iban))."))
        } else {
            lines.append(de ? "Wir konnten keines der Stücke annehmen; sie gehen an Sie zurück." : "We could not accept any of the pieces; they go back to you.")
        }
        let link = settings.sellOfferPage?(buyback.quoteID.uuidString.lowercased(), language)
        lines += link.map { ["", de ? "Gutschrift und Stand: \($0)" : "Credit note and status: \($0)"] } ?? []
        lines += ["", settings.shopName]
        let subject = note.map { de ? "Gutschrift \($0.number) zu Ihrem Ankauf \(buyback.number)" : "Credit note \($0.number) for your sale \(buyback.number)" }
            ?? (de ? "Ihr Ankauf \(buyback.number): Rücksendung" : "Your sale \(buyback.number): pieces sent back")
        return ShopMail.compose(to: .init(name: String(buyback.seller.name.prefix(OrderMails.nameLength)), email: buyback.seller.email),
                                subject: subject, lines: lines, links: link.map { [$0] } ?? [], settings: settings, now: now)
    }

    /// `DE89 … 3000`: enough to recognise the account, not to copy it.
    static func maskedIBAN(_ iban: String?) -> String {
        guard let iban, iban.count > 8 else { return "" }
        return String(iban.prefix(4)) + " … " + String(iban.suffix(4))
    }
}
