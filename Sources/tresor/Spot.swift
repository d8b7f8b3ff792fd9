import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor spot …`: set manual prices and decide on held jumps.
struct Spot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manual spot prices and held ticks.",
        subcommands: [Set.self, Held.self, Confirm.self, Reject.self]
    )

    /// Runs `body` with a spot desk on the configured database.
    static func withDesk<T: Sendable>(_ body: (SpotDesk, Shop) async throws -> T) async throws -> T {
        try await Environment.withShop { _, shop in try await body(shop.spot, shop) }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a metal's price in EUR per troy ounce, e.g. `tresor spot set XAU 2501.30`.")

        @Argument(help: "XAU, XAG, XPT or XPD.") var metal: String
        @Argument(help: "Ask price in EUR per troy ounce.") var ask: String
        @Option(help: "Bid price; default: the ask price.") var bid: String?
        @Option(help: "E-mail of the staff member setting it (required, recorded with the price).") var by: String

        func run() async throws {
            guard let metal = Metal(rawValue: metal.uppercased()) else {
                throw ValidationError("unknown metal \(self.metal); use XAU, XAG, XPT or XPD")
            }
            guard let askValue = Decimal.strict(ask), askValue > 0 else { throw ValidationError("ask must be a positive decimal, e.g. 2501.30") }
            let bidText = bid ?? ask
            guard let bidValue = Decimal.strict(bidText), bidValue > 0, bidValue <= askValue else {
                throw ValidationError("bid must be a positive decimal no higher than the ask")
            }
            let tick = SpotTick(metal: metal, bid: bidValue, ask: askValue, at: Date(), source: "manual")
            let outcome = try await Spot.withDesk { desk, shop in try await desk.ingest(tick, by: try await Environment.staff(by, shop)) }
            switch outcome {
            case .accepted, .acceptedConfirmingHeld:
                print("\(metal.code) set to \(askValue.plainString) EUR/oz.")
            case .held(let change):
                print("\(metal.code) \(askValue.plainString) EUR/oz is \(change.plainString) % from the last price and is held; "
                      + "confirm it with `tresor spot held` and `tresor spot confirm ID`.")
            }
        }
    }

    struct Held: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List ticks held because they jumped too far.")

        func run() async throws {
            let held = try await Spot.withDesk { desk, _ in try await desk.held() }
            if held.isEmpty { print("No held ticks.") }
            for item in held {
                print("\(item.id)\t\(item.tick.metal.code)\tbid \(item.tick.bid.plainString)\task \(item.tick.ask.plainString)\t"
                      + "\(item.changePercent.map { $0.plainString + " %" } ?? "")\t\(ISO8601DateFormatter().string(from: item.tick.at))\t\(item.tick.source)")
            }
        }
    }

    /// The arguments both decisions take.
    struct Decision: ParsableArguments {
        @Argument(help: "Id from `tresor spot held`.") var id: Int64
        @Option(help: "E-mail of the staff member deciding (required, recorded).") var by: String

        func record(confirm: Bool) async throws {
            do {
                try await Spot.withDesk { desk, shop in
                    try await desk.decide(id: id, confirm: confirm, by: try await Environment.staff(by, shop), now: Date())
                }
            } catch SpotDesk.DecisionError.noSuchHeldTick {
                throw ValidationError("there is no held tick \(id); see `tresor spot held`")
            }
            print("Tick \(id) \(confirm ? "confirmed" : "rejected").")
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a held tick: the price is real.")
        @OptionGroup var decision: Decision
        func run() async throws { try await decision.record(confirm: true) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a held tick: a bad price, never used.")
        @OptionGroup var decision: Decision
        func run() async throws { try await decision.record(confirm: false) }
    }
}
