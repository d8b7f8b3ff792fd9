import Foundation
import TresorCore

/// Every word on an invoice in German and English, shared by the printable page and the PDF so both say the
/// same. The legal notes use the wording §14a UStG asks for.
public struct InvoiceWording: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    var de: Bool { language == .de }

    public var title: String { de ? "Rechnung" : "Invoice" }
    /// The document's heading: an invoice, or a cancellation invoice (Stornorechnung).
    public func title(_ kind: InvoiceKind) -> String {
        switch kind {
        case .invoice: title
        case .cancellation: de ? "Stornorechnung" : "Cancellation invoice"
        }
    }
    public var cancels: String { de ? "Storniert Rechnung" : "Cancels invoice" }
    /// Printed on every document of a shop still using the demo seller.
    public var demoNotice: String {
        de ? "DEMO-SHOP – keine gültige Rechnung: Die Händlerangaben sind Beispieldaten."
           : "DEMO SHOP – not a valid invoice: the dealer's details are examples."
    }
    public var supplyDate: String { de ? "Liefer-/Leistungsdatum" : "Date of supply" }
    public var number: String { de ? "Rechnungsnummer" : "Invoice number" }
    public var date: String { de ? "Rechnungsdatum" : "Invoice date" }
    public var order: String { de ? "Bestellnummer" : "Order number" }
    public var orderDate: String { de ? "Bestelldatum" : "Order date" }
    public var position: String { de ? "Pos." : "No." }
    public var quantity: String { de ? "Menge" : "Qty" }
    public var item: String { de ? "Artikel" : "Item" }
    public var unitPrice: String { de ? "Einzelpreis" : "Unit price" }
    public var vat: String { de ? "USt." : "VAT" }
    public var lineTotal: String { de ? "Gesamt" : "Total" }
    public var shipping: String { de ? "Versicherter Versand" : "Insured shipping" }
    public var total: String { de ? "Rechnungsbetrag" : "Invoice total" }
    public var vatIncluded: String { de ? "darin enthaltene Umsatzsteuer" : "of which VAT" }
    public var vatID: String { de ? "USt-IdNr." : "VAT ID" }
    public var taxNumber: String { de ? "Steuernummer" : "Tax number" }
    public var managingDirectors: String { de ? "Geschäftsführung" : "Managing directors" }
    public var customer: String { de ? "Rechnungsempfänger" : "Billed to" }
    public var page: String { de ? "Seite" : "Page" }
    public var printHint: String { de ? "Drucken" : "Print" }
    public var downloadPDF: String { de ? "Als PDF herunterladen" : "Download as PDF" }

    /// `19 %` / `19%`; whole rates without decimals.
    public func rate(_ percent: Decimal?) -> String {
        let value = percent ?? 19
        let whole = value == value.rounded(scale: 0)
        return Format.decimal(value, scale: whole ? 0 : 1, language) + (de ? "\u{a0}%" : "%")
    }

    /// The short label of a line's VAT treatment in the VAT column.
    public func treatment(_ regime: VatRegime, rate ratePercent: Decimal?) -> String {
        switch regime {
        case .standard: rate(ratePercent)
        case .exemptInvestmentGold: de ? "steuerfrei¹" : "exempt¹"
        case .marginScheme: de ? "§ 25a²" : "§25a²"
        }
    }

    /// The summary line naming the amount of one VAT treatment.
    public func groupLabel(_ group: InvoiceVatGroup) -> String {
        switch group.regime {
        case .standard: (de ? "Nettobetrag \(rate(group.ratePercent))" : "Net amount at \(rate(group.ratePercent))") + where_(group)
        case .exemptInvestmentGold: de ? "Steuerfreie Lieferung von Anlagegold¹" : "Exempt supply of investment gold¹"
        case .marginScheme: de ? "Differenzbesteuerte Lieferung²" : "Supply under the margin scheme²"
        }
    }

    public func vatLabel(_ group: InvoiceVatGroup) -> String {
        (de ? "zzgl. Umsatzsteuer \(rate(group.ratePercent))" : "plus VAT at \(rate(group.ratePercent))") + where_(group)
    }

    /// ` (Österreich)³` after a rate of another member state's VAT.
    func where_(_ group: InvoiceVatGroup) -> String {
        group.country.map { " (\(Format.country($0, language)))³" } ?? ""
    }

    /// The facts beside the address: number, dates, order, and for a cancellation the invoice it reverses.
    public func facts(_ invoice: Invoice) -> [(String, String)] {
        var facts = [(number, invoice.number), (date, Format.date(invoice.issuedAt, language)), (order, invoice.order.number),
                     (orderDate, Format.date(invoice.order.createdAt, language)), (supplyDate, Format.date(invoice.suppliedAt, language))]
        if let original = invoice.cancels {
            facts.append((cancels, original.number + (de ? " vom " : " of ") + Format.date(original.issuedAt, language)))
        }
        return facts
    }

    /// The legal notes the invoice must carry for what it contains.
    public func notes(_ invoice: Invoice) -> [String] {
        var notes: [String] = []
        if invoice.contains.contains(.exemptInvestmentGold) {
            notes.append(de ? "¹ Steuerfreie Lieferung von Anlagegold gemäß § 25c UStG."
                            : "¹ Investment gold: supply exempt from VAT under § 25c UStG.")
        }
        if invoice.contains.contains(.marginScheme) {
            notes.append(de ? "² Gebrauchtgegenstände/Sonderregelung: Differenzbesteuerung nach § 25a UStG; die Umsatzsteuer wird nicht gesondert ausgewiesen."
                            : "² Second-hand goods/special arrangements: margin scheme under § 25a UStG; VAT is not shown separately.")
        }
        if let country = invoice.groups.lazy.compactMap(\.country).first {
            let name = Format.country(country, language)
            notes.append(de ? "³ Fernverkauf (§ 3c UStG): Umsatzsteuer des Bestimmungslands \(name), erklärt im One-Stop-Shop-Verfahren (§ 18j UStG)."
                            : "³ Distance sale (§ 3c UStG): VAT of the country of destination, \(name), declared under the One-Stop-Shop (§ 18j UStG).")
        }
        if invoice.order.shipping == .insured && invoice.groups.count > 1 {
            notes.append(de ? "Die Versandkosten folgen als Nebenleistung der Besteuerung der Waren, anteilig nach Warenwert."
                            : "Shipping follows the VAT treatment of the goods it carries, split by their value.")
        }
        if let original = invoice.cancels {
            let when = Format.date(original.issuedAt, language)
            notes.append(de ? "Diese Stornorechnung hebt die Rechnung \(original.number) vom \(when) vollständig auf (§ 17 UStG). "
                              + "Der bezahlte Betrag wird Ihnen erstattet."
                            : "This cancellation invoice reverses invoice \(original.number) of \(when) in full (§ 17 UStG). "
                              + "The amount paid will be refunded to you.")
            return notes
        }
        let supplied = Format.date(invoice.suppliedAt, language)
        notes.append(invoice.order.payment == .cash
                     ? (de ? "Bar bezahlt bei der Übergabe am \(supplied). Vielen Dank." : "Paid in cash at hand-over on \(supplied). Thank you.")
                     : (de ? "Bereits per Überweisung bezahlt. Vielen Dank." : "Already paid by bank transfer. Thank you."))
        return notes
    }

    /// The seller's legal details for the foot of every page.
    public func sellerFooter(_ seller: Seller) -> [String] {
        var ids = ["\(vatID) \(seller.vatID)"]
        if !seller.taxNumber.isEmpty { ids.append("\(taxNumber) \(seller.taxNumber)") }
        if seller.vatID.isEmpty { ids.removeFirst() }
        return ["\(seller.legalName) · \(seller.street) · \(seller.postalCode) \(seller.city) · \(seller.phone) · \(seller.email)",
                "\(seller.register) · \(managingDirectors): \(seller.managingDirectors) · " + ids.joined(separator: " · ")]
    }
}
