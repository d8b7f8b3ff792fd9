import Foundation
import Plot
import TresorStore

/// How every mail of the shop is put together: the lines as the text part, the same lines as the HTML part
/// (a line that is an address becomes a link), from the shop, ready for the outbox.
enum ShopMail {
    static func compose(to recipient: MailMessage.Address, subject: String, lines: [String], headers: [(String, String)] = [],
                        settings: MailSettings, now: Date) -> OutgoingMail {
        let html = HTML(
            .head(.meta(.charset(.utf8)), .title(subject)),
            .body(.forEach(lines) { line in
                line.isEmpty ? .br() : line.hasPrefix("https://") || line.hasPrefix("http://")
                    ? .p(.a(.attr("href", line), .text(line))) : .p(.text(line))
            })
        ).render()
        var message = MailMessage(from: .init(name: settings.shopName, email: settings.fromAddress), to: recipient, subject: subject,
                                  text: lines.joined(separator: "\n"), html: html, date: now,
                                  messageID: MailMessage.newMessageID(domain: settings.domain))
        message.headers = headers
        return OutgoingMail(messageID: message.messageID, recipient: recipient.email, subject: subject, raw: message.rendered())
    }
}
