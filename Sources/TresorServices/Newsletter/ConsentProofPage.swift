import Foundation
import Plot
import TresorCore

/// The proof of a consent as a page to print or hand to an authority: every field of the record, the consent
/// text shown, the history and the confirmation mail as it was sent. Self-contained (no stylesheet, no script).
public enum ConsentProofPage {
    public static func render(_ proof: ConsentProof, shop: String, printedAt: Date) -> String {
        let time = { (date: Date?) in date.map { Format.dateTime($0, .de) + " (" + ISO8601DateFormatter().string(from: $0) + ")" } ?? "–" }
        let rows: [(String, String)] = [
            ("E-Mail-Adresse", proof.email), ("Status", proof.status.rawValue), ("Sprache", proof.language.rawValue),
            ("Anmeldung", time(proof.signupAt)), ("IP bei Anmeldung", proof.signupIP), ("Browser", proof.signupUserAgent),
            ("Formular auf Seite", proof.signupSource), ("Bestätigung", time(proof.confirmedAt)),
            ("IP bei Bestätigung", proof.confirmIP ?? "–"), ("Widerruf", time(proof.unsubscribedAt)),
            ("Einwilligungstext", "Version \(proof.consentVersion): \(proof.consentText)"),
        ]
        return HTML(
            .attr("lang", "de"),
            MailHead.node(title: "Nachweis der Einwilligung – \(proof.email)",
                          .element(named: "style", text: "body{font:11pt/1.45 sans-serif;max-width:50em;margin:2em auto}th{text-align:left;"
                                   + "vertical-align:top;padding-right:1em;white-space:nowrap}pre{white-space:pre-wrap;border:1px solid #999;padding:1em}")),
            .body(
                .h1(.text("Nachweis der Newsletter-Einwilligung")),
                .p(.text("\(shop) · Double-Opt-in nach § 7 UWG, Art. 7 Abs. 1 DSGVO · erstellt \(time(printedAt))")),
                .table(.forEach(rows) { row in .tr(.th(.text(row.0)), .td(.text(row.1))) }),
                .h2(.text("Verlauf")),
                .table(.forEach(proof.events) { event in .tr(.th(.text(time(event.at))), .td(.text(event.kind + " " + event.detail))) }),
                .h2(.text("Versandte Bestätigungs-E-Mail")),
                .pre(.text(proof.confirmationMail))
            )
        ).render()
    }
}
