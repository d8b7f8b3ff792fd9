import Foundation
import TresorCore
import TresorStore

/// The applicant's receipt and the staff's notice of a new application. Neither carries the CV: it stays
/// in the shop's storage, not in mailboxes.
enum CareersMails {
    static func received(_ application: JobApplication, job: JobPosting, settings: MailSettings, now: Date) -> OutgoingMail {
        let de = application.language == .de
        let subject = de ? "Ihre Bewerbung als \(job.title)" : "Your application for \(job.title)"
        let lines = [
            de ? "Guten Tag \(application.name)," : "Hello \(application.name),", "",
            de ? "vielen Dank für Ihre Bewerbung als \(job.title) (\(job.location)). Ihre Unterlagen sind bei uns eingegangen;"
                + " wir melden uns innerhalb von zwei Wochen bei Ihnen."
               : "thank you for applying for \(job.title) (\(job.location)). Your documents have arrived;"
                + " we will get back to you within two weeks.",
            "",
            de ? "Wir löschen Ihre Bewerbung spätestens sechs Monate nach Eingang, wenn es nicht zu einer Anstellung kommt."
               : "We delete your application at the latest six months after it arrived unless it leads to employment.",
            "", settings.shopName,
        ]
        return ShopMail.compose(to: .init(name: application.name, email: application.email), subject: subject, lines: lines,
                                settings: settings, now: now)
    }

    static func staffNotice(_ application: JobApplication, job: JobPosting, cvSize: Int, to staff: String, settings: MailSettings,
                            now: Date) -> OutgoingMail {
        let lines = [
            "Neue Bewerbung für \(job.title) (\(job.location))", "",
            "Name: \(application.name)", "E-Mail: \(application.email)",
            "Lebenslauf: PDF, \(cvSize / 1024) KB (tresor applications cv \(application.id.uuidString.lowercased()) DATEI)", "",
            "Nachricht:", application.message.isEmpty ? "–" : application.message,
        ]
        return ShopMail.compose(to: .init(name: "", email: staff), subject: "Bewerbung: \(job.title) – \(application.name)",
                                lines: lines, settings: settings, now: now)
    }
}
