import Foundation

/// Names compared the way sanctions screening needs: Cyrillic written in Latin letters, umlauts and diacritics
/// folded (`LinkKeys.normalised`), the words in alphabetical order (so "Ivanov Sergei" is "Sergei Ivanov"), and a
/// Jaro-Winkler similarity between 0 and 1.
public enum NameMatching {
    /// `ivanov sergei` from "Сергей Иванов", "IVANOV, Sergei" or "Sergei Ivanov".
    public static func key(_ name: String) -> String {
        LinkKeys.normalised(transliterated(name)).split(separator: " ").sorted().joined(separator: " ")
    }

    /// Russian, Ukrainian and Belarusian Cyrillic in a common Latin spelling (close to the passport transliteration).
    public static func transliterated(_ text: String) -> String {
        var result = ""
        for character in text {
            let lower = Character(character.lowercased())
            if let latin = cyrillic[lower] {
                result += character.isUppercase && !latin.isEmpty ? latin.prefix(1).uppercased() + latin.dropFirst() : latin
            } else {
                result.append(character)
            }
        }
        return result
    }

    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie",
        "ґ": "g", "ў": "u",
    ]

    /// Jaro-Winkler similarity of two strings (1: equal, 0: nothing in common), with the usual prefix scale 0.1 over
    /// at most four characters.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty && t.isEmpty { return 1 }
        if s.isEmpty || t.isEmpty { return 0 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = [Bool](repeating: false, count: s.count), tMatched = [Bool](repeating: false, count: t.count)
        var matches = 0
        for i in s.indices {
            let low = max(0, i - window), high = min(t.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !tMatched[j] && s[i] == t[j] {
                sMatched[i] = true
                tMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0, k = 0
        for i in s.indices where sMatched[i] {
            while !tMatched[k] { k += 1 }
            if s[i] != t[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, s.count, t.count), s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
