import Foundation
import HTTPTypes
import Hummingbird

/// Answers a method the API does not have on an address it has (`TRACE /api/v1/spot`) with 405 and the methods it
/// does have, as RFC 9110 asks, instead of "not found". The methods are read from the served `openapi.yaml`, so the
/// contract and the answer cannot drift apart.
struct APIMethodGuard: RouterMiddleware {
    typealias Context = TresorRequestContext

    /// Each path of the spec as its segments (`{…}` matching any one segment), and its methods.
    let paths: [(segments: [String], methods: Set<HTTPRequest.Method>)]

    init(spec: String, base: String = "/api/v1") {
        var paths: [(segments: [String], methods: Set<HTTPRequest.Method>)] = []
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                let path = base + line.dropFirst(2).dropLast()
                paths.append((path.split(separator: "/").map(String.init), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), !paths.isEmpty,
                      let method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased()),
                      ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method.rawValue) {
                paths[paths.count - 1].methods.insert(method)
            } else if !line.hasPrefix(" "), !line.isEmpty, line != "paths:", !paths.isEmpty {
                break  // the paths section has ended
            }
        }
        self.paths = paths
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        let segments = request.uri.path.split(separator: "/").map(String.init)
        guard let known = paths.first(where: { Self.matches($0.segments, segments) }) else { return try await next(request, context) }
        let allowed = known.methods.union(known.methods.contains(.get) ? [.head] : [])
        guard !allowed.contains(request.method) else { return try await next(request, context) }
        var response = Problem(status: .methodNotAllowed, title: "Method not allowed",
                               detail: "\(request.method.rawValue) is not an operation of \(request.uri.path).").response()
        response.headers[.allow] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
        return response
    }

    static func matches(_ template: [String], _ path: [String]) -> Bool {
        template.count == path.count && zip(template, path).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}
