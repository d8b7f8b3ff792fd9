/// Reads the payment references a payer wrote into a transfer's unstructured remittance lines (`RmtInf/Ustrd`).
/// Banks cut the text into lines of at most 140 characters wherever the limit falls, between words or inside one,
/// reference included; payers write references in lower case, with spaces, or write the order number instead.
/// So each line is read alone, then each line run into the next (a cut inside the reference), then all lines
/// with spaces between them. Joining lines blindly, as the first importer did, ran a reference into the next
/// line's first word (`RF87T2026000001Vielen`) and lost it.
public enum RemittanceText {
    /// Every creditor reference found, most likely first, without repeats: valid ISO 11649 references as written,
    /// and the references of order numbers written in the text (`T-2026-000001`, `T 2026 000001`, `T2026000001`).
    /// Several can be found (a cut word may make a second valid one by chance); the caller takes the first that
    /// names an order.
    public static func references(in lines: [String]) -> [String] {
        var texts = lines
        if lines.count > 1 {
            texts += zip(lines, lines.dropFirst()).map { $0 + $1 }
            texts.append(lines.joined(separator: " "))
        }
        var found: [String] = []
        for text in texts {
            for reference in references(in: text) where !found.contains(reference) { found.append(reference) }
        }
        return found
    }

    /// The references in one piece of text, in the order they appear.
    static func references(in text: String) -> [String] {
        let tokens = text.uppercased().split(whereSeparator: { !(($0.isASCII && $0.isLetter) || $0.isNumber) }).map(String.init)
        var found: [String] = []
        for start in tokens.indices {
            // A reference may be written in groups (`RF87 T202 6000 0001`): join up to seven neighbours, shortest first,
            // so a reference followed by other words is found before anything longer.
            var candidate = ""
            for token in tokens[start...].prefix(7) {
                candidate += token
                guard candidate.count <= 25 else { break }
                if candidate.hasPrefix("RF"), CreditorReference.isValid(candidate) {
                    found.append(candidate)
                    break
                }
                if let number = orderNumber(candidate) {
                    found.append(CreditorReference.make(orderNumber: number))
                    break
                }
            }
        }
        return found
    }

    /// `T2026000001` (an order number with its dashes and spaces taken out) as the shop writes it: `T-2026-000001`.
    static func orderNumber(_ compact: String) -> String? {
        let digits = compact.dropFirst()
        guard compact.first == "T", digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "T-\(digits.prefix(4))-\(digits.suffix(6))"
    }
}
