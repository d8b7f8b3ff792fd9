import Foundation

/// An application for a position: who, how to reach them, what they write, and their CV as a PDF.
public struct JobApplication: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var jobID: UUID
    public var name: String
    public var email: String
    public var message: String
    public var language: Language
    public var receivedAt: Date

    public init(id: UUID = UUID(), jobID: UUID, name: String, email: String, message: String, language: Language, receivedAt: Date) {
        self.id = id
        self.jobID = jobID
        self.name = name
        self.email = email
        self.message = message
        self.language = language
        self.receivedAt = receivedAt
    }

    /// Every field that is wrong, by its form name, so the form can say so next to each.
    public func problems() -> [String] {
        var fields: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty || !TextInput.isPlainLine(name, maxCharacters: 120) { fields.append("name") }
        if !EmailAddress.isValid(email) { fields.append("email") }
        if !TextInput.isPlainText(message, maxCharacters: 5_000) { fields.append("message") }
        return fields
    }
}

/// A CV upload: a well-formed PDF by its content, not by its name or the type the browser claims, and at most
/// 10 MB. Well-formed means the header (`%PDF-1.x` at the start), a cross-reference (`startxref` with the offset of
/// an `xref` table or a cross-reference stream object), and `%%EOF` in the last kilobyte; and no HTML at its
/// start or end, so a file that a browser would also render as a page (an HTML/PDF polyglot) is refused.
public enum CVDocument {
    public static let maximumSize = 10 * 1024 * 1024

    public enum Problem: Error, Equatable, Sendable {
        case missing
        case tooLarge
        case notPDF
    }

    public static func check(_ bytes: [UInt8]) throws(Problem) {
        guard !bytes.isEmpty else { throw .missing }
        guard bytes.count <= maximumSize else { throw .tooLarge }
        // The header may follow a little junk (PDF 1.7 §7.5.2 lets readers look in the first 1024 bytes), but we
        // want it at the start, as every PDF writer puts it; the trailer's `%%EOF` sits in the last kilobyte.
        guard bytes.starts(with: Array("%PDF-".utf8)), bytes.count > 8,
              (bytes[5] >= UInt8(ascii: "1") && bytes[5] <= UInt8(ascii: "2")), bytes[6] == UInt8(ascii: "."),
              contains(Array("%%EOF".utf8), in: bytes.suffix(1024)), hasCrossReference(bytes), !looksLikeHTML(bytes) else {
            throw .notPDF
        }
    }

    /// The last `startxref` names an offset inside the file where an `xref` table or an object (`12 0 obj`) begins.
    static func hasCrossReference(_ bytes: [UInt8]) -> Bool {
        guard let marker = lastIndex(of: Array("startxref".utf8), in: bytes) else { return false }
        let digits = bytes[(marker + 9)...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }.prefix { (0x30...0x39).contains($0) }
        guard !digits.isEmpty, digits.count < 12, let offset = Int(String(decoding: digits, as: UTF8.self)), offset < marker else {
            return false
        }
        let target = bytes[offset...].prefix(32)
        if target.starts(with: Array("xref".utf8)) { return true }
        // A cross-reference stream: "<number> <generation> obj".
        let words = String(decoding: target, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        return words.count >= 3 && Int(words[0]) != nil && Int(words[1]) != nil && words[2].hasPrefix("obj")
    }

    /// HTML tags a browser would act on, in the first or last 4 KB, in any case.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let ends = [bytes.prefix(4096), bytes.suffix(4096)].map { Array($0.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }) }
        let tags = ["<html", "<!doctype", "<script", "<body", "<iframe", "<svg", "<img", "<meta", "<head", "<object"].map { Array($0.utf8) }
        return ends.contains { part in tags.contains { contains($0, in: part[...]) } }
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
