import Foundation
import NIOCore

/// A rendered page cut at its form-token placeholders once, when it is rendered: serving it to a visitor
/// joins the pieces around their token, with no search through the page per request.
struct TokenSlots: Sendable {
    /// The page's text between placeholders; one more piece than there are placeholders.
    let pieces: [ByteBuffer]

    init(_ html: String) {
        let page = ByteBuffer(string: html)
        let needle = CSRF.placeholderBytes
        // `memchr` for the first letter, then `memcmp`: the generic `firstRange(of:)` cost milliseconds per page.
        let starts: [Int] = page.withUnsafeReadableBytes { raw in
            guard let base = raw.baseAddress, raw.count >= needle.count else { return [] }
            var found: [Int] = []
            var offset = 0
            let last = raw.count - needle.count
            while offset <= last, let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, needle, needle.count) == 0 {
                    found.append(position)
                    offset = position + needle.count
                } else {
                    offset = position + 1
                }
            }
            return found
        }
        var pieces: [ByteBuffer] = []
        var copied = 0
        for start in starts + [page.readableBytes] {
            pieces.append(page.getSlice(at: copied, length: start - copied) ?? ByteBuffer())
            copied = start + needle.count
        }
        self.pieces = pieces
    }

    /// The page with `token` in every slot.
    func filled(with token: String) -> ByteBuffer {
        if pieces.count == 1 { return pieces[0] }
        var page = ByteBuffer()
        page.reserveCapacity(pieces.reduce(0) { $0 + $1.readableBytes } + (pieces.count - 1) * token.utf8.count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { page.writeString(token) }
            page.writeImmutableBuffer(piece)
        }
        return page
    }
}
