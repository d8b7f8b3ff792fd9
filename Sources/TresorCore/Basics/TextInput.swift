/// What a shop accepts as text a person typed: a length counted both in characters (grapheme clusters, what a
/// reader sees) and in bytes (what is stored and mailed: `a` with 20,000 combining marks is one character of
/// 40,001 bytes), and no character that is not text: control characters (NUL, ESC …) and the bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name read differently from what it is.
/// What the public sends (orders, accounts, call-backs, applications, sell offers) carries no markup either: a name,
/// street or city has no `<` or `>`, a message no tag (`<` before a letter, `/`, `!` or `?`; "unter < 5 Unzen" is
/// still a message). Everything is escaped where it is shown anyway; refusing it keeps a script out of the
/// records, the back office, the mails and whatever else reads them later. Staff notes may quote what they saw.
public enum TextInput {
    /// At most four bytes of UTF-8 per character allowed: every letter of every script fits, stacks of marks do not.
    public static let bytesPerCharacter = 4

    /// One line: a name, a street, a city.
    public static func isLine(_ text: String, maxCharacters: Int) -> Bool {
        fits(text, maxCharacters) && text.unicodeScalars.allSatisfy { !isForbidden($0) && !isLineBreak($0) }
    }

    /// Several lines: a message. Line breaks and tabs are text here.
    public static func isText(_ text: String, maxCharacters: Int) -> Bool {
        fits(text, maxCharacters) && text.unicodeScalars.allSatisfy { !isForbidden($0) || $0 == "\n" || $0 == "\r" || $0 == "\t" }
    }

    /// One line from the public: a name, a street, a city; no `<` or `>`.
    public static func isPlainLine(_ text: String, maxCharacters: Int) -> Bool {
        isLine(text, maxCharacters: maxCharacters) && !text.unicodeScalars.contains { $0 == "<" || $0 == ">" }
    }

    /// Several lines from the public: a message; no tag.
    public static func isPlainText(_ text: String, maxCharacters: Int) -> Bool {
        isText(text, maxCharacters: maxCharacters) && !carriesTag(text)
    }

    /// `<` directly before a letter, `/`, `!` or `?`: how every HTML tag, comment and processing instruction begins.
    public static func carriesTag(_ text: String) -> Bool {
        var afterOpening = false
        for scalar in text.unicodeScalars {
            if afterOpening, scalar.properties.isAlphabetic || scalar == "/" || scalar == "!" || scalar == "?" { return true }
            afterOpening = scalar == "<"
        }
        return false
    }

    static func fits(_ text: String, _ maxCharacters: Int) -> Bool {
        text.utf8.count <= maxCharacters * bytesPerCharacter && text.count <= maxCharacters
    }

    /// Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0085}"
    }
}
