using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The trading day's roll: at the local midnight of the bot's trading time zone (or a daily bar's session), journaled
/// with the account's value then, which the daily counters and the daily loss stop start again from.
/// </summary>
public sealed partial class BotKernel
{
    private void RollDayIfDue(DateTimeOffset now)
    {
        if (now >= _nextRollover) RollDay(now);
    }

    private void RollDay(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _tradingZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (today != _state.TradingDate)
            Emit(new TradingDayRolledOver(_state.TradingDate, today) { Time = now, OpeningValue = Equity() });
        _nextRollover = StartOfDayAfter(today);
    }

    /// <summary>
    /// Rolls to a daily bar's session (see <see cref="Step(in Bar)"/>); never back, so several symbols' bars of one
    /// date roll once. The clock-driven roll then waits for the local midnight that ends the session's date.
    /// </summary>
    private void RollDayTo(DateOnly session, DateTimeOffset now)
    {
        if (session <= _state.TradingDate) return;
        Emit(new TradingDayRolledOver(_state.TradingDate, session) { Time = now, OpeningValue = Equity() });
        _nextRollover = StartOfDayAfter(session);
    }

    private DateTimeOffset StartOfDayAfter(DateOnly date)
    {
        var nextMidnightLocal = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnightLocal, _tradingZone.GetUtcOffset(nextMidnightLocal));
    }
}
