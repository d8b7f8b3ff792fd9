import Foundation
import TresorCore

/// The self-billed credit note (Gutschrift) on A4: the dealer's letterhead, the seller as the supplier, the credit
/// note's data, the approved pieces with their measured weights and prices, the total, how it is paid, and the notes.
public enum CreditNotePDF {
    public static func render(_ note: CreditNote, demo: Bool) -> Data {
        let buyback = note.buyback
        let language = buyback.language
        let de = language == .de
        let money = { (amount: Money) in Format.money(amount, language) }
        let title = (de ? "Gutschrift " : "Credit note ") + note.number
        var document = PDFDocument(title: title, created: note.issuedAt)
        var page = PDFDocument.Page()
        let (left, right) = (56.0, 539.0)
        let dealer = note.dealer
        page.text(dealer.legalName, x: left, y: 790, size: 16, bold: true)
        for (index, line) in [dealer.street, "\(dealer.postalCode) \(dealer.city)", dealer.phone, dealer.email].enumerated() {
            page.text(line, right: right, y: 795 - Double(index) * 10, size: 8)
        }
        let seller = buyback.seller
        for (index, line) in [seller.name, seller.street, "\(seller.postalCode) \(seller.city)"].enumerated() {
            page.text(line, x: left, y: 704 - Double(index) * 12, size: 10)
        }
        let facts: [(String, String)] = [
            (de ? "Gutschrift-Nr." : "Credit note no.", note.number), (de ? "Datum" : "Date", Format.date(note.issuedAt, language)),
            (de ? "Ankauf-Nr." : "Buy-back no.", buyback.number), (de ? "Ankaufsauftrag vom" : "Sell order of", Format.date(buyback.createdAt, language)),
        ]
        for (index, fact) in facts.enumerated() {
            page.text(fact.0, x: 350, y: 704 - Double(index) * 12, size: 8.5)
            page.text(fact.1, right: right, y: 704 - Double(index) * 12, size: 8.5, bold: index == 0)
        }
        var y = 620.0
        page.text(title, x: left, y: y, size: 14, bold: true)
        y -= 18
        if demo {
            page.text(de ? "DEMO-SHOP – keine gültige Gutschrift: Die Händlerangaben sind Beispieldaten."
                         : "DEMO SHOP – not a valid credit note: the dealer's details are examples.", x: left, y: y, size: 9, bold: true)
            y -= 16
        }
        page.text(de ? "Pos." : "No.", x: left, y: y, size: 8, bold: true)
        page.text(de ? "Artikel" : "Item", x: 90, y: y, size: 8, bold: true)
        page.text(de ? "Gewicht (gemessen)" : "Weight (measured)", right: 450, y: y, size: 8, bold: true)
        page.text(de ? "Betrag" : "Amount", right: right, y: y, size: 8, bold: true)
        page.rule(from: left, to: right, y: y - 5)
        y -= 18
        for item in note.items {
            if y < 160 {
                document.pages.append(page)
                page = PDFDocument.Page()
                y = 780
            }
            page.text(String(item.position), x: left, y: y)
            page.text("\(item.name) (\(item.sku))", x: 90, y: y)
            page.text((item.measuredGrams ?? "–").replacingOccurrences(of: ".", with: de ? "," : ".") + " g", right: 450, y: y)
            page.text(money(item.unitPrice), right: right, y: y)
            y -= 13
        }
        page.rule(from: 300, to: right, y: y + 4)
        y -= 8
        page.text(de ? "Gutschriftsbetrag" : "Amount credited", x: 300, y: y, size: 10, bold: true)
        page.text(money(note.total), right: right, y: y, size: 10, bold: true)
        y -= 24
        let payment = buyback.payout == .cash
            ? (de ? "Auszahlung in bar am Schalter." : "Paid out in cash at the counter.")
            : (de ? "Überweisung auf \(buyback.iban ?? "") (\(buyback.accountHolder ?? ""))." : "Transfer to \(buyback.iban ?? "") (\(buyback.accountHolder ?? "")).")
        let notes = [
            payment,
            de ? "Gutschrift im Gutschriftverfahren (§ 14 Abs. 2 Satz 2 UStG): ausgestellt vom Käufer über die Lieferung des Verkäufers."
               : "Self-billed credit note (§ 14(2) sentence 2 UStG): issued by the buyer for the seller's supply.",
            de ? "Verkauft eine Privatperson, unterliegt der Ankauf nicht der Umsatzsteuer; es wird keine Umsatzsteuer ausgewiesen."
               : "A sale by a private person is not subject to VAT; no VAT is shown.",
            de ? "Bitte prüfen Sie die Gutschrift und widersprechen Sie, wenn sie nicht zutrifft. Nicht angenommene Stücke senden wir Ihnen zurück."
               : "Please check this credit note and object if it is not right. Pieces we did not accept are sent back to you.",
        ]
        for line in notes.flatMap({ PDFDocument.wrap($0, width: right - left, size: 8.5) }) {
            page.text(line, x: left, y: y, size: 8.5)
            y -= 11
        }
        page.text("\(dealer.legalName) · \(dealer.register) · USt-IdNr. \(dealer.vatID)", x: left, y: 60, size: 7)
        document.pages.append(page)
        return document.rendered()
    }
}
