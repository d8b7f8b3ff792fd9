import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns failures inside the generated API layer into problem+json: a request the generated code cannot
/// decode (an unknown enum value, a non-number page) is the client's mistake, a 400, never a 500.
struct APIProblemMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch let error as ServerError where error.underlyingError is DecodingError || error.causeDescription.contains("decod")
            || error.causeDescription.contains("Unexpected") || error.causeDescription.contains("Missing") {
            // Handlers return their own problems; what fails in the generated code failed reading the request.
            let problem = Problem(status: .badRequest, title: "Invalid request",
                                  detail: "A parameter could not be read: \(error.causeDescription)")
            var response = HTTPResponse(status: .badRequest)
            response.headerFields[.contentType] = "application/problem+json"
            return (response, HTTPBody(problem.json))
        }
    }
}
