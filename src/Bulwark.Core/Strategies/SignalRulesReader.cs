namespace Bulwark.Core.Strategies;

/// <summary>
/// Reads what every signal strategy takes besides its own parameters, in this order: the protective exits, the time stop
/// (days or sessions), the ADX filter and the volume filter, with the problems of each under its parameter's name.
/// </summary>
internal static class SignalRulesReader
{
    /// <summary>The signal strategies' exits, time stop and filters, read in that order.</summary>
    public static SignalRules Read(StrategyParameters p)
    {
        var protection = Protection(p);
        var (maxHold, maxHoldSessions) = MaxHold(p);
        var trendFilter = TrendFilter(p);
        return new SignalRules(protection, maxHold, maxHoldSessions, trendFilter) { VolumeFilter = VolumeFilter(p) };
    }

    /// <summary>
    /// The volume filter: minVolumeRatio and maxVolumeRatio each "none" (null) or above 0 and at most
    /// <see cref="Strategies.VolumeFilter.MaxRatioLimit"/>, maxVolumeRatio at least minVolumeRatio when both are given;
    /// volumePeriod from 1 to <see cref="Strategies.VolumeFilter.MaxPeriod"/>, read even with no filter so a misspelt
    /// value is not silently kept for later.
    /// </summary>
    private static VolumeFilter? VolumeFilter(StrategyParameters p)
    {
        var minimum = VolumeRatio(p, StrategyCatalog.MinVolumeRatioParameter);
        var maximum = VolumeRatio(p, StrategyCatalog.MaxVolumeRatioParameter);
        var period = p.Int(StrategyCatalog.VolumePeriodParameter, Strategies.VolumeFilter.DefaultPeriod, 1);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (period > Strategies.VolumeFilter.MaxPeriod)
        {
            p.AddValidation([new StrategyProblem(StrategyCatalog.VolumePeriodParameter, string.Create(inv, $"must be at most {Strategies.VolumeFilter.MaxPeriod} bars, got {period}"))]);
            return null;
        }
        if (maximum < minimum)
        {
            p.AddValidation([new StrategyProblem(StrategyCatalog.MaxVolumeRatioParameter, string.Create(inv,
                $"must be at least {StrategyCatalog.MinVolumeRatioParameter} ({minimum}): no bar's volume is both, so no entry would pass; got {maximum}"))]);
            return null;
        }
        return minimum is null && maximum is null ? null : new VolumeFilter(minimum, maximum, period);
    }

