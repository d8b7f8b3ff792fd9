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
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if trimmedName.isEmpty || name.count > 120 || name.contains(where: \.isNewline) { fields.append("name") }
        if !EmailAddress.isValid(email) { fields.append("email") }
        if message.count > 5_000 { fields.append("message") }
        return fields
    }
}

/// A CV upload: a PDF by its content (the `%PDF-` header and an end-of-file marker), not by its name or
/// the type the browser claims, and at most 10 MB.
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
              (bytes[5] >= UInt8(ascii: "1") && bytes[5] <= UInt8(ascii: "2")),
              contains(Array("%%EOF".utf8), in: bytes.suffix(1024)) else { throw .notPDF }
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
