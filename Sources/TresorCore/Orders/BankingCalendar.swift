import Foundation

/// German banking days: Monday to Friday except the nationwide public holidays (the fixed-date ones and
/// those that follow Easter), counted in Berlin time.
public struct BankingCalendar: Sendable {
    let calendar: Calendar

    public init() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        self.calendar = calendar
    }

    /// The date `count` banking days after `start` (the start day itself does not count), at the end of that day
    /// in Berlin: a payment arriving any time on the due day is on time.
    public func dueDate(after start: Date, bankingDays count: Int) -> Date {
        var day = calendar.startOfDay(for: start)
        var remaining = count
        while remaining > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            if isBankingDay(day) { remaining -= 1 }
        }
        let nextDay = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        return nextDay.addingTimeInterval(-1)
    }

    /// The calendar year in Berlin (order numbers restart each year).
    public static func berlinYear(of date: Date) -> Int {
        BankingCalendar().calendar.component(.year, from: date)
    }

    /// The calendar day in Berlin as `2026-12-01` (tax dates, listings).
    public static func berlinDay(of date: Date) -> String {
        let parts = BankingCalendar().calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public func isBankingDay(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday, 7 = Saturday
        guard weekday != 1 && weekday != 7 else { return false }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return true }
        return !Self.publicHolidays(year).contains(MonthDay(month: month, day: day))
    }

    public struct MonthDay: Hashable, Sendable {
        public var month: Int
        public var day: Int
    }

    /// Nationwide German public holidays of `year`.
    public static func publicHolidays(_ year: Int) -> Set<MonthDay> {
        var days: Set<MonthDay> = [
            MonthDay(month: 1, day: 1),  // Neujahr
            MonthDay(month: 5, day: 1),  // Tag der Arbeit
            MonthDay(month: 10, day: 3),  // Tag der Deutschen Einheit
            MonthDay(month: 12, day: 25),  // 1. Weihnachtstag
            MonthDay(month: 12, day: 26),  // 2. Weihnachtstag
        ]
        let easter = easterSunday(year)
        for offset in [-2, 1, 39, 50] {  // Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag
            days.insert(shift(easter, by: offset, in: year))
        }
        return days
    }

    /// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> MonthDay {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return MonthDay(month: month, day: day)
    }

    static func shift(_ date: MonthDay, by days: Int, in year: Int) -> MonthDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let start = calendar.date(from: DateComponents(year: year, month: date.month, day: date.day)) ?? Date()
        let shifted = calendar.date(byAdding: .day, value: days, to: start) ?? start
        let parts = calendar.dateComponents([.month, .day], from: shifted)
        return MonthDay(month: parts.month ?? date.month, day: parts.day ?? date.day)
    }
}
