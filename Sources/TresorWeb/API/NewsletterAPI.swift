import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TresorCore
import TresorServices

/// Carries the client's address to the API handlers (the generated handlers see no connection).
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = TresorRequestContext
    /// The proxies (nginx) whose `X-Forwarded-For` is believed; anyone else could write anything there.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = Self.client(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .xForwardedFor],
                                  trusted: trustedProxies)
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
    static let xForwardedFor = Self("X-Forwarded-For")!
}

extension APIHandler {
    static let signUpsPerWindow = 5
    static let signUpWindow: TimeInterval = 600

    func subscribeNewsletter(_ input: Operations.SubscribeNewsletter.Input) async throws -> Operations.SubscribeNewsletter.Output {
        guard case .json(let body) = input.body else {
            return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid request", "JSON body expected"))))
        }
        let ip = APIAuth.clientAddress
        let now = site.now()
        let allowed = try await site.shop.limits.allow("newsletter:" + ip, limit: Self.signUpsPerWindow, window: Self.signUpWindow,
                                                       now: now)
        guard allowed else {
            return .tooManyRequests(.init(body: .applicationProblemJson(Self.problem(429, "Too many requests",
                "At most \(Self.signUpsPerWindow) sign-ups per \(Int(Self.signUpWindow / 60)) minutes from one address."))))
        }
        do {
            try await site.newsletter.signUp(email: body.email, consentVersion: body.consentVersion, source: body.source, ip: ip,
                                             userAgent: APIAuth.userAgent, language: APIAuth.language, now: now)
        } catch NewsletterProblem.invalidEmail {
            return .unprocessableContent(.init(body: .applicationProblemJson(Self.problem(422, "Invalid email", "email is not an address"))))
        } catch NewsletterProblem.staleConsent(let current) {
            return .conflict(.init(body: .applicationProblemJson(Self.problem(409, "Consent text changed",
                "consentVersion \(body.consentVersion) is not the current version \(current); show the current text"))))
        }
        return .accepted(.init(body: .json(.init(status: .accepted))))
    }
}
