using Bulwark.Core.Execution;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Venues;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Storage.Tests.Support;

/// <summary>FsCheck generators for kernel events with arbitrary text, decimals of every scale, and time zones.</summary>
internal static class EventGenerators
{
    /// <summary>Set on construction (Time is required), then replaced by a generated time.</summary>
    private static readonly DateTimeOffset Placeholder = DateTimeOffset.UnixEpoch;

    private static readonly Gen<string> Text =
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static readonly Gen<decimal> Decimal =
        from lo in ArbMap.Default.GeneratorFor<int>()
        from mid in Gen.Choose(0, 1000)
        from negative in ArbMap.Default.GeneratorFor<bool>()
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, 0, negative, (byte)scale);

    private static readonly Gen<decimal?> OptionalDecimal =
        Gen.OneOf(Gen.Constant<decimal?>(null), Decimal.Select(d => (decimal?)d));

    private static readonly Gen<DateTimeOffset> Time =
        from days in Gen.Choose(0, 40_000)
        from tickOfDay in Gen.Choose(0, int.MaxValue)
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        select new DateTimeOffset(new DateTime(2000, 1, 1).AddDays(days).AddTicks(tickOfDay * 401L),
            TimeSpan.FromMinutes(offsetMinutes));

    private static Gen<T> Enum<T>() where T : struct, System.Enum => Gen.Elements(System.Enum.GetValues<T>());

    private static readonly Gen<BotEvent> Filled =
        from id in Text from trade in Text from symbol in Text from side in Enum<OrderSide>()
        from qty in Decimal from price in Decimal from fee in Decimal from fillTime in Time
        from issues in Gen.Choose(0, 1023) from recovered in ArbMap.Default.GeneratorFor<bool>()
        from multiplier in Decimal from margin in Decimal
        select (BotEvent)new OrderFilled(id, trade, symbol, side, qty, price, fee, fillTime, (FillIssues)issues, recovered)
        {
            Time = Placeholder,
            Multiplier = multiplier,
            InitialMargin = margin,
        };

    private static readonly Gen<BotEvent> Initialized =
        from id in Text from seq in ArbMap.Default.GeneratorFor<long>() from signal in Text from symbol in Text
        from side in Enum<OrderSide>() from type in Enum<OrderType>() from tif in Enum<TimeInForce>()
        from qty in Decimal from limit in OptionalDecimal from stop in OptionalDecimal from expected in Decimal
        select (BotEvent)new OrderInitialized(id, seq, signal, "src", symbol, side, type, tif, qty, limit, stop, expected) { Time = Placeholder };

    private static readonly Gen<BotEvent> SignalIn =
        from id in Text from direction in Enum<SignalDirection>() from strength in Decimal from time in Time
        from target in OptionalDecimal
        select (BotEvent)new SignalReceived(new Signal(id, "src", "MSFT", direction, strength, time, target)) { Time = Placeholder };

    private static readonly Gen<BotEvent> Others = Gen.OneOf(
        Text.Select(s => (BotEvent)new AlertRaised(AlertSeverity.Critical, "CODE", s) { Time = Placeholder }),
        Enum<TradingState>().Select(s => (BotEvent)new TradingStateChanged(s, "reason") { Time = Placeholder }),
        Enum<DenyReason>().Select(r => (BotEvent)new OrderDenied("id", r, "detail") { Time = Placeholder }),
        Enum<VenueRejectCode>().Select(c => (BotEvent)new OrderRejected("id", c, "detail") { Time = Placeholder }),
        Gen.ListOf(Text).Select(d => (BotEvent)new ReconciliationCompleted(d.Count == 0, [.. d]) { Time = Placeholder }),
        Time.Select(t => (BotEvent)new CircuitBreakerTripped(t, "losses") { Time = Placeholder }),
        from d in Gen.Choose(1, 3_000_000) from opening in OptionalDecimal
        select (BotEvent)new TradingDayRolledOver(DateOnly.FromDayNumber(d - 1), DateOnly.FromDayNumber(d)) { Time = Placeholder, OpeningValue = opening },
        from d in Gen.Choose(1, 3_000_000) from opening in Decimal from value in Decimal
        select (BotEvent)new DailyLossStopTripped(DateOnly.FromDayNumber(d), opening, value, "daily loss stop") { Time = Placeholder },
        Decimal.Select(e => (BotEvent)new PeakEquityRaised(e) { Time = Placeholder }),
        Decimal.Select(e => (BotEvent)new PeakEquityReset(e, "resumed") { Time = Placeholder }),
        Text.Select(r => (BotEvent)new FlattenRequested(r) { Time = Placeholder }),
        Text.Select(r => (BotEvent)new FlattenCompleted(r) { Time = Placeholder }),
        Decimal.Select(p => (BotEvent)new VariationMarginSettled("ES", p) { Time = Placeholder }),
        from amount in Decimal from time in Time from description in Text
        select (BotEvent)new CashActivityRecorded(7, "C000007", CashActivityKind.Financing, "ES", amount, time,
            description) { Time = Placeholder });

    /// <summary>Any event, with its envelope (time, correlation id) set too.</summary>
    public static readonly Gen<BotEvent> Event =
        from e in Gen.OneOf(Filled, Initialized, SignalIn, Others)
        from time in Time
        from correlation in Text
        select e with { Time = time, CorrelationId = correlation };
}
