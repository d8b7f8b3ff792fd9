import Foundation
import TresorCore
import TresorStore

/// The double opt-in mails. The confirmation carries no advertising (BGH I ZR 164/09); its text is kept as
/// part of the proof. The welcome mail carries the unsubscribe link and the RFC 8058 headers.
enum NewsletterMails {
    static func confirmation(to email: String, link: String, language: TresorCore.Language, settings: MailSettings,
                             now: Date) -> (mail: OutgoingMail, text: String) {
        let de = language == .de
        let subject = de ? "Bitte bestätigen Sie Ihre Newsletter-Anmeldung" : "Please confirm your newsletter sign-up"
        let lines = [
            de ? "Guten Tag," : "Hello,", "",
            de ? "jemand – hoffentlich Sie – hat diese Adresse für den Newsletter von \(settings.shopName) angemeldet."
               : "someone – hopefully you – signed this address up for the \(settings.shopName) newsletter.",
            de ? "Bitte bestätigen Sie die Anmeldung mit diesem Link (48 Stunden gültig):"
               : "Please confirm with this link (valid for 48 hours):",
            link, "",
            de ? "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; Sie erhalten dann nichts weiter."
               : "If it was not you, ignore this e-mail; you will receive nothing further.",
            "", settings.shopName,
        ]
        return message(to: email, subject: subject, lines: lines, links: [link], headers: [], settings: settings, now: now)
    }

    static func welcome(to email: String, unsubscribe: String, listID: String, language: TresorCore.Language, settings: MailSettings,
                        now: Date) -> OutgoingMail {
        let de = language == .de
        let subject = de ? "Willkommen beim Newsletter von \(settings.shopName)" : "Welcome to the \(settings.shopName) newsletter"
        let lines = [
            de ? "Guten Tag," : "Hello,", "",
            de ? "Ihre Anmeldung ist bestätigt. Sie erhalten ab jetzt unsere Marktberichte und Angebote."
               : "Your sign-up is confirmed. From now on you receive our market reports and offers.",
            de ? "Abmelden können Sie sich jederzeit mit einem Klick:" : "You can unsubscribe at any time with one click:",
            unsubscribe, "", settings.shopName,
        ]
        return message(to: email, subject: subject, lines: lines, links: [unsubscribe],
                       headers: [("List-Unsubscribe", "<\(unsubscribe)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                                 ("List-Id", "\(settings.shopName.filter(\.isASCII)) Newsletter \(listID)")],
                       settings: settings, now: now).mail
    }

    static func message(to email: String, subject: String, lines: [String], links: [String], headers: [(String, String)],
                        settings: MailSettings, now: Date) -> (mail: OutgoingMail, text: String) {
        (ShopMail.compose(to: .init(name: "", email: email), subject: subject, lines: lines, links: links, headers: headers,
                          settings: settings, now: now),
         lines.joined(separator: "\n"))
    }
}