    /// <summary>A ratio of a bar's volume to the mean before it: "none" (null) or above 0, at most <see cref="Strategies.VolumeFilter.MaxRatioLimit"/>.</summary>
    private static decimal? VolumeRatio(StrategyParameters p, string key)
    {
        var ratio = p.OptionalPositiveDecimal(key, null, "none");
        if (ratio <= Strategies.VolumeFilter.MaxRatioLimit) return ratio;
        if (ratio is { } v)
            p.AddValidation([new StrategyProblem(key, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"must be at most {Strategies.VolumeFilter.MaxRatioLimit} (times the mean volume of the bars before), got {v}"))]);
        return null;
    }

    /// <summary>
    /// The protective exits of a strategy whose positions come from signals (and hmm-regime's; not the grid's: its levels and
    /// bounds are its exits): stopLossPercent from the entry, trailingStopPercent behind the best close, takeProfitPercent beyond the
    /// entry, each a percent under 100; stopLossAtr average true ranges (of atrPeriod bars) from the entry, trailingStopAtr
    /// behind the best close; trailFrom=extreme makes both trails follow the best high (a long) or low (a short) instead;
    /// breakEvenPercent moves the stop to the entry once the best close (or extreme) has gone that far beyond it;
    /// trailActivationPercent lets the trails count only once the best close (or extreme) has gone that far beyond it;
    /// scaleOutPercent makes the take-profit sell that percent of the position, the rest riding on the stop;
    /// scaleOutSteps takes that share at each of a ladder of take-profits, at 1, 2, ... times takeProfitPercent;
    /// takeProfitAtr puts the take-profit that many average true ranges beyond the entry instead of a percent.
    /// Null when none is given.
    /// </summary>
    public static Risk.ProtectiveStop? Protection(StrategyParameters p)
    {
        var loss = Percent(p, StrategyCatalog.StopParameters[0], "the entry price");
        var trail = Percent(p, StrategyCatalog.StopParameters[1], "the best close");
        var target = Percent(p, StrategyCatalog.StopParameters[2], "the entry price");
        var atr = AtrMultiple(p, StrategyCatalog.StopParameters[3], "the entry price");
        var atrTrail = AtrMultiple(p, StrategyCatalog.StopParameters[4], "the best close");
        var atrTarget = AtrMultiple(p, StrategyCatalog.StopParameters[8], "the entry price");
        var atrPeriod = p.Int(StrategyCatalog.AtrPeriodParameter, 14, 1);
        var trailFrom = p.Enum(StrategyCatalog.TrailFromParameter, Risk.TrailReference.Close);
        var breakEven = Percent(p, StrategyCatalog.StopParameters[5], "the entry price");
        var activation = Percent(p, StrategyCatalog.StopParameters[6], "the entry price");
        var scaleOut = Percent(p, StrategyCatalog.StopParameters[7], "the position");
        var steps = p.Int(StrategyCatalog.ScaleOutStepsParameter, 1, 1);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (atrPeriod > Risk.ProtectiveStop.MaxAtrPeriod)
            p.AddValidation([new StrategyProblem(StrategyCatalog.AtrPeriodParameter, string.Create(inv, $"must be at most {Risk.ProtectiveStop.MaxAtrPeriod} bars, got {atrPeriod}"))]);
        if (breakEven is not null && loss is null && trail is null && atr is null && atrTrail is null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[5], Risk.ProtectiveStop.BreakEvenNeedsAStop)]);
        if (activation is not null && trail is null && atrTrail is null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[6], Risk.ProtectiveStop.ActivationNeedsATrail)]);
        else if (activation is not null && loss is null && atr is null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[6], Risk.ProtectiveStop.ActivationNeedsAFixedStop)]);
        if (atrTarget is not null && target is not null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[8], Risk.ProtectiveStop.TargetTwice)]);
        if (scaleOut is not null && target is null && atrTarget is null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[7], Risk.ProtectiveStop.ScaleOutNeedsATarget)]);
        else if (scaleOut is not null && loss is null && trail is null && atr is null && atrTrail is null)
            p.AddValidation([new StrategyProblem(StrategyCatalog.StopParameters[7], Risk.ProtectiveStop.ScaleOutNeedsAStop)]);
        if (Risk.ProtectiveStop.StepsProblem(steps, scaleOut, target) is { } ladder)
            p.AddValidation([new StrategyProblem(StrategyCatalog.ScaleOutStepsParameter, ladder)]);
        return loss is null && trail is null && target is null && atr is null && atrTrail is null && atrTarget is null ? null
            : new Risk.ProtectiveStop(loss, trail, target)
            {
                StopLossAtr = atr, TrailingAtr = atrTrail, TakeProfitAtr = atrTarget, AtrPeriod = atrPeriod, TrailFrom = trailFrom, BreakEvenPercent = breakEven,
                TrailActivationPercent = activation, ScaleOutPercent = scaleOut, ScaleOutSteps = steps,
            };
    }

    /// <summary>
    /// The time stop: days above 0 and at most <see cref="StrategyCatalog.MaxHoldDaysLimit"/>, or sessions from 1 to
    /// <see cref="Kernel.BotKernel.MaxHoldSessionsLimit"/>, not both; "none" (null) for either.
    /// </summary>
    private static (TimeSpan? Days, int? Sessions) MaxHold(StrategyParameters p)
    {
        var days = p.OptionalPositiveDecimal(StrategyCatalog.MaxHoldParameter, null, "none");
        var sessions = p.OptionalInt(StrategyCatalog.MaxHoldSessionsParameter, "none", 1);
        if (days is not null && sessions is not null)
        {
            p.AddValidation([new StrategyProblem(StrategyCatalog.MaxHoldSessionsParameter, $"give {StrategyCatalog.MaxHoldParameter} or {StrategyCatalog.MaxHoldSessionsParameter}, not both")]);
            return (null, null);
        }
        if (sessions > Kernel.BotKernel.MaxHoldSessionsLimit)
        {
            p.AddValidation([new StrategyProblem(StrategyCatalog.MaxHoldSessionsParameter, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"must be at most {Kernel.BotKernel.MaxHoldSessionsLimit} sessions, got {sessions}"))]);
            return (null, null);
        }
        if (days is not { } d || d <= StrategyCatalog.MaxHoldDaysLimit) return (days is { } held ? TimeSpan.FromTicks((long)(held * TimeSpan.TicksPerDay)) : null, sessions);
        p.AddValidation([new StrategyProblem(StrategyCatalog.MaxHoldParameter, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"must be at most {StrategyCatalog.MaxHoldDaysLimit} days, got {d}"))]);
        return (null, null);
    }

    /// <summary>
    /// The ADX filters: minAdx and maxAdx each "none" (null) or above 0 and at most 100, the ADX's scale, maxAdx above
    /// minAdx when both are given; diFilter none, with or against; adxSlope none, rising or falling; adxSlopeBars and
    /// adxPeriod from 1 to <see cref="StrategyCatalog.MaxAdxPeriod"/>, read even with no filter so a misspelt value is not
    /// silently kept for later.
    /// </summary>
    private static TrendFilter? TrendFilter(StrategyParameters p)
    {
        var minimum = AdxLevel(p, StrategyCatalog.MinAdxParameter);
        var maximum = AdxLevel(p, StrategyCatalog.MaxAdxParameter);
        var direction = p.Enum(StrategyCatalog.DiFilterParameter, DirectionalFilter.None);
        var slope = p.Enum(StrategyCatalog.AdxSlopeParameter, AdxSlope.None);
        var slopeBars = AdxBars(p, StrategyCatalog.AdxSlopeBarsParameter, 1);
        var period = AdxBars(p, StrategyCatalog.AdxPeriodParameter, Strategies.TrendFilter.DefaultAdxPeriod);
        if (maximum <= minimum)
        {
            p.AddValidation([new StrategyProblem(StrategyCatalog.MaxAdxParameter, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"must be above {StrategyCatalog.MinAdxParameter} ({minimum}): no ADX is both, so no entry would pass; got {maximum}"))]);
            return null;
        }
        if (period is not { } adxPeriod || slopeBars is not { } bars) return null;
        return minimum is null && maximum is null && direction == DirectionalFilter.None && slope == AdxSlope.None
            ? null
            : new TrendFilter(minimum, adxPeriod) { MaxAdx = maximum, Direction = direction, Slope = slope, SlopeBars = bars };
    }

    /// <summary>A count of bars of the ADX filters: from 1 to <see cref="StrategyCatalog.MaxAdxPeriod"/>; null, with a problem, above.</summary>
    private static int? AdxBars(StrategyParameters p, string key, int fallback)
    {
        var bars = p.Int(key, fallback, 1);
        if (bars <= StrategyCatalog.MaxAdxPeriod) return bars;
        p.AddValidation([new StrategyProblem(key, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most {StrategyCatalog.MaxAdxPeriod} bars, got {bars}"))]);
        return null;
    }

    /// <summary>An ADX level: "none" (null) or above 0, at most 100.</summary>
    private static decimal? AdxLevel(StrategyParameters p, string key)
    {
        var level = p.OptionalPositiveDecimal(key, null, "none");
        if (level <= 100m) return level;
        if (level is { } v)
            p.AddValidation([new StrategyProblem(key, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most 100 (the ADX runs from 0 to 100), got {v}"))]);
        return null;
    }

    /// <summary>A stop's distance in average true ranges: "none" (null) or above 0, at most <see cref="Risk.ProtectiveStop.MaxAtrMultiple"/>.</summary>
    private static decimal? AtrMultiple(StrategyParameters p, string key, string fromWhat)
    {
        var multiple = p.OptionalPositiveDecimal(key, null, "none");
        if (multiple > Risk.ProtectiveStop.MaxAtrMultiple)
            p.AddValidation([new StrategyProblem(key, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"must be at most {Risk.ProtectiveStop.MaxAtrMultiple} (average true ranges from {fromWhat}), got {multiple}"))]);
        return multiple;
    }

    /// <summary>One exit's percent: "none" (null) or above 0, read by the parameters; under 100 by the exit's own rule.</summary>
    private static decimal? Percent(StrategyParameters p, string key, string ofWhat)
    {
        var percent = p.OptionalPositiveDecimal(key, null, "none");
        if (percent is { } v && !Risk.ProtectiveStop.IsValidPercent(v))
            p.AddValidation([new StrategyProblem(key, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be under 100 (a percent of {ofWhat}), got {v}"))]);
        return percent;
    }
}
