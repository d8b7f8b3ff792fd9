import Foundation

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

    static func mailbox(_ address: Address) -> String {
        address.name.isEmpty ? "<\(address.email)>" : "\(encodedWords(address.name)) <\(address.email)>"
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
