import Foundation
import Logging
import Prometheus
import TresorCore
import TresorServices

/// Everything the web layer needs, passed in so tests can build an app around their own shop and clock.
public struct WebDependencies: Sendable {
    public var config: AppConfig
    /// The shop's services: every page, API operation and command goes through these.
    public var shop: Shop
    public var now: @Sendable () -> Date
    public var logger: Logger
    public var metrics: PrometheusCollectorRegistry
    /// Whether prices come from the demo feed (labelled "Demo-Kurse").
    public var demoPrices: Bool
    /// How many uploads the forms parsed (only ever after their token was checked); tests read it.
    public let uploadsParsed = WorkCounter()

    public init(config: AppConfig, shop: Shop, now: @escaping @Sendable () -> Date, logger: Logger,
                metrics: PrometheusCollectorRegistry, demoPrices: Bool) {
        self.config = config
        self.shop = shop
        self.now = now
        self.logger = logger
        self.metrics = metrics
        self.demoPrices = demoPrices
    }
}
