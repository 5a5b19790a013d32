namespace Bulwark.Core.Risk;

/// <summary>The minimal risk layer: position and order size, daily loss and losing streak breakers.</summary>
public sealed record RiskLimits
{
    /// <summary>Largest absolute position notional per symbol, in account currency.</summary>
    public decimal MaxPositionNotional { get; init; } = 100_000m;

    /// <summary>Largest notional of a single order.</summary>
    public decimal MaxOrderNotional { get; init; } = 25_000m;

    /// <summary>Realized daily loss (positive number) that trips the circuit breaker; 0 disables.</summary>
    public decimal MaxDailyLoss { get; init; }

    /// <summary>Losing round trips in a row that trip the circuit breaker; 0 disables.</summary>
    public int MaxConsecutiveLosses { get; init; }

    /// <summary>
    /// The most the book may hold in all, long and short alike, in percent of the account's value: the sum of every
    /// position's notional (price times multiplier, a short's counted as a long's) with the working signal orders filled,
    /// after the order. 100 keeps a long-short book unlevered; 200 is a margin account's usual ceiling. Orders that add to
    /// it beyond are denied (<see cref="DenyReason.MaxGrossExposureExceeded"/>); orders that reduce a position never are.
    /// Null: no limit.
    /// </summary>
    public decimal? MaxGrossExposurePercent { get; init; }

    /// <summary>
    /// The most symbols the book may hold positions in at once (with the entries still working counted as filled): an
    /// order that would open a position in another symbol beyond it is denied
    /// (<see cref="DenyReason.MaxOpenPositionsReached"/>); adding to or reducing a position held never is. 0: no limit.
    /// </summary>
    public int MaxOpenPositions { get; init; }

    /// <summary>
    /// The drawdown stop: once the account's value (cash and positions at their last closes) has fallen this percent from
    /// its peak, the kernel switches the bot to reduce-only, persisted like the operator's kill switch, and cancels the
    /// working orders that would add to a position: positions may still be closed and their stops stay, but nothing new
    /// is opened until the operator resumes, which measures the next
    /// drawdown from the value at the first bar after it (a resume within the limit keeps the peak). In (0, 100); null: no stop.
    /// </summary>
    public decimal? MaxDrawdownPercent { get; init; }

    /// <summary>
    /// The daily loss stop: once the account's value (cash and positions at their last closes, open losses included) has
    /// fallen this percent from its value when the trading day began, no position is opened or added to for the rest of
    /// that day (<see cref="DenyReason.DailyLossStop"/>) and the working orders that would add are canceled; positions may
    /// still be closed and keep their stops, and the next trading day trades again. Journaled, so a restart within the day
    /// keeps it. Unlike <see cref="MaxDailyLoss"/>, which counts realized losses in money, it counts what the book has lost
    /// since the day began, realized or not. In (0, 100); null: no stop.
    /// </summary>
    public decimal? MaxDailyLossPercent { get; init; }

    /// <summary>
    /// A cooldown after a loss: once a symbol's round trip closes at a loss, no position is opened or added to in that
    /// symbol for this long after the closing fill (<see cref="DenyReason.CooldownAfterLoss"/>), so a strategy stopped out
    /// in a choppy market does not buy straight back in; closing and reducing always pass, and other symbols are not
    /// affected. Null: no cooldown.
    /// </summary>
    public TimeSpan? CooldownAfterLoss { get; init; }

    /// <summary>
    /// The most orders the bot sends to the venue in a trading day, of every kind (entries, exits, a grid's levels,
    /// protective stops and take-profits): once reached, orders that would open or add to a position are denied
    /// (<see cref="DenyReason.MaxOrdersPerDay"/>) until the next trading day, with a critical alert when it is reached;
    /// orders that reduce a position, protective exits and closes still go out. A runaway guard: a strategy or a bug
    /// sending orders in a loop stops at the limit instead of trading the account away. 0: no limit.
    /// </summary>
    public int MaxOrdersPerDay { get; init; }

    /// <summary>
    /// The throttle: the most orders the bot sends to the venue in any minute (the last 60 seconds of the kernel's clock),
    /// of every kind. At the limit, orders that would open or add to a position are denied
    /// (<see cref="DenyReason.MaxOrdersPerMinute"/>) until the oldest of those orders is a minute old, with a warning when
    /// it is reached; orders that reduce a position, protective exits and closes still go out. It stops a burst (a
    /// strategy or a bug sending orders in a loop, a venue's pacing limit) within a minute, where
    /// <see cref="MaxOrdersPerDay"/> stops it only at the day's budget. 0: no limit.
    /// </summary>
    public int MaxOrdersPerMinute { get; init; }

    /// <summary>
    /// The price collar: the furthest a strategy's limit order may be priced from the symbol's last price, in percent,
    /// on either side; further is an erroneous price and is denied (<see cref="DenyReason.PriceOutsideCollar"/>), closing
    /// orders too. Market orders (signals) and the kernel's own protective exits are not collared. Null: no collar.
    /// </summary>
    public decimal? MaxPriceDeviationPercent { get; init; }

    /// <summary>
    /// The loss limit per position, in percent of the account's value: at a bar's close, a position whose open loss (from
    /// its average entry) is this share of the account's value or more is closed at market, whichever source holds it and
    /// whether or not it has a protective stop, after the working orders that would add there are canceled. The classic
    /// "never lose more than 2% on one position", as a backstop to the strategies' own stops (a grid places none).
    /// In (0, 100); null: no limit.
    /// </summary>
    public decimal? MaxPositionLossPercent { get; init; }

    /// <summary>
    /// The concentration limit: the most the positions of one group of instruments (<see cref="Model.Instrument.Group"/>:
    /// a sector, a theme) may hold together, long and short alike, in percent of the account's value. An order that would
    /// take its group's sum of notionals (with the entries still working) beyond it is denied
    /// (<see cref="DenyReason.MaxGroupExposureExceeded"/>); orders that reduce never are. In (0, 10000]; null: no limit.
    /// </summary>
    public decimal? MaxGroupExposurePercent { get; init; }

    /// <summary>
    /// Per group (by its name, as <see cref="Model.Instrument.Group"/> writes it), its own concentration limit in percent
    /// of the account's value, in place of <see cref="MaxGroupExposurePercent"/>: a tighter cap on a crowded sector, a
    /// looser one on a defensive basket. Each in (0, 10000]; a group not named here takes <see cref="MaxGroupExposurePercent"/>.
    /// </summary>
    public GroupExposureLimits MaxGroupExposurePercents { get; init; }

    /// <summary>The concentration limit of <paramref name="group"/>: its own, else the default; null for none.</summary>
    public decimal? GroupExposureLimit(string group) =>
        MaxGroupExposurePercents.Count > 0 && MaxGroupExposurePercents.Of(group) is { } own ? own : MaxGroupExposurePercent;

    /// <summary>Whether any group has a concentration limit.</summary>
    public bool LimitsGroups() => MaxGroupExposurePercent is not null || MaxGroupExposurePercents.Count > 0;

    /// <summary>How long the breaker stays open once tripped.</summary>
    public TimeSpan BreakerCooldown { get; init; } = TimeSpan.FromMinutes(30);
}
