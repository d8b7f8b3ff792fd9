import ArgumentParser

/// The Tresor command line: `tresor` alone serves the shop.
@main
struct Tresor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tresor",
        abstract: "Tresor – the online shop of a precious-metals dealer.",
        subcommands: [Serve.self, Migrate.self, Seed.self, Spot.self, Orders.self, Invoices.self, Accounting.self, Payments.self, Staff.self, Audit.self, Stock.self, Sanctions.self, Payouts.self,
                      Articles.self, Newsletter.self, Jobs.self, Applications.self, Callbacks.self],
        defaultSubcommand: Serve.self
    )
}
