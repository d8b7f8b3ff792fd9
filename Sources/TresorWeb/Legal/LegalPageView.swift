import Foundation
import Plot
import TresorCore
import TresorServices

/// A legal page: the facts the settings hold (the imprint's §5 DDG details, the shipping table), then the text staff
/// edit, rendered from Markdown by `SafeMarkdown` (its output is the only raw HTML here).
enum LegalPageView {
    static func render(_ page: LegalPage, text html: String, settings: DealerSettings, _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "prose legal"),
            .h1(.text(page.title(lang))),
            facts(page, settings, lang),
            .raw(html)
        )
        return Layout.render(context, title: page.title(lang), main: main)
    }

    /// What the page states from the settings, so it cannot drift from what invoices and checkout use.
    static func facts(_ page: LegalPage, _ settings: DealerSettings, _ lang: Language) -> Node<HTML.BodyContext> {
        let de = lang == .de
        switch page {
        case .imprint:
            let seller = settings.seller
            var lines: [(String, String)] = [
                (de ? "Anbieter" : "Provider", seller.legalName),
                (de ? "Anschrift" : "Address", "\(seller.street), \(seller.postalCode) \(seller.city), \(seller.country)"),
                (de ? "Vertreten durch die Geschäftsführung" : "Represented by the managing directors", seller.managingDirectors),
                (de ? "Registereintrag" : "Register", seller.register),
                (de ? "Telefon" : "Phone", seller.phone),
                (de ? "E-Mail" : "E-mail", seller.email),
            ]
            if !seller.vatID.isEmpty { lines.append((de ? "Umsatzsteuer-Identifikationsnummer (§ 27a UStG)" : "VAT ID (§ 27a UStG)", seller.vatID)) }
            if !seller.taxNumber.isEmpty { lines.append((de ? "Steuernummer" : "Tax number", seller.taxNumber)) }
            return .group(
                .p(.text(de ? "Angaben gemäß § 5 DDG" : "Information under § 5 DDG")),
                .dl(.attr("class", "facts"), .forEach(lines.filter { !$0.1.isEmpty }) { label, value in .group(.dt(.text(label)), .dd(.text(value))) })
            )
        case .shipping:
            let table = settings.shipping
            let rows: [(String, String)] = table.bands.map { band in
                (band.minimumValue == .zero ? (de ? "Warenwert bis \(next(band, table, lang))" : "Goods up to \(next(band, table, lang))")
                    : (de ? "Warenwert ab \(Format.money(band.minimumValue, lang))" : "Goods from \(Format.money(band.minimumValue, lang))"),
                 Format.money(band.fee, lang))
            } + (table.freeFrom.map { [(de ? "Warenwert ab \(Format.money($0, lang))" : "Goods from \(Format.money($0, lang))",
                                        de ? "versandkostenfrei" : "free")] } ?? [])
                + [(de ? "Abholung im Ladengeschäft" : "Pickup at the shop", de ? "kostenlos" : "free")]
            return .group(
                .table(.attr("class", "lines shipping-table"),
                       .thead(.tr(.th(.text(de ? "Versicherter Versand" : "Insured shipping")), .th(.attr("class", "num"), .text(de ? "Kosten" : "Cost")))),
                       .tbody(.forEach(rows) { label, fee in .tr(.td(.text(label)), .td(.attr("class", "num"), .text(fee))) })),
                .p(.text((de ? "Wir versenden nach: " : "We ship to: ") + settings.shippingCountries.map { Format.country($0, lang) }.joined(separator: ", ")
                         + (de ? ". Alle Preise inkl. Versicherung bis zur Übergabe." : ". Every price includes insurance until hand-over."))),
                // §3c, §18j UStG: the prices shown carry German VAT; a parcel abroad carries its destination's.
                .if(settings.ossRegistered && settings.shippingCountries.contains { $0 != VatRates.home },
                    .p(.attr("class", "vat-country"),
                       .text(de ? "Bei Lieferung in ein anderes EU-Land tragen Silber, Platin und Palladium (außer differenzbesteuerten Münzen) die Mehrwertsteuer des Lieferlands "
                                  + "(One-Stop-Shop-Verfahren, § 3c UStG); die Preise im Shop enthalten die deutsche Mehrwertsteuer, "
                                  + "die Prüfseite der Bestellung zeigt den Preis für Ihr Lieferland. Anlagegold ist überall steuerfrei."
                                : "For delivery to another EU country, silver, platinum and palladium (except margin-scheme coins) carry the VAT of that country "
                                  + "(One-Stop-Shop); the shop's prices include German VAT, and the order's review page shows the price for "
                                  + "your country. Investment gold is exempt everywhere.")))
            )
        default:
            return .empty
        }
    }

    /// The upper end of a band (exclusive): the next band's start, or where shipping becomes free.
    static func next(_ band: ShippingTable.Band, _ table: ShippingTable, _ lang: Language) -> String {
        let upper = table.bands.first { $0.minimumValue > band.minimumValue }?.minimumValue ?? table.freeFrom
        return upper.map { Format.money($0 - Money(cents: 1), lang) } ?? "–"
    }
}
