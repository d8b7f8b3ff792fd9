/// A product photo as the back office takes it: PNG, JPEG or WebP, recognised by its first bytes (never by its name or
/// the type a browser claims), at most 2 MB. It is stored under the SHA-256 of its bytes, so its address never serves
/// two different pictures and may be cached for good.
public enum ProductImage {
    public static let maximumSize = 2 * 1024 * 1024

    public enum Problem: Error, Equatable, Sendable {
        case missing
        case tooLarge
        case notAnImage
    }

    /// The file ending and content type of a supported picture.
    public struct Kind: Sendable, Equatable {
        public var fileExtension: String
        public var contentType: String
    }

    public static let kinds = [Kind(fileExtension: "png", contentType: "image/png"), Kind(fileExtension: "jpg", contentType: "image/jpeg"),
                               Kind(fileExtension: "webp", contentType: "image/webp")]

    public static func check(_ bytes: [UInt8]) throws(Problem) -> Kind {
        guard !bytes.isEmpty else { throw .missing }
        guard bytes.count <= maximumSize else { throw .tooLarge }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return kinds[0] }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return kinds[1] }
        if bytes.count > 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return kinds[2] }
        throw .notAnImage
    }

    /// The kind of a stored file name (`<64 hex digits>.<ending>`), or nil for anything else: what the shop serves.
    public static func kind(ofStoredName name: String) -> Kind? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy({ $0.isHexDigit && ($0.isNumber || $0.isLowercase) }) else { return nil }
        return kinds.first { $0.fileExtension == parts[1] }
    }
}
