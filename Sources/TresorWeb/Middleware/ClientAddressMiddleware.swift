import HTTPTypes
import Hummingbird
import NIOCore

/// Who is asking, by network address: set on the context for pages, and for the API's generated handlers (which
/// see no context) in `APIAuth.clientAddress`.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = TresorRequestContext
    /// The proxies (nginx) whose `X-Forwarded-For` is believed; anyone else could write anything there.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
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
