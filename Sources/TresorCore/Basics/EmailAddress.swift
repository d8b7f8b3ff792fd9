/// The shape of an e-mail address a shop can accept: an RFC 5322 addr-spec in its dot-atom form. The local part
/// is ASCII letters, digits and `!#$%&'*+-/=?^_`{|}~` in dot-separated atoms (no quotes, angle brackets, commas,
/// spaces or control characters, so the address can stand in a header or a page as it is); exactly one `@`; a
/// domain of at least two labels of letters, digits and inner hyphens. At most 64 characters before the `@` and
/// 254 in all. Whether the address exists only a mail to it can tell.
public enum EmailAddress {
    public static func isValid(_ email: String) -> Bool {
        let scalars = Array(email.unicodeScalars)
        guard scalars.count <= 254, let at = scalars.firstIndex(of: "@"), scalars.lastIndex(of: "@") == at else { return false }
        let local = scalars[..<at], domain = scalars[(at + 1)...]
        guard (1...64).contains(local.count), isDotAtom(local) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            guard (1...63).contains(label.count), label.first != "-", label.last != "-" else { return false }
            // Internationalised domains are welcome in their Unicode form; their letters, not their symbols.
            return label.allSatisfy { $0 == "-" || ($0.isASCII ? isAlphanumeric($0) : $0.properties.isAlphabetic) }
        }
    }

    public static let atomSymbols = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    static func isDotAtom(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy { isAlphanumeric($0) || atomSymbols.contains($0) } }
    }

    public static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
