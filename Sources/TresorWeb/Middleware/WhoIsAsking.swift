import HTTPTypes
import Hummingbird
import NIOCore

/// Who is asking, on every request and without touching the database: the client's network address (on the context
/// for pages, and in `APIAuth.clientAddress` for the API's generated handlers, which see no context) and the
/// visitor's form-token nonce from its cookie. One middleware for both: every layer costs each request a copy
/// of the context.
struct WhoIsAsking: RouterMiddleware {
    typealias Context = TresorRequestContext
    /// The proxies (nginx) whose `X-Forwarded-For` is believed; anyone else could write anything there.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Checked here, once for every route, because this layer is paid for anyway: a query string that is not
        // UTF-8 is refused before any page or the API reads a parameter from it.
        if let query = request.uri.query, let wrong = Request.undecodable(query) { throw PageError.badParameter(wrong) }
        var context = context
        context.visitor = Visitor(nonce: request.cookie(Visitor.nonceCookie))
        context.client = Self.client(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .xForwardedFor],
                                     trusted: trustedProxies)
        let address = context.client
        return try await APIAuth.$clientAddress.withValue(address) { try await next(request, context) }
    }

    /// The peer, unless it is a trusted proxy: then the right-most address of `X-Forwarded-For` that is not one
    /// (each proxy appends the address it was reached from, so the addresses to the left are the client's claims).
    static func client(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return chain.reversed().first { !trusted.contains($0) && !$0.isEmpty } ?? peer
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!  // safe: valid token
}
