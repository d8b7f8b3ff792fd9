import HTTPTypes
import Hummingbird
import NIOCore
import TresorCore
import TresorServices

/// The request context of every Tresor route: who is asking, set by middleware before any handler runs.
public struct TresorRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection (nginx, when the shop runs behind it).
    public var remoteAddress: SocketAddress?
    /// The client's address: the peer, or what a trusted proxy says (`WhoIsAsking`).
    var client = "unknown"
    /// The visitor: their form-token nonce always (`WhoIsAsking`), their session and account on the routes
    /// of the areas that use them (`SessionMiddleware`).
    var visitor = Visitor()
    /// The signed-in staff member on back-office routes (`StaffGate`); nil everywhere else.
    @Boxed var staff: StaffSession?
    /// A submitted form, read and checked by its area's `FormGuard` (token, size, limit, robot trap) before the
    /// handler runs; nil on other requests. Optional so that the context, copied by every middleware layer of
    /// every request, stays small when nothing was posted.
    var submission: SubmittedForm?
    /// The submitted form's fields; empty when nothing was posted.
    var form: FormData { submission?.fields ?? FormData(fields: []) }
    /// The files of a multipart form, by field name.
    var files: [String: SubmittedForm.File] { submission?.files ?? [:] }

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Who this visitor is to the services: their account if they are logged in, else their address.
    var actor: Actor {
        guard let customer = visitor.customer else { return .visitor(address: client) }
        return .customer(id: customer.id, address: client)
    }
}

extension Request {
    /// German unless the path is under `/en`.
    var language: Language {
        let path = uri.path
        return path == "/en" || path.hasPrefix("/en/") ? .en : .de
    }

    /// The value of the cookie `name` (see `HTTPFields.cookie`).
    func cookie(_ name: String) -> String? { headers.cookie(name) }

    /// Query parameters as an HTML form sends them: `+` is a space, then percent-decoding; order kept.
    var formQuery: [(name: String, value: String)] {
        guard let query = uri.query, !query.isEmpty else { return [] }
        return Self.decodeForm(query)
    }

    /// One query parameter, or "".
    func query(_ name: String) -> String { formQuery.first { $0.name == name }?.value ?? "" }

    /// The first parameter of a query string or form body that is not UTF-8 percent-encoding (`%FF`, a lone `%`),
    /// raw: such input is refused with 400 before any handler reads it.
    static func undecodable(_ query: String) -> InvalidParameter? {
        guard query.contains("%") else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.contains(where: { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding == nil }) {
                return InvalidParameter(name: String(parts[0].prefix(40)), value: String((parts.count > 1 ? parts[1] : "").prefix(40)))
            }
        }
        return nil
    }

    /// `a=1&b=x+y` as an HTML form encodes it (query strings and form bodies alike).
    static func decodeForm(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), !name.isEmpty else { return nil }
            // Not valid percent-encoding: refused before this is called (`undecodable`, for queries and form bodies).
            let value = parts.count > 1 ? (decode(parts[1]) ?? String(parts[1])) : ""
            return (name, value)
        }
    }
}

extension HTTPFields {
    /// The value of the cookie `name`, found in the Cookie headers' bytes. Hummingbird's `cookies` lists
    /// every cookie and parses the one asked for with its attributes: 4 % of a cached page, for the nonce.
    func cookie(_ name: String) -> String? {
        let wanted = Array(name.utf8)
        for header in self[values: .cookie] {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                let trimmed = pair.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                guard trimmed.starts(with: wanted), trimmed.dropFirst(wanted.count).first == UInt8(ascii: "=") else { continue }
                return String(Substring(trimmed.dropFirst(wanted.count + 1)))
            }
        }
        return nil
    }
}
