import Foundation

/// A text file with `key: value` lines between two `---` lines at the top, then a Markdown body: how
/// articles and job postings are written before the back office edits them.
public enum FrontMatter {
    /// The fields (keys lower-cased) and the trimmed body.
    public static func split(_ text: String) throws(InvalidParameter) -> (fields: [String: String], body: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw InvalidParameter(name: "front matter", value: String(lines.first ?? ""))
        }
        var fields: [String: String] = [:]
        for line in lines[1..<end] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw InvalidParameter(name: "front matter", value: String(line)) }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (fields, lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
