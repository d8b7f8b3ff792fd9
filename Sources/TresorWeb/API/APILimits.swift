import Foundation
import HTTPTypes
import OpenAPIRuntime
import TresorServices

/// The API's per-address limits, before an operation's handler runs (the web forms have theirs in `FormGuard`):
/// a refused request is answered 429 with problem+json and costs one counter row, nothing more.
struct APILimits: ServerMiddleware {
    let limits: [String: RequestLimit]
    let shop: Shop
    let now: @Sendable () -> Date

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        guard let limit = limits[operationID] else { return try await next(request, body, metadata) }
        guard try await shop.limits.allow(limit.bucket + ":" + APIAuth.clientAddress, limit: limit.count, window: limit.window,
                                          now: now()) else {
            let problem = Problem(status: .tooManyRequests, title: "Too many requests",
                                  detail: "At most \(limit.count) requests per \(Int(limit.window / 60)) minutes from one address.")
            var response = HTTPResponse(status: .tooManyRequests)
            response.headerFields[.contentType] = "application/problem+json"
            return (response, HTTPBody(problem.json))
        }
        return try await next(request, body, metadata)
    }
}
