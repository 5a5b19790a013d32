using Bulwark.Core.Execution;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Venues;

namespace Bulwark.Storage.Tests.Support;

/// <summary>Real kernel events of many types, with awkward values (decimal scales, offsets, nulls, lists).</summary>
internal static class SampleEvents
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 9, 30, 0, 123, TimeSpan.FromHours(-5));

    public static BotEvent At(int i)
    {
        var time = T0.AddSeconds(i).AddTicks(i);
        var id = $"bot-1-20240304-{i:D4}";
        return (i % 8) switch
        {
            0 => new BotStarted("bot-1", i, 0) { Time = time },
            1 => new SignalReceived(new Signal($"sig-{i}", "sma-cross", "AAPL", SignalDirection.Long, 0.75m, time, 12.500m))
                { Time = time, CorrelationId = $"sig-{i}" },
            2 => new OrderInitialized(id, i, $"sig-{i}", "sma-cross", "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Day,
                100.000m, 187.1234567890123456789m, null, 187.12m) { Time = time, CorrelationId = id },
            3 => new OrderFilled(id, $"T{i}", "AAPL", OrderSide.Buy, 40m, 187.10m, 0.0035m, time.AddMilliseconds(3),
                FillIssues.Slippage | FillIssues.SmallPartial, Recovered: i % 2 == 0) { Time = time, CorrelationId = id },
            4 => new OrderRejected(id, VenueRejectCode.InsufficientFunds, "buying power 12.00 < 18,712.34") { Time = time },
            5 => new ReconciliationCompleted(false, ["AAPL: engine 40, venue 39", "MSFT: unknown venue order V9"]) { Time = time },
            6 => new TradingStateChanged(TradingState.Halted, "operator kill: ünïcode ✓ \"quoted\"") { Time = time },
            _ => new TradingDayRolledOver(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5)) { Time = time },
        };
    }

    /// <summary>Events numbered <paramref name="firstSequence"/> onward.</summary>
    public static List<JournaledEvent> Batch(long firstSequence, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new JournaledEvent(firstSequence + i, At((int)(firstSequence + i))))];
}
