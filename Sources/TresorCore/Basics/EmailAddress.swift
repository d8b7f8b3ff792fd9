/// The shape of an e-mail address a shop can accept: one `@`, something before it, a dot after it, no
/// spaces, at most 254 characters. Whether it exists only a mail to it can tell.
public enum EmailAddress {
    public static func isValid(_ email: String) -> Bool {
        guard email.count <= 254, let at = email.firstIndex(of: "@"), at != email.startIndex else { return false }
        return email[email.index(after: at)...].contains(".") && !email.contains(where: \.isWhitespace)
            && email.filter({ $0 == "@" }).count == 1
    }
}
