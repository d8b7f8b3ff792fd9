import Plot
import TresorCore

/// The dashboard's warning while a dealer without the One-Stop-Shop nears or passes the €10,000 of distance sales
/// under which German VAT may be charged on parcels to other member states (§3c Abs. 4 UStG).
enum DistanceSalesView {
    static func warning(_ standing: DistanceSalesStanding?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let standing, standing.level != .clear else { return .empty }
        let figures = DistanceSalesText.figures(lang, String(standing.year), Format.money(standing.thisYear, lang),
                                                String(standing.year - 1), Format.money(standing.lastYear, lang),
                                                Format.money(DistanceSalesStanding.threshold, lang))
        let advice = standing.level == .exceeded ? DistanceSalesText.exceeded(lang) : DistanceSalesText.nearing(lang)
        return .div(.attr("class", "notice problem distance-sales"), .attr("role", "alert"),
                    .p(.strong(.text(DistanceSalesText.title(lang)))), .p(.text(figures)), .p(.text(advice)))
    }
}

enum DistanceSalesText: Wording {
    case title, figures, nearing, exceeded

    var pair: (String, String) {
        switch self {
        case .title: ("Fernverkäufe in andere EU-Länder (§ 3c UStG)", "Distance sales to other EU countries (§ 3c UStG)")
        case .figures: ("%@: %@ netto, %@: %@ netto; Schwelle %@ je Kalenderjahr.",
                        "%@: %@ net, %@: %@ net; threshold %@ per calendar year.")
        case .nearing: ("Die Schwelle ist bald erreicht. Darüber schuldet der Shop die Mehrwertsteuer des Lieferlands: mit Ihrer Steuerberatung die Registrierung im One-Stop-Shop (BZSt) vorbereiten und dann TRESOR_VAT_OSS bzw. die Einstellung „One-Stop-Shop“ einschalten.",
                        "The threshold is near. Beyond it the shop owes the VAT of the country of delivery: prepare the One-Stop-Shop registration (BZSt) with your tax adviser, then switch on TRESOR_VAT_OSS or the \"One-Stop-Shop\" setting.")
        case .exceeded: ("Die Schwelle ist überschritten: Für Silber, Platin und Palladium (außer differenzbesteuerten Münzen) in andere EU-Länder ist die Mehrwertsteuer des Lieferlands geschuldet, nicht die deutsche. Registrieren Sie sich im One-Stop-Shop und schalten Sie die Einstellung „One-Stop-Shop“ ein; klären Sie die bisherigen Rechnungen mit Ihrer Steuerberatung.",
                         "The threshold is passed: silver, platinum and palladium (except margin-scheme coins) sent to other EU countries owe the VAT of the country of delivery, not Germany's. Register for the One-Stop-Shop and switch on the \"One-Stop-Shop\" setting; settle the invoices so far with your tax adviser.")
        }
    }
}
