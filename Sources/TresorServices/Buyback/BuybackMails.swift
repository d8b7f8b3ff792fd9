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
        if buyback.status == .onHold {
            lines += ["", de ? "Bevor wir den Ankauf abschließen, prüfen wir noch einige Angaben; wir melden uns bei Ihnen."
                             : "Before we complete the purchase we still check a few details; we will be in touch."]
        }
        lines += ["", settings.shopName]
        let subject = de ? "Ihr Ankaufsauftrag \(buyback.number)" : "Your sell order \(buyback.number)"
        return ShopMail.compose(to: .init(name: String(buyback.seller.name.prefix(OrderMails.nameLength)), email: buyback.seller.email),
                                subject: subject, lines: lines, links: [], settings: settings, now: now)
    }

    /// `DE89 … 3000`: enough to recognise the account, not to copy it.
    static func maskedIBAN(_ iban: String?) -> String {
        guard let iban, iban.count > 8 else { return "" }
        return String(iban.prefix(4)) + " … " + String(iban.suffix(4))
    }
}
