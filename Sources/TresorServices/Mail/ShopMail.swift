import Foundation
import Plot
import TresorStore

/// How every mail of the shop is put together: the lines as the text part, the same lines as the HTML part, from
/// the shop, ready for the outbox. Only the shop's own links (`links`) become anchors: a line a customer typed
/// stays text, whatever it looks like.
enum ShopMail {
    static func compose(to recipient: MailMessage.Address, subject: String, lines: [String], links: [String] = [],
                        headers: [(String, String)] = [], settings: MailSettings, now: Date) -> OutgoingMail {
        let html = HTML(
            MailHead.node(title: subject),
            .body(.forEach(lines) { line in
                line.isEmpty ? .br() : links.contains(line) ? .p(.a(.attr("href", line), .text(line))) : .p(.text(line))
            })
        ).render()
        var message = MailMessage(from: .init(name: settings.shopName, email: settings.fromAddress), to: recipient, subject: subject,
                                  text: lines.joined(separator: "\n"), html: html, date: now,
                                  messageID: MailMessage.newMessageID(domain: settings.domain))
        message.headers = headers
        return OutgoingMail(messageID: message.messageID, recipient: recipient.email, subject: subject, raw: message.rendered())
    }
}
