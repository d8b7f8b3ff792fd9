/// What a staff password must be: at least 12 characters, at most bcrypt's 72 bytes, not one of the passwords
/// that guessing lists try first (compared without case and without the digits and signs people add at the end),
/// not one character repeated or a run on the keyboard, and not the member's own e-mail or name.
public enum StaffPasswordRule {
    public static let minimumLength = 12

    public enum Problem: Error, Equatable, Sendable {
        case tooShort
        case tooLong
        case common
        case personal
    }

    public static func check(_ password: String, email: String, name: String) throws(Problem) {
        guard password.count >= minimumLength else { throw .tooShort }
        guard password.utf8.count <= 72 else { throw .tooLong }
        let lowered = password.lowercased()
        var stem = lowered
        while let last = stem.last, !last.isLetter { stem.removeLast() }
        if common.contains(lowered) || common.contains(stem) || stem.count < 4 { throw .common }
        if Set(lowered).count <= 2 { throw .common }
        if runs.contains(where: { lowered.contains($0) && Double($0.count) >= Double(lowered.count) * 0.6 }) { throw .common }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        let nameParts = name.lowercased().split(separator: " ").map(String.init).filter { $0.count >= 4 }
        if (local.count >= 4 && stem.contains(local)) || nameParts.contains(where: { stem == $0 || stem.hasPrefix($0) && stem.count - $0.count < 4 }) {
            throw .personal
        }
    }

    /// Keyboard and alphabet runs that make up most of a guessable password.
    static let runs = ["1234567890", "0987654321", "qwertzuiop", "qwertyuiop", "asdfghjkl", "yxcvbnm", "zxcvbnm",
                       "abcdefghijklmnopqrstuvwxyz", "01234567890"]

    /// Stems of the most common passwords (the top of public breach lists, German and English), lower case, without
    /// trailing digits: `passwort2024!` counts as `passwort`.
    static let common: Set<String> = [
        "password", "passwort", "passw", "kennwort", "geheim", "sicherheit", "sicher", "admin", "administrator", "root",
        "qwerty", "qwertz", "azerty", "asdf", "asdfgh", "asdfghjkl", "yxcvbnm", "zxcvbn", "iloveyou", "ichliebedich",
        "letmein", "welcome", "willkommen", "hallo", "hello", "hallihallo", "monkey", "dragon", "master", "login", "abc",
        "abcdef", "abcdefg", "abcdefgh", "football", "fussball", "baseball", "sunshine", "princess", "shadow", "superman",
        "batman", "trustno", "starwars", "whatever", "freedom", "michael", "thomas", "andreas", "stefan", "daniel",
        "schalke", "bayern", "borussia", "dortmund", "werder", "schatz", "schatzi", "mausi", "hase", "sommer", "winter",
        "frühling", "herbst", "berlin", "hamburg", "muenchen", "münchen", "deutschland", "germany", "changeme",
        "changeit", "default", "tresor", "gold", "silber", "silver", "goldbarren", "edelmetall", "edelmetalle",
        "krugerrand", "maple", "mapleleaf", "philharmoniker", "firma", "company", "office", "buero", "büro", "test",
        "testtest", "testing", "secret", "secure", "security", "passwordpassword", "passwortpasswort", "qwertyqwerty",
        "correcthorsebatterystaple", "letmeinplease", "pleaseletmein", "jesus", "computer", "internet", "google",
        "samsung", "apple", "microsoft", "windows", "linux", "ubuntu", "soccer", "killer", "hunter", "ranger", "jordan",
        "harley", "charlie", "summer", "flower", "lovely", "loveyou", "liebe", "schnucki", "engel", "teufel",
    ]
}
