import Foundation

/// Where the data lives, parsed from `TRESOR_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// `postgres://user:pass@host:port/db`, `sqlite:///abs/path.db`, `sqlite:relative.db` or a plain file path.
    public init(_ text: String) throws(Invalid) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), url.host != nil, url.path.count > 1 else {
                throw Invalid(description: "expected postgres://user:password@host:port/database")
            }
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(description: "expected sqlite:///path/to/file.db") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else if text.contains("://") {
            throw Invalid(description: "unsupported scheme; use postgres:// or a SQLite file path")
        } else {
            guard !text.isEmpty else { throw Invalid(description: "empty") }
            self = .sqlite(path: text)
        }
    }
}
