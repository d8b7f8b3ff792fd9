import HTTPTypes
import Hummingbird

/// The same on every response, so built once (a generic type cannot hold it) and appended in one go:
/// setting them one by one searched the response's fields each time.
private let strictHeaders: HTTPFields = [
    .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    .xContentTypeOptions: "nosniff",
    .xFrameOptions: "DENY",
    .referrerPolicy: "strict-origin-when-cross-origin",
    .permissionsPolicy: "camera=(), microphone=(), geolocation=()",
]

/// Over HTTPS, browsers are told to come back over HTTPS only, for a year, subdomains included.
private let strictHeadersWithHSTS: HTTPFields = strictHeaders + [.strictTransportSecurity: "max-age=31536000; includeSubDomains"]

/// Strict headers on every response: no inline script, no framing, no sniffing, a request id to quote, and HSTS
/// when the shop's base URL is HTTPS. No route sets these itself, so they are appended, not replaced.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The shop is served over HTTPS (its base URL says so).
    var https = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: https ? strictHeadersWithHSTS : strictHeaders)
        response.headers.append(HTTPField(name: .requestID, value: context.id))
        return response
    }
}

extension HTTPField.Name {
    // safe: the force-unwraps below build names from valid literal tokens.
    static let xFrameOptions = Self("X-Frame-Options")!  // safe: valid token
    static let strictTransportSecurity = Self("Strict-Transport-Security")!  // safe: valid token
    static let referrerPolicy = Self("Referrer-Policy")!  // safe: valid token
    static let permissionsPolicy = Self("Permissions-Policy")!  // safe: valid token
    static let requestID = Self("X-Request-Id")!  // safe: valid token
    /// Tells nginx not to buffer server-sent events.
    static let accelBuffering = Self("X-Accel-Buffering")!  // safe: valid token
}
