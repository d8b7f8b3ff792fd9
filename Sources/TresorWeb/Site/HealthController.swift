import Foundation
import Hummingbird
import NIOCore
import Prometheus
import TresorCore

/// Liveness, readiness (database reachable, feed fresh) and Prometheus metrics. The metrics show order and login
/// counts, so on the shop's port they answer only to the configured bearer token (`TRESOR_METRICS_TOKEN`), and
/// not at all without one; a separate listener (`TRESOR_METRICS_PORT`) serves them for a scraper on a private network.
struct HealthController: Sendable {
    let site: SiteContext
    let metrics: PrometheusCollectorRegistry
    let token: String

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get("/healthz") { _, _ in Self.text("ok\n") }
        group.get("/readyz") { _, _ in try await self.ready() }
        if !token.isEmpty {
            group.get("/metrics") { request, _ in
                guard Self.bearer(request.headers[.authorization], matches: token) else {
                    return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer", .cacheControl: "no-store"])
                }
                return self.exposition()
            }
        }
    }

    /// `Bearer <token>`, compared in constant time.
    static func bearer(_ header: String?, matches token: String) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.dropFirst(7).utf8), expected = Array(token.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func ready() async throws -> Response {
        var problems: [String] = []
        if await !site.shop.databaseReachable() { problems.append("database unreachable") }
        let now = site.now()
        let stale = Metal.allCases.filter { !site.board.snapshot.isFresh($0, now: now) }
        if !stale.isEmpty { problems.append("feed stale: " + stale.map(\.code).joined(separator: ",")) }
        return problems.isEmpty ? Self.text("ready\n") : Self.text(problems.joined(separator: "\n") + "\n", status: .serviceUnavailable)
    }

    static var feedAge: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "tresor", subsystem: "feed", metricName: "age", unitName: "seconds",
                             helpText: "Seconds since the newest accepted tick per metal; -1 without one.")
    }
    static var products: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "tresor", metricName: "catalogue", unitName: "products", helpText: "Products in the priced catalogue.")
    }

    func exposition() -> Response {
        let now = site.now()
        let snapshot = site.board.snapshot
        for metal in Metal.allCases {
            let age = snapshot.ticks[metal].map { now.timeIntervalSince($0.at) } ?? -1
            metrics.makeGauge(descriptor: Self.feedAge, labels: [("metal", metal.code)]).set(age)
        }
        metrics.makeGauge(descriptor: Self.products).set(Double(snapshot.products.count))
        var buffer: [UInt8] = []
        metrics.emit(into: &buffer)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
