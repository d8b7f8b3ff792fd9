import Foundation
import TresorCore
import TresorStore

/// Mail about the account itself; no advertising. Only the shop's own links are links.
enum AccountMails {
    static func passwordReset(_ customer: Customer, link: String, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = customer.language == .de
        let subject = de ? "Passwort zurücksetzen bei \(settings.shopName)" : "Reset your password at \(settings.shopName)"
        let text = [
            greeting(customer, de), "",
            de ? "über den folgenden Link vergeben Sie ein neues Passwort. Er gilt eine Stunde und nur einmal:"
               : "use the following link to choose a new password. It works once, for one hour:",
            link, "",
            de ? "Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert."
               : "If you did not ask for this, ignore this e-mail; your password stays as it is.",
            "", settings.shopName,
        ]
        return compose(customer, subject: subject, lines: text, links: [link], settings: settings, now: now)
    }

    /// The link that confirms a new account's address.
    static func verification(_ customer: Customer, link: String, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = customer.language == .de
        let subject = de ? "Bitte bestätigen Sie Ihr Kundenkonto bei \(settings.shopName)" : "Please confirm your account at \(settings.shopName)"
        let text = [
            greeting(customer, de), "",
            de ? "mit dieser Adresse wurde ein Kundenkonto eröffnet. Bitte bestätigen Sie sie mit diesem Link (48 Stunden gültig):"
               : "an account was opened with this address. Please confirm it with this link (valid for 48 hours):",
            link, "",
            de ? "Waren Sie das nicht, ignorieren Sie diese E-Mail; das Konto wird dann nicht nutzbar."
               : "If it was not you, ignore this e-mail; the account will not become usable.",
            "", settings.shopName,
        ]
        return compose(customer, subject: subject, lines: text, links: [link], settings: settings, now: now)
    }

    /// Someone tried to open an account with an address that has one: tell its owner, reveal nothing to the form.
    static func alreadyRegistered(_ customer: Customer, login: String, reset: String, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = customer.language == .de
        let subject = de ? "Ihr Kundenkonto bei \(settings.shopName)" : "Your account at \(settings.shopName)"
        let text = [
            greeting(customer, de), "",
            de ? "soeben wollte jemand mit Ihrer Adresse ein Kundenkonto eröffnen. Sie haben bereits eines."
               : "someone just tried to open an account with your address. You already have one.",
            de ? "Hier melden Sie sich an:" : "Log in here:", login,
            de ? "Passwort vergessen? Hier setzen Sie es zurück:" : "Forgot your password? Reset it here:", reset, "",
            de ? "Waren Sie das nicht, müssen Sie nichts tun; an Ihrem Konto hat sich nichts geändert."
               : "If it was not you, there is nothing to do; nothing about your account has changed.",
            "", settings.shopName,
        ]
        return compose(customer, subject: subject, lines: text, links: [login, reset], settings: settings, now: now)
    }

    /// To the old address when the account's address was changed, so a takeover does not go unnoticed.
    static func emailChanged(_ customer: Customer, to newAddress: String, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = customer.language == .de
        let subject = de ? "Die E-Mail-Adresse Ihres Kundenkontos wurde geändert" : "The e-mail address of your account was changed"
        let text = [
            greeting(customer, de), "",
            de ? "die E-Mail-Adresse Ihres Kundenkontos bei \(settings.shopName) wurde soeben in \(newAddress) geändert."
               : "the e-mail address of your account at \(settings.shopName) was just changed to \(newAddress).",
            de ? "Waren Sie das nicht, schreiben Sie uns bitte sofort: \(settings.fromAddress)."
               : "If it was not you, please write to us at once: \(settings.fromAddress).",
            "", settings.shopName,
        ]
        return compose(customer, subject: subject, lines: text, links: [], settings: settings, now: now)
    }

    static func greeting(_ customer: Customer, _ de: Bool) -> String {
        let name = String(customer.details.name.prefix(OrderMails.nameLength))
        return de ? "Guten Tag \(name)," : "Hello \(name),"
    }

    static func compose(_ customer: Customer, subject: String, lines: [String], links: [String], settings: MailSettings,
                        now: Date) -> OutgoingMail {
        ShopMail.compose(to: .init(name: String(customer.details.name.prefix(OrderMails.nameLength)), email: customer.details.email),
                         subject: subject, lines: lines, links: links, settings: settings, now: now)
    }
}
