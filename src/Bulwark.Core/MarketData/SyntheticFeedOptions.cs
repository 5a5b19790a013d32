using System.Collections.ObjectModel;

namespace Bulwark.Core.MarketData;

/// <summary>Settings of a <see cref="SyntheticBarFeed"/>.</summary>
public sealed record SyntheticFeedOptions
{
    /// <summary>Calm, trending and volatile regimes: the default chain.</summary>
    public static IReadOnlyList<SyntheticRegime> DefaultRegimes { get; } = new ReadOnlyCollection<SyntheticRegime>(
    [
        new("calm", AnnualDrift: 0.03, AnnualVolatility: 0.10, SwitchProbability: 0.002),
        new("trending", AnnualDrift: 0.60, AnnualVolatility: 0.20, SwitchProbability: 0.004),
        new("volatile", AnnualDrift: -0.30, AnnualVolatility: 0.60, SwitchProbability: 0.006),
    ]);

    /// <summary>The symbols, in the order their bars appear within one bar time.</summary>
    public required IReadOnlyList<SyntheticSymbol> Symbols { get; init; }

    /// <summary>Seed of the random walk: the same seed (and options) gives the same bars.</summary>
    public int Seed { get; init; }

    /// <summary>Length of one bar.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Open time of the first bar. When null, the clock's current time floored to a multiple of
    /// <see cref="Interval"/> (UTC) at the moment bars are generated.
    /// </summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Replay pace of <see cref="SyntheticBarFeed.ReadAsync"/>; null or 0 means as fast as possible.</summary>
    public double? BarsPerSecond { get; init; }

    /// <summary>Total number of bars over all symbols; null means endless.</summary>
    public long? MaxBars { get; init; }

    /// <summary>Every price is a multiple of this tick.</summary>
    public decimal TickSize { get; init; } = 0.01m;

    /// <summary>Mean volume of one bar, in whole units (each bar's volume is random around it, at least 1).</summary>
    public decimal BaseVolume { get; init; } = 1000m;

    /// <summary>Random-walk steps inside one bar; the bar's high and low are the extremes of these steps.</summary>
    public int StepsPerBar { get; init; } = 4;

    /// <summary>The regime chain; every symbol starts in the first regime and switches on its own.</summary>
    public IReadOnlyList<SyntheticRegime> Regimes { get; init; } = DefaultRegimes;

    /// <summary>Every problem with these options, each prefixed by its key path; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Symbols is null || Symbols.Count == 0) errors.Add("Symbols: at least one symbol is required.");
        else ValidateSymbols(errors);
        if (Interval <= TimeSpan.Zero) errors.Add($"Interval: must be positive, was {Interval}.");
        if (BarsPerSecond is { } pace && (!double.IsFinite(pace) || pace < 0))
            errors.Add($"BarsPerSecond: must be a finite number >= 0, was {pace}.");
        if (MaxBars < 0) errors.Add($"MaxBars: must be >= 0, was {MaxBars}.");
        if (TickSize <= 0m) errors.Add($"TickSize: must be positive, was {TickSize}.");
        if (BaseVolume < 1m) errors.Add($"BaseVolume: must be at least 1, was {BaseVolume}.");
        if (StepsPerBar < 1) errors.Add($"StepsPerBar: must be at least 1, was {StepsPerBar}.");
        if (Regimes is null || Regimes.Count == 0) errors.Add("Regimes: at least one regime is required.");
        else ValidateRegimes(errors);
        return errors;
    }

    private void ValidateSymbols(List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Symbols.Count; i++)
        {
            var symbol = Symbols[i];
            if (symbol is null)
            {
                errors.Add($"Symbols[{i}]: is null.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(symbol.Symbol)) errors.Add($"Symbols[{i}].Symbol: is empty.");
            else if (!seen.Add(symbol.Symbol)) errors.Add($"Symbols[{i}].Symbol: '{symbol.Symbol}' is listed twice.");
            if (symbol.StartPrice <= 0m) errors.Add($"Symbols[{i}].StartPrice: must be positive, was {symbol.StartPrice}.");
            else if (TickSize > 0m && symbol.StartPrice / TickSize > SyntheticBarGenerator.MaxTicks)
                errors.Add($"Symbols[{i}].StartPrice: {symbol.StartPrice} is too many ticks of {TickSize}.");
        }
    }

    private void ValidateRegimes(List<string> errors)
    {
        for (int i = 0; i < Regimes.Count; i++)
        {
            var regime = Regimes[i];
            if (regime is null)
            {
                errors.Add($"Regimes[{i}]: is null.");
                continue;
            }
            if (!double.IsFinite(regime.AnnualDrift)) errors.Add($"Regimes[{i}].AnnualDrift: must be finite, was {regime.AnnualDrift}.");
            if (!double.IsFinite(regime.AnnualVolatility) || regime.AnnualVolatility < 0)
                errors.Add($"Regimes[{i}].AnnualVolatility: must be finite and >= 0, was {regime.AnnualVolatility}.");
            if (!(regime.SwitchProbability is >= 0 and <= 1))
                errors.Add($"Regimes[{i}].SwitchProbability: must be within [0, 1], was {regime.SwitchProbability}.");
        }
    }
}
