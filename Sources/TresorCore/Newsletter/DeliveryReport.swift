import Foundation

/// A delivery status notification (RFC 3464) as a mail server sends it back to the envelope sender:
/// which recipients failed, how (the `Status` code) and which of our messages it was about.
public struct DeliveryReport: Sendable, Hashable {
    public struct Recipient: Sendable, Hashable {
        /// The address from `Final-Recipient` (or `Original-Recipient`), lower-cased.
        public var address: String
        /// `failed`, `delayed`, `delivered`, `relayed` or `expanded`.
        public var action: String
        /// The enhanced status code, `5.1.1` or `4.2.2`.
        public var status: String
        public var diagnostic: String

        /// A permanent failure: the address is not to be mailed again.
        public var isHardBounce: Bool { action == "failed" && status.hasPrefix("5.") }
        /// A temporary one (mailbox full, greylisting): counted, the address stays.
        public var isSoftBounce: Bool { (action == "failed" || action == "delayed") && status.hasPrefix("4.") }
    }

    public var recipients: [Recipient]
    /// The `Message-ID` of the message that bounced, from the returned headers, when the report carries them.
    public var originalMessageID: String?

    /// Reads a whole message; nil when it is not a delivery report (an auto-reply, spam, a human).
    public static func parse(_ raw: String) -> DeliveryReport? {
        let message = MIMEEntity(raw)
        guard message.contentType == "multipart/report",
              message.parameter("report-type")?.lowercased().hasSuffix("delivery-status") == true else { return nil }
        var recipients: [Recipient] = []
        var originalMessageID: String?
        for part in message.parts() {
            switch part.contentType {
            case "message/delivery-status", "message/global-delivery-status":
                recipients += statusRecipients(part.decodedBody)
            case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                originalMessageID = MIMEEntity(part.decodedBody).header("message-id")?.trimmingCharacters(in: .whitespaces)
            default:
                continue
            }
        }
        return recipients.isEmpty ? nil : DeliveryReport(recipients: recipients, originalMessageID: originalMessageID)
    }

    /// The per-recipient field groups (after the per-message group) of a `message/delivery-status` body.
    static func statusRecipients(_ body: String) -> [Recipient] {
        let groups = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { MIMEEntity.fields(of: $0) }.filter { !$0.isEmpty }
        return groups.compactMap { fields -> Recipient? in
            func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
            guard let action = value("action")?.lowercased(), let status = value("status"),
                  let recipient = value("final-recipient") ?? value("original-recipient") else { return nil }
            // `rfc822; <someone@example.com>`: the type, then the address.
            let address = (recipient.split(separator: ";", maxSplits: 1).last.map(String.init) ?? recipient)
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>")).lowercased()
            let code = String(status.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace && $0 != "(" })
            return Recipient(address: address, action: action.trimmingCharacters(in: .whitespaces), status: code,
                             diagnostic: value("diagnostic-code") ?? "")
        }
    }
}

/// Just enough MIME to read delivery reports: unfolded headers, parameters, multipart bodies, base64 and
/// quoted-printable parts.
struct MIMEEntity {
    var headers: [(name: String, value: String)]
    var body: String

    init(_ raw: String) {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let split = text.range(of: "\n\n")
        headers = Self.fields(of: split.map { String(text[..<$0.lowerBound]) } ?? text)
        body = split.map { String(text[$0.upperBound...]) } ?? ""
    }

    /// `Name: value` lines with continuation lines joined; names lower-cased.
    static func fields(of block: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                               line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return fields
    }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// The media type without parameters, lower-cased; `text/plain` when there is none.
    var contentType: String {
        (header("content-type")?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            ?? "text/plain"
    }

    /// A `Content-Type` parameter, unquoted.
    func parameter(_ name: String) -> String? {
        guard let type = header("content-type") else { return nil }
        for piece in type.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The parts of a multipart body; none when this is not one.
    func parts() -> [MIMEEntity] {
        guard contentType.hasPrefix("multipart/"), let boundary = parameter("boundary"), !boundary.isEmpty else { return [] }
        var parts: [MIMEEntity] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "--" + boundary || trimmed == "--" + boundary + "--" {
                if let current { parts.append(MIMEEntity(current.joined(separator: "\n"))) }
                current = trimmed == "--" + boundary + "--" ? nil : []
            } else {
                current?.append(line)
            }
        }
        return parts
    }

    /// The body with its transfer encoding undone.
    var decodedBody: String {
        switch header("content-transfer-encoding")?.lowercased() {
        case "base64":
            let compact = body.filter { !$0.isWhitespace }
            return Data(base64Encoded: compact).map { String(decoding: $0, as: UTF8.self) } ?? body
        case "quoted-printable":
            return Self.unquote(body)
        default:
            return body
        }
    }

    static func unquote(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 1 < source.count {
                if source[index + 1] == UInt8(ascii: "\n") { index += 2; continue }
                if index + 2 < source.count, let byte = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(byte)
                    index += 3
                    continue
                }
            }
            bytes.append(source[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
