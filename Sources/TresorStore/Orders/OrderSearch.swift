/// What a search text in the back office's order list looks for: an order number or a payment reference from its
/// start (both have a unique index, so a prefix is a range on it), else words in the name or e-mail address.
enum OrderSearch: Equatable {
    case none
    case number(String)
    case reference(String)
    case words(String)

    init(_ text: String) {
        let upper = text.uppercased()
        if text.isEmpty {
            self = .none
        } else if upper.hasPrefix("T-"), upper.dropFirst(2).allSatisfy({ $0.isNumber || $0 == "-" }) {
            self = .number(upper)
        } else if upper.hasPrefix("RF"), upper.count >= 4, upper.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) {
            self = .reference(upper)
        } else {
            self = .words(text.lowercased())
        }
    }

    /// The first text after every text that starts with `prefix` (its last character moved one on).
    static func after(_ prefix: String) -> String {
        guard let last = prefix.unicodeScalars.last, let next = Unicode.Scalar(last.value + 1) else { return prefix + "\u{10FFFF}" }
        return String(prefix.unicodeScalars.dropLast()) + String(next)
    }
}
