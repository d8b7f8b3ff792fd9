import HTTPTypes
import Hummingbird

/// Built once (a generic type cannot hold it), not concatenated per response.
private let strictContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

/// Strict headers on every response: no inline script, no framing, no sniffing, a request id to quote.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String { strictContentSecurityPolicy }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        response.headers[.requestID] = context.id
        return response
    }
}

extension HTTPField.Name {
    // safe: the force-unwraps below build names from valid literal tokens.
    static let xFrameOptions = Self("X-Frame-Options")!  // safe: valid token
    static let referrerPolicy = Self("Referrer-Policy")!  // safe: valid token
    static let permissionsPolicy = Self("Permissions-Policy")!  // safe: valid token
    static let requestID = Self("X-Request-Id")!  // safe: valid token
    /// Tells nginx not to buffer server-sent events.
    static let accelBuffering = Self("X-Accel-Buffering")!  // safe: valid token
}
