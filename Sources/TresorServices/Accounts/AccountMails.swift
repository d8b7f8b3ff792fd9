import Foundation
import TresorCore
import TresorStore

/// Mail about the account itself; no advertising.
enum AccountMails {
    static func passwordReset(_ customer: Customer, link: String, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = customer.language == .de
        let subject = de ? "Passwort zurücksetzen bei \(settings.shopName)" : "Reset your password at \(settings.shopName)"
        let text = [
            de ? "Guten Tag \(customer.details.name)," : "Hello \(customer.details.name),", "",
            de ? "über den folgenden Link vergeben Sie ein neues Passwort. Er gilt eine Stunde und nur einmal:"
               : "use the following link to choose a new password. It works once, for one hour:",
            link, "",
            de ? "Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert."
               : "If you did not ask for this, ignore this e-mail; your password stays as it is.",
            "", settings.shopName,
        ]
        return ShopMail.compose(to: .init(name: customer.details.name, email: customer.details.email), subject: subject, lines: text,
                                links: [link], settings: settings, now: now)
    }
}
