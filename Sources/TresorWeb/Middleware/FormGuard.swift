import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// How many submissions of one form a client address may make in a window, and what it is told beyond that.
struct RequestLimit: Sendable {
    /// The counter's name; forms that share one count together (the newsletter on the web and in the API).
    var bucket: String
    var count: Int
    var window: TimeInterval
    var message: @Sendable (Language) -> String
}

/// A form the shop accepts, and what stands in front of it.
struct FormRule: Sendable {
    /// Where it posts: a page shape, parameters written as `:name`.
    var page: Page
    /// The name its token is issued for; a token for one form does not open another. Nil for the one form whose
    /// authority is a token in its address (RFC 8058 one-click unsubscribe comes from mail providers, without cookies).
    var token: String?
    /// Submissions per client address and window; nil: none counted.
    var limit: RequestLimit?
    /// The largest body read.
    var bodyLimit = FormData.limit
    /// A form with a file (`multipart/form-data`): its token travels in the address, so it is checked before a
    /// byte of the upload is parsed.
    var multipart = false
    /// The neutral answer a robot gets when it fills the hidden `website` field; nil: no robot trap on this form.
    var honeypot: (@Sendable (Request, TresorRequestContext) async throws -> Response)?

    init(_ page: Page, token: String?, limit: RequestLimit? = nil, bodyLimit: Int = FormData.limit, multipart: Bool = false,
         honeypot: (@Sendable (Request, TresorRequestContext) async throws -> Response)? = nil) {
        self.page = page
        self.token = token
        self.limit = limit
        self.bodyLimit = bodyLimit
        self.multipart = multipart
        self.honeypot = honeypot
    }
}

/// The guards of an area's forms, once on the area's route group, in the order that keeps work from happening
/// before it is allowed: the size (from the header, before reading), the visitor's token (for a file upload from
/// the address, before any part is parsed), the robot trap, then the per-address limit (a database count, before
/// any password is hashed). The checked form lands in the context; a handler never reads a body itself.
struct FormGuard: RouterMiddleware {
    typealias Context = TresorRequestContext
    let rules: [String: FormRule]
    let site: SiteContext

    init(_ rules: [FormRule], site: SiteContext) {
        var byPattern: [String: FormRule] = [:]
        for rule in rules {
            // Keyed as the router names the matched route (`/karriere/{slug}`).
            for lang in Language.allCases { byPattern[RouterPath(rule.page.pattern(lang)).description] = rule }
        }
        self.rules = byPattern
        self.site = site
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        // A form this area does not declare is refused, so a new route cannot slip past its guards.
        guard let rule = rules[context.endpointPath ?? ""] else { throw PageError.formExpired }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > rule.bodyLimit {
            throw HTTPError(.contentTooLarge)
        }
        var context = context
        if rule.multipart {
            try await check(request.query("_csrf"), rule, context)
            site.uploadsParsed.count()
            context.submission = try await SubmittedForm.readMultipart(request, limit: rule.bodyLimit)
        } else {
            context.submission = SubmittedForm(fields: try await FormData.read(request, limit: rule.bodyLimit), files: [:])
            try await check(context.form["_csrf"], rule, context)
        }
        if let neutral = rule.honeypot, !context.form["website"].isEmpty { return try await neutral(request, context) }
        if let limit = rule.limit {
            guard try await site.shop.limits.allow(limit.bucket + ":" + context.client, limit: limit.count, window: limit.window,
                                                   now: site.now()) else {
                throw PageError.tooManyRequests(limit.message(request.language))
            }
        }
        return try await next(request, context)
    }

    func check(_ token: String, _ rule: FormRule, _ context: Context) async throws {
        guard let form = rule.token else { return }
        guard try await site.csrf.signer(site.shop.keys).verify(token, nonce: context.visitor.nonce, form: form, now: site.now()) else {
            throw PageError.formExpired
        }
    }
}
