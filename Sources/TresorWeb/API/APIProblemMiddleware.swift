import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns failures inside the generated API layer into problem+json: a request the generated code cannot
/// decode (an unknown enum value, a non-number page) is the client's mistake, a 400, never a 500. Every problem
/// leaves with `<`, `>` and `&` escaped, as the values it quotes may carry markup.
struct APIProblemMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        do {
            var (response, answer) = try await next(request, body, metadata)
            guard response.headerFields[.contentType]?.hasPrefix("application/problem+json") == true, let problem = answer else {
                return (response, answer)
            }
            // Problems are small: the details of one request.
            let escaped = Problem.markupEscaped(Array(try await Data(collecting: problem, upTo: 1 << 20)))
            response.headerFields[.contentLength] = String(escaped.count)
            return (response, HTTPBody(escaped))
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
