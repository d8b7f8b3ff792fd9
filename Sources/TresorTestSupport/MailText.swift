import Foundation

/// Reads a rendered Tresor message the way a mail client would, for tests.
public enum MailText {
    /// The decoded text part (the first part of the `multipart/alternative` body, base64).
    public static func plain(_ raw: String) -> String? {
        guard let part = raw.components(separatedBy: "--=_tresor_").dropFirst().first?.components(separatedBy: "\r\n\r\n")
            .dropFirst().first, let data = Data(base64Encoded: part.replacingOccurrences(of: "\r\n", with: "")) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The decoded HTML part (the second part of the `multipart/alternative` body, base64).
    public static func html(_ raw: String) -> String? {
        guard let part = raw.components(separatedBy: "--=_tresor_").dropFirst(2).first?.components(separatedBy: "\r\n\r\n")
            .dropFirst().first, let data = Data(base64Encoded: part.replacingOccurrences(of: "\r\n", with: "")) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
