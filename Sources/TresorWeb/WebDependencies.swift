import Foundation
import Logging
import Prometheus
import TresorCore
import TresorServices
import TresorStore

/// Everything the web layer needs, passed in so tests can build an app around their own database and clock.
public struct WebDependencies: Sendable {
    public var config: AppConfig
    public var database: Database
    public var board: PriceBoard
    public var now: @Sendable () -> Date
    public var logger: Logger
    public var metrics: PrometheusCollectorRegistry
    /// Whether prices come from the demo feed (labelled "Demo-Kurse").
    public var demoPrices: Bool

    public init(config: AppConfig, database: Database, board: PriceBoard, now: @escaping @Sendable () -> Date,
                logger: Logger, metrics: PrometheusCollectorRegistry, demoPrices: Bool) {
        self.config = config
        self.database = database
        self.board = board
        self.now = now
        self.logger = logger
        self.metrics = metrics
        self.demoPrices = demoPrices
    }
}
