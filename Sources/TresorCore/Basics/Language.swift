/// The shop's languages: German by default, English under `/en/`.
public enum Language: String, Sendable, CaseIterable, Hashable, Codable {
    case de
    case en

    /// Path prefix for links: "" for German, "/en" for English.
    public var pathPrefix: String { self == .de ? "" : "/en" }
}
