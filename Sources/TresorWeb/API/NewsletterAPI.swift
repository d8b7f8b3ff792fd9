import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TresorCore
import TresorServices

extension APIHandler {
    func subscribeNewsletter(_ input: Operations.SubscribeNewsletter.Input) async throws -> Operations.SubscribeNewsletter.Output {
        guard case .json(let body) = input.body else {
            return .badRequest(.init(body: .applicationProblemJson(Self.problem(400, "Invalid request", "JSON body expected"))))
        }
        let ip = APIAuth.clientAddress
        let now = site.now()
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
