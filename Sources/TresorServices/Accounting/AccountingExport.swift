import Foundation
import TresorCore
import TresorStore

/// The accountant's export: the invoices, cancellation invoices and payments of a period as a DATEV Buchungsstapel.
/// Read from the documents as issued and the bank entries as booked, so the file matches what customers received.
public struct AccountingExport: Sendable {
    let database: Database
    public var accounts: DatevAccounts
    /// DATEV's Beraternummer and Mandantennummer, from the tax adviser.
    public var consultant: Int
    public var client: Int

    public init(database: Database, accounts: DatevAccounts = DatevAccounts(), consultant: Int = 1001, client: Int = 1) {
        self.database = database
        self.accounts = accounts
        self.consultant = consultant
        self.client = client
    }

    public enum Problem: Error, Equatable { case badPeriod }

    /// The Berlin days `fromDay`…`untilDay` (inclusive, `2026-11-01`): each document on its issue day, each transfer on
    /// its booking day, cash taken at the counter on the day of hand-over.
    public func datev(fromDay: String, untilDay: String, now: Date) async throws -> DatevBatch {
        guard let from = CivilDate.berlinDay(fromDay), let lastDay = CivilDate.berlinDay(untilDay), lastDay >= from,
              lastDay.timeIntervalSince(from) <= 400 * 86_400,
              let until = Format.berlin.date(byAdding: .day, value: 1, to: lastDay) else { throw Problem.badPeriod }
        let (documents, payments) = try await database.read { sql in
            (try await InvoiceRepository(sql).issued(from: from, until: until),
             try await BankEntryRepository(sql).booked(fromDay: fromDay, untilDay: untilDay))
        }
        var bookings = documents.flatMap { DatevBatch.bookings($0, accounts: accounts) }
        // Cash changed hands with the goods: the counter's cash against the customer's debt, on the invoice's day.
        for invoice in documents where invoice.kind == .invoice && invoice.order.payment == .cash {
            bookings.append(DatevBooking(amount: invoice.total, debit: true, account: accounts.cash, contraAccount: accounts.debtors,
                                         date: invoice.suppliedAt, document: invoice.order.number, text: "Barzahlung " + invoice.order.number))
        }
        for payment in payments {
            guard let booked = payment.entry.bookingDate, let day = CivilDate.berlinDay(booked) else { continue }
            bookings.append(DatevBooking(amount: payment.entry.amount, debit: true, account: accounts.bank, contraAccount: accounts.debtors,
                                         date: day.addingTimeInterval(12 * 3600), document: payment.orderNumber ?? payment.entry.bankReference,
                                         text: "Zahlung \(payment.orderNumber ?? "") \(payment.entry.bankReference)"))
        }
        return DatevBatch(consultant: consultant, client: client, from: from, until: lastDay, created: now, bookings: bookings)
    }
}
