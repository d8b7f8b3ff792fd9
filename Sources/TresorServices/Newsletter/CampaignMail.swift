import Foundation
import Plot
import TresorCore
import TresorStore

/// A campaign rendered once (Markdown to safe HTML), then put into a mail for each recipient with their
/// own unsubscribe link, `List-Unsubscribe` (RFC 8058 one-click), `List-Id` and the imprint.
struct CampaignMail: Sendable {
    let campaignID: UUID
    let subject: String
    /// Text and HTML per footer language, rendered once and cut where each recipient's link goes (joining
    /// the pieces with the link is cheap; Foundation's `replacingOccurrences` on Linux cost milliseconds).
    let parts: [TresorCore.Language: (text: [String], html: [String])]
    static let slot = "\u{E0FF}unsubscribe\u{E0FF}"

    init(_ campaign: Campaign, markdown renderer: SafeMarkdown, settings: MailSettings) {
        campaignID = campaign.id
        subject = campaign.subject
        let body = campaign.body.replacingOccurrences(of: "\u{E0FF}", with: "")
        let html = renderer.html(body)
        var parts: [TresorCore.Language: (text: [String], html: [String])] = [:]
        for language in TresorCore.Language.allCases {
            let rendered = Self.render(subject: campaign.subject, markdown: body, html: html, language: language, settings: settings)
            parts[language] = (rendered.text.components(separatedBy: Self.slot), rendered.html.components(separatedBy: Self.slot))
        }
        self.parts = parts
    }

    static func render(subject: String, markdown: String, html: String, language: TresorCore.Language,
                       settings: MailSettings) -> (text: String, html: String) {
        let de = language == .de
        let why = de ? "Sie erhalten diese E-Mail, weil Sie den Newsletter von \(settings.shopName) bestellt und bestätigt haben."
                     : "You receive this e-mail because you subscribed to and confirmed the \(settings.shopName) newsletter."
        let leave = de ? "Abmelden mit einem Klick:" : "Unsubscribe with one click:"
        let leaveLink = de ? "Newsletter abbestellen" : "Unsubscribe"
        let text = markdown + "\n\n-- \n" + ([why, leave, slot, ""] + settings.imprint).joined(separator: "\n")
        let page = HTML(
            MailHead.node(title: subject),
            .body(
                .div(.attr("style", "max-width:40em;font-family:sans-serif;line-height:1.5"), .raw(html)),
                .hr(),
                .div(.attr("style", "max-width:40em;font-family:sans-serif;font-size:small;color:#555"),
                     .p(.text(why), .br(), .a(.attr("href", slot), .text(leaveLink))),
                     .p(.forEach(settings.imprint) { .group(.text($0), .br()) }))
            )
        ).render()
        return (text, page)
    }

    /// `<campaign.subscriber@domain>`: a bounce that quotes it names the recipient row without a lookup table.
    static func messageID(campaignID: UUID, subscriberID: UUID, domain: String) -> String {
        "<c\(campaignID.uuidString.lowercased()).s\(subscriberID.uuidString.lowercased())@\(domain)>"
    }

    /// The campaign and subscriber of a Message-ID made by `messageID`.
    static func recipient(ofMessageID id: String) -> (campaignID: UUID, subscriberID: UUID)? {
        let local = id.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")).split(separator: "@").first ?? ""
        let parts = local.split(separator: ".")
        guard parts.count == 2, parts[0].hasPrefix("c"), parts[1].hasPrefix("s"),
              let campaign = UUID(uuidString: String(parts[0].dropFirst())),
              let subscriber = UUID(uuidString: String(parts[1].dropFirst())) else { return nil }
        return (campaign, subscriber)
    }

    func mail(to email: String, subscriberID: UUID, language: TresorCore.Language, unsubscribe: String, listID: String,
              settings: MailSettings, subjectPrefix: String = "", now: Date) -> OutgoingMail {
        let part = parts[language] ?? parts[.de] ?? ([], [])
        var message = MailMessage(from: .init(name: settings.shopName, email: settings.fromAddress), to: .init(name: "", email: email),
                                  subject: subjectPrefix + subject, text: part.text.joined(separator: unsubscribe),
                                  html: part.html.joined(separator: Escape.attribute(unsubscribe)), date: now,
                                  messageID: Self.messageID(campaignID: campaignID, subscriberID: subscriberID, domain: settings.domain))
        message.headers = [("List-Unsubscribe", "<\(unsubscribe)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                           ("List-Id", "\(settings.shopName.filter(\.isASCII)) Newsletter \(listID)"), ("Precedence", "bulk")]
        return OutgoingMail(messageID: message.messageID, recipient: email, subject: message.subject, raw: message.rendered())
    }
}
