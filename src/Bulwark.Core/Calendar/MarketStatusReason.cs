namespace Bulwark.Core.Calendar;

/// <summary>Why the market is open or closed at an instant. The local date is the exchange's.</summary>
public enum MarketStatusReason
{
    /// <summary>Open: regular hours.</summary>
    Regular,

    /// <summary>Open: before the regular open, in the extended pre-market (only when extended hours were asked for).</summary>
    PreMarket,

    /// <summary>Open: after the regular close, in the extended post-market (only when extended hours were asked for).</summary>
    PostMarket,

    /// <summary>Closed: a Saturday or Sunday (for FX: the weekend between Friday's and Monday's sessions).</summary>
    Weekend,

    /// <summary>Closed all day: a holiday or a special closure; <see cref="MarketStatus.Name"/> says which.</summary>
    Holiday,

    /// <summary>Closed: a trading day, before its open.</summary>
    BeforeOpen,

    /// <summary>Closed: a trading day, after its close.</summary>
    AfterClose,

    /// <summary>Closed: a trading day with an early close, after that close; <see cref="MarketStatus.Name"/> says why.</summary>
    EarlyClose,
}
