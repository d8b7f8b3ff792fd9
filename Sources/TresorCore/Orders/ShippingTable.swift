/// Insured shipping fees by order value, free from a threshold; pickup at the counter is free.
public struct ShippingTable: Sendable, Hashable {
    /// An order of at least `minimumValue` (goods, gross) pays `fee`.
    public struct Band: Sendable, Hashable {
        public var minimumValue: Money
        public var fee: Money
        public init(minimumValue: Money, fee: Money) {
            self.minimumValue = minimumValue
            self.fee = fee
        }
    }

    public let bands: [Band]
    /// From this goods value on, insured shipping is free.
    public let freeFrom: Money?

    public enum Problem: Error, Equatable { case noBands, firstBandNotZero, negativeFee }

    public init(bands: [Band], freeFrom: Money?) throws(Problem) {
        let sorted = bands.sorted { $0.minimumValue < $1.minimumValue }
        guard let first = sorted.first else { throw .noBands }
        guard first.minimumValue == .zero else { throw .firstBandNotZero }
        guard sorted.allSatisfy({ $0.fee >= .zero }) else { throw .negativeFee }
        self.bands = sorted
        self.freeFrom = freeFrom
    }

    /// A German dealer's typical table: insured parcel by value, free from 5,000 €.
    public static let standard = try! ShippingTable(  // safe: literal, valid table (tested)
        bands: [Band(minimumValue: .zero, fee: Money(cents: 995)),
                Band(minimumValue: Money(cents: 100_000), fee: Money(cents: 1_995)),
                Band(minimumValue: Money(cents: 250_000), fee: Money(cents: 2_995))],
        freeFrom: Money(cents: 500_000))

    /// Reads `0:9.95,1000:19.95,2500:29.95` (from goods value : fee, in euros); nil when malformed.
    public init?(bands text: String, freeFrom: String) {
        var bands: [Band] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let from = Money(decimalString: parts[0]), let fee = Money(decimalString: parts[1]) else { return nil }
            bands.append(Band(minimumValue: from, fee: fee))
        }
        let free = freeFrom.trimmingCharacters(in: .whitespaces)
        let threshold = free.isEmpty ? nil : Money(decimalString: free)
        guard free.isEmpty || threshold != nil, let table = try? ShippingTable(bands: bands, freeFrom: threshold) else { return nil }
        self = table
    }

    /// The table in the form `init(bands:freeFrom:)` reads.
    public var bandsText: String {
        bands.map { "\($0.minimumValue.decimalString):\($0.fee.decimalString)" }.joined(separator: ",")
    }

    /// The fee for goods worth `goods` (gross) sent by `method`.
    public func fee(goods: Money, method: ShippingMethod) -> Money {
        guard method == .insured else { return .zero }
        if let freeFrom, goods >= freeFrom { return .zero }
        return bands.last(where: { $0.minimumValue <= goods })?.fee ?? bands[0].fee
    }
}

/// Stored as the text the configuration uses (`0:9.95,1000:19.95` and the free-from value), checked when read.
extension ShippingTable: Codable {
    enum CodingKeys: String, CodingKey { case bands, freeFrom }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bands = try container.decode(String.self, forKey: .bands)
        let freeFrom = try container.decode(String.self, forKey: .freeFrom)
        guard let table = ShippingTable(bands: bands, freeFrom: freeFrom) else {
            throw DecodingError.dataCorruptedError(forKey: .bands, in: container, debugDescription: "not a shipping table: \(bands)")
        }
        self = table
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bandsText, forKey: .bands)
        try container.encode(freeFrom?.decimalString ?? "", forKey: .freeFrom)
    }
}
