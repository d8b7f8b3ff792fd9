import Foundation

/// How far a dealer without the One-Stop-Shop stands from the distance-sales threshold (§3c Abs. 4 UStG): German VAT
/// may be charged on parcels to consumers in other member states only while these sales stayed at or under €10,000
/// in the previous calendar year and stay there in the current one. Beyond, the destination's VAT is owed from the
/// sale that crosses it: the dealer registers for the One-Stop-Shop (`TRESOR_VAT_OSS`).
///
/// Counted are the net amounts of standard-rated goods with their share of shipping, invoices less cancellation
/// invoices, by the day they were issued. Investment gold is exempt in every member state; margin-scheme goods are no
/// distance sales (§25a Abs. 7 Nr. 3 UStG).
public struct DistanceSalesStanding: Sendable, Hashable {
    public static let threshold = Money(cents: 1_000_000)
    /// From this share of the threshold on, staff are warned.
    public static let warnFrom = Money(cents: 800_000)

    public enum Level: Sendable, Hashable {
        case clear
        case nearing
        case exceeded
    }

    public var year: Int
    public var thisYear: Money
    public var lastYear: Money

    public init(year: Int, thisYear: Money, lastYear: Money) {
        self.year = year
        self.thisYear = thisYear
        self.lastYear = lastYear
    }

    public var level: Level {
        if thisYear > Self.threshold || lastYear > Self.threshold { return .exceeded }
        return thisYear >= Self.warnFrom ? .nearing : .clear
    }

    /// The distance sales in these documents (parcels to other member states; cancellations count negative).
    public static func total(_ documents: [Invoice]) -> Money {
        documents.flatMap(\.groups).filter { $0.regime == .standard }.reduce(Money.zero) { $0 + $1.net }
    }
}
