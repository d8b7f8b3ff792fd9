import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import TresorCore
import TresorServices

/// Who is asking: their session (if they have one), the account behind it, and the nonce that binds their
/// form tokens. Loaded only by the routes that need it, so reading the shop costs no database access.
struct Visitor: Sendable {
    @Boxed var session: StoredSession?
    @Boxed var customer: Customer?
    /// From the `tresor_csrf` cookie; nil until the first form is shown.
    var nonce: String?
    /// Cookies to set on the response (a fresh nonce, a new session).
    var cookies: [SetCookie] = []

    static let sessionCookie = "tresor_session"
    static let nonceCookie = "tresor_csrf"
}

/// Form tokens against cross-site requests: an HMAC over the visitor's cookie nonce, the form's name and
/// the time it was issued. A forged form lacks the nonce; an old one is refused after `lifetime`.
struct CSRF: @unchecked Sendable {  // safe: HMAC is a value with copy-on-write hash state; copies are per use
    static let lifetime: TimeInterval = 4 * 3600
    /// Stands in the cached product page until the request's own token replaces it.
    static let placeholder = "csrf-placeholder-7f3a9c"
    static let placeholderBytes = Array(placeholder.utf8)
    /// The form name of the forms on pages shared by all visitors (add to cart, newsletter sign-up).
    static let pageForm = "page"

    /// HMAC with the key already mixed in: preparing it per request cost more than the MAC itself. It is
    /// not marked Sendable, but swift-crypto copies a shared hash context before updating it, and `mac`
    /// updates a copy, so one prepared authenticator serves every thread.
    private let authenticator: HMAC<SHA256>

    init(key: [UInt8]) { authenticator = HMAC(key: SymmetricKey(data: key)) }

    func token(nonce: String, form: String, now: Date) -> String {
        let time = String(Int(now.timeIntervalSince1970))
        return time + "." + mac(nonce: nonce, form: form, time: time)
    }

    func verify(_ token: String, nonce: String?, form: String, now: Date) -> Bool {
        guard let nonce, !nonce.isEmpty else { return false }
        let parts = token.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let issued = Int(parts[0]) else { return false }
        let age = now.timeIntervalSince1970 - TimeInterval(issued)
        guard age >= -60, age <= Self.lifetime else { return false }
        let expected = Array(mac(nonce: nonce, form: form, time: parts[0]).utf8)
        let given = Array(parts[1].utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func mac(nonce: String, form: String, time: String) -> String {
        var hmac = authenticator
        hmac.update(data: Array("\(nonce)|\(form)|\(time)".utf8))
        return hmac.finalize().withUnsafeBytes { Hex.encode($0) }
    }
}

/// The form-token signer, prepared once from the stored key.
final class CSRFSigner: Sendable {
    private let prepared = Mutex<CSRF?>(nil)

    func signer(_ keys: ServerKeys) async throws -> CSRF {
        if let csrf = prepared.withLock({ $0 }) { return csrf }
        let csrf = CSRF(key: try await keys.key("csrf"))
        prepared.withLock { $0 = csrf }
        return csrf
    }
}

extension SiteContext {
    /// A token for `form`, giving the visitor a nonce cookie first if they have none.
    func formToken(_ visitor: inout Visitor, form: String) async throws -> String {
        if visitor.nonce == nil {
            let nonce = CustomerAccounts.randomToken()
            visitor.nonce = nonce
            visitor.cookies.append(cookie(Visitor.nonceCookie, nonce, maxAge: nil))
        }
        return try await csrf.signer(shop.keys).token(nonce: visitor.nonce ?? "", form: form, now: now())
    }

    /// The visitor's session, started now if they have none (the first cart action or login writes it).
    func ensureSession(_ visitor: inout Visitor) async throws -> StoredSession {
        if let session = visitor.session { return session }
        let (cookie, session) = try await sessions.start(customerID: nil, now: now())
        visitor.session = session
        visitor.cookies.append(self.cookie(Visitor.sessionCookie, cookie, maxAge: Int(Sessions.lifetime)))
        return session
    }

    /// `HttpOnly`, `SameSite=Lax`, `Secure` when the shop is served over HTTPS.
    func cookie(_ name: String, _ value: String, maxAge: Int?) -> SetCookie {
        SetCookie(name, value, maxAge: maxAge, secure: secureCookies, sameSite: "Lax")
    }

    /// A 303 to `location`, carrying the visitor's new cookies.
    func redirect(_ location: String, _ visitor: Visitor) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in visitor.cookies { response.setCookie(cookie) }
        return response
    }

    /// A page with the visitor's new cookies; never cached by the browser or a proxy. The shared forms
    /// (newsletter in the footer) get the visitor's token.
    func page(_ html: String, _ visitor: Visitor, status: HTTPResponse.Status = .ok) async throws -> Response {
        var visitor = visitor
        let token = try await formToken(&visitor, form: CSRF.pageForm)
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: TokenSlots(html).filled(with: token)))
        for cookie in visitor.cookies { response.setCookie(cookie) }
        return response
    }

    /// A page for anyone (no session read): the shared forms get the visitor's token from the nonce cookie.
    func html(_ request: Request, _ html: String, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await page(html, Visitor(nonce: request.cookie(Visitor.nonceCookie)), status: status)
    }
}

/// A submitted `application/x-www-form-urlencoded` body: the first value per name, and all values in order.
struct FormData: Sendable {
    var fields: [(name: String, value: String)]

    static let limit = 64 * 1024

    /// Reads at most `limit` bytes; a larger body is refused with 413.
    static func read(_ request: Request, limit: Int = Self.limit) async throws -> FormData {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { throw HTTPError(.contentTooLarge) }
        let body = String(buffer: buffer)
        if let wrong = Request.undecodable(body) { throw PageError.badParameter(wrong) }
        return FormData(fields: Request.decodeForm(body))
    }

    subscript(_ name: String) -> String { fields.first { $0.name == name }?.value ?? "" }
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }
}

/// A `Set-Cookie` value, written directly in the order Hummingbird's `Cookie` writes it (that type builds a property
/// table per cookie, which showed in a first visit's profile). Path `/` and `HttpOnly` always.
struct SetCookie: Sendable, Equatable {
    let header: String

    init(_ name: String, _ value: String, maxAge: Int?, secure: Bool, sameSite: String) {
        var header = name + "=" + value
        if let maxAge { header += "; Max-Age=" + String(maxAge) }
        header += "; Path=/"
        if secure { header += "; Secure" }
        header += "; HttpOnly; SameSite=" + sameSite
        self.header = header
    }
}

extension Response {
    mutating func setCookie(_ cookie: SetCookie) {
        headers.append(HTTPField(name: .setCookie, value: cookie.header))
    }
}
