namespace Bulwark.Backtest;

/// <summary>
/// One financing charge the venue booked on a position held into a new day: <see cref="Amount"/> is negative when the
/// position paid (interest, a borrow fee, a swap, funding) and positive when it earned. <see cref="Time"/> is the bar
/// at which it was booked, before that bar's fills. <see cref="Dividend"/>: a dividend the position received (a long) or
/// paid (a short), not its financing; it goes to the trade the same way.
/// </summary>
public readonly record struct FinancingCharge(string Symbol, DateTimeOffset Time, decimal Amount, bool Dividend = false);
