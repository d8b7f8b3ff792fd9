/// Order and invoice numbers for people, and the structured creditor reference (ISO 11649, "RF…")
/// customers put on their bank transfer, so a typo is caught by the check digits.
public enum OrderNumbers {
    /// `T-2026-000123`
    public static func order(year: Int, sequence: Int) -> String { "T-\(year)-\(padded(sequence))" }
    /// `R-2026-000045`
    public static func invoice(year: Int, sequence: Int) -> String { "R-\(year)-\(padded(sequence))" }
    /// `S-2026-000003`: a cancellation invoice (Stornorechnung), numbered on its own.
    public static func cancellation(year: Int, sequence: Int) -> String { "S-\(year)-\(padded(sequence))" }

    static func padded(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

public enum CreditorReference {
    /// `RF` + two check digits + the order number without dashes: `T-2026-000123` → `RF…T2026000123`.
    public static func make(orderNumber: String) -> String {
        let body = orderNumber.uppercased().filter { $0.isLetter || $0.isNumber }
        let check = 98 - mod97(body + "RF00")
        return "RF" + (check < 10 ? "0" : "") + String(check) + body
    }

    /// Whether `text` (spaces allowed, any case) is a well-formed creditor reference with valid check digits.
    public static func isValid(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard compact.count >= 5, compact.count <= 25, compact.hasPrefix("RF"),
              compact.allSatisfy({ ($0.isASCII && $0.isLetter) || $0.isNumber }) else { return false }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        return mod97(String(rearranged)) == 1
    }

    /// Finds a creditor reference inside free text (a bank transfer's remittance line), normalised.
    public static func find(in text: String) -> String? {
        let upper = text.uppercased()
        let tokens = upper.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        // Banks sometimes split the reference with spaces: try joined neighbours too.
        for start in tokens.indices where tokens[start].hasPrefix("RF") {
            var candidate = ""
            for token in tokens[start...].prefix(4) {
                candidate += token
                if isValid(candidate) { return candidate }
            }
        }
        return nil
    }

    /// Whether `text` is an IBAN with valid check digits (same MOD 97-10 as creditor references).
    public static func isValidIBAN(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard (15...34).contains(compact.count), compact.prefix(2).allSatisfy(\.isLetter),
              compact.allSatisfy({ ($0.isASCII && $0.isLetter) || $0.isNumber }) else { return false }
        return mod97(String(compact.dropFirst(4) + compact.prefix(4))) == 1
    }

    /// ISO 7064 MOD 97-10 over letters as numbers (A = 10 … Z = 35).
    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for ch in text.unicodeScalars {
            let value: Int
            switch ch {
            case "0"..."9": value = Int(ch.value - 48)
            case "A"..."Z": value = Int(ch.value - 55)
            default: continue
            }
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97
        }
        return remainder
    }
}
