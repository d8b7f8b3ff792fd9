import Foundation
import TresorCore

/// An e-mail as RFC 5322 / MIME text: UTF-8 headers as RFC 2047 encoded words, a text and an HTML part.
public struct MailMessage: Sendable {
    public struct Address: Sendable {
        public var name: String
        public var email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var from: Address
    public var to: Address
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    public var messageID: String
    /// Further headers (`List-Unsubscribe` and the like), already valid ASCII.
    public var headers: [(String, String)] = []

    public init(from: Address, to: Address, subject: String, text: String, html: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
    }

    /// A fresh `<uuid@domain>` Message-ID.
    public static func newMessageID(domain: String) -> String { "<\(UUID().uuidString.lowercased())@\(domain)>" }

    /// The message with CRLF line ends, ready for a file or sendmail.
    public func rendered(boundary: String = "=_tresor_" + UUID().uuidString.lowercased()) -> String {
        var lines = [
            "Date: " + Self.rfc5322Date(date),
            "From: " + Self.mailbox(from),
            "To: " + Self.mailbox(to),
            "Subject: " + Self.encodedWords(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
        ]
        lines += headers.map { "\($0.0): \($0.1)" }
        lines += [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--" + boundary,
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(text)
        lines += ["--" + boundary, "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
        lines += Self.base64Lines(html)
        lines += ["--" + boundary + "--", ""]
        return lines.joined(separator: "\r\n")
    }

    /// `Name <addr-spec>` as RFC 5322 §3.4 writes a mailbox: an ASCII display name as plain words when it has no special
    /// characters, else as a quoted string (so a comma, an angle bracket or a quote in a name cannot start a second
    /// address), any other as RFC 2047 encoded words.
    /// The address has been checked as an addr-spec where it came in; what could still end the address or start
    /// another is dropped here, the last guard before a header.
    static func mailbox(_ address: Address) -> String {
        let email = String(address.email.unicodeScalars.filter { $0.value > 0x20 && !"<>,;:\"\\()[]".unicodeScalars.contains($0) })
        let name = address.name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return "<\(email)>" }
        guard name.unicodeScalars.allSatisfy({ $0.value < 127 }) && !name.contains("=?") else { return "\(encodedWords(name)) <\(email)>" }
        // Words of atom characters stand as they are ("Tresor Edelmetalle"); anything else is quoted.
        let plain = name.unicodeScalars.allSatisfy { $0 == " " || EmailAddress.isAlphanumeric($0) || EmailAddress.atomSymbols.contains($0) }
        guard !plain else { return "\(name) <\(email)>" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" <\(email)>"
    }

    /// Plain ASCII stays as it is; anything else becomes `=?UTF-8?B?…?=` words of at most 75 characters,
    /// never splitting a character between two words.
    static func encodedWords(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        if safe && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Base64 in lines of 76 (RFC 2045), cut on the encoded bytes: walking a String by index offsets made
    /// this quadratic, milliseconds per newsletter.
    static func base64Lines(_ text: String) -> [String] {
        let encoded = Array(Data(text.utf8).base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76).map {
            String(decoding: encoded[$0..<min($0 + 76, encoded.count)], as: UTF8.self)
        }
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Fri, 27 Nov 2026 10:00:00 +0000`
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekdays[(c.weekday ?? 1) - 1]), \(c.day ?? 1) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
