namespace Bulwark.Core.Strategies;

/// <summary>
/// Settings of <see cref="GridStrategy"/>. Spacing is either a percentage of the center (<see cref="SpacingPercent"/>)
/// or a multiple of the ATR (<see cref="AtrMultiple"/>), never both; with neither, 1 % of the center.
/// </summary>
public sealed record GridOptions
{
    public const decimal DefaultSpacingPercent = 1m;

    /// <summary>Buy levels below the center and sell levels above it (N each).</summary>
    public int LevelsPerSide { get; init; } = 5;

    /// <summary>Distance between levels in percent of the center (1 = 1 %); null when the ATR sets it.</summary>
    public decimal? SpacingPercent { get; init; }

    /// <summary>Distance between levels as this multiple of the ATR at build time; null when a percentage sets it.</summary>
    public decimal? AtrMultiple { get; init; }

    public int AtrPeriod { get; init; } = 14;

    /// <summary>A fixed center for the first build; null centers on the last close. Rebuilds always use the last close.</summary>
    public decimal? Center { get; init; }

    /// <summary>Period of the EMA whose slope biases the center; 0 for no bias.</summary>
    public int BiasPeriod { get; init; }

    /// <summary>Bars of the EMA's latest change (close to close of the EMA) the center is moved ahead by: up in an uptrend.</summary>
    public decimal BiasStrength { get; init; }

    /// <summary>Quantity of the levels next to the center.</summary>
    public decimal Size { get; init; } = 1m;

    /// <summary>Each level further out holds this factor times the one inside it (1 = equal sizes).</summary>
    public decimal SizeScale { get; init; } = 1m;

    /// <summary>Below this close the grid stops (cancels its orders and places none); null for no lower bound.</summary>
    public decimal? LowerBound { get; init; }

    /// <summary>Above this close the grid stops; null for no upper bound.</summary>
    public decimal? UpperBound { get; init; }

    /// <summary>Largest absolute position the grid's working and filled orders may make; null for one full side of levels.</summary>
    public decimal? MaxInventory { get; init; }

    /// <summary>Largest difference between the position and what the grid's fills imply before it rebuilds (0 = any).</summary>
    public decimal DriftTolerance { get; init; }

    /// <summary>
    /// Steps (level spacings) the close may move from the center while the grid holds no inventory before the grid is
    /// rebuilt around it; null (off, the default): the grid keeps its levels until the bounds stop it. A long-only grid
    /// whose market rises away from it has nothing to sell and its buys rest ever further below: this makes it follow.
    /// With inventory held it never moves, so its levels keep the exits for what it bought or sold.
    /// </summary>
    public int? RecenterSteps { get; init; }

    /// <summary>Whether sell levels may open a short; when false a sell only rests against inventory held.</summary>
    public bool AllowShort { get; init; } = true;

    /// <summary>
    /// Minutes a level whose order the venue refused for funds waits before it is tried again when no fill of the bot has
    /// moved the cash meanwhile (any fill makes it due at once).
    /// </summary>
    public int FundsRetryMinutes { get; init; } = 60;

    /// <summary>The spacing in percent actually used (the default when neither spacing is given).</summary>
    public decimal? EffectiveSpacingPercent => SpacingPercent ?? (AtrMultiple is null ? DefaultSpacingPercent : null);

    /// <summary>The inventory limit actually used: the given one, or the total of one side's levels.</summary>
    public decimal EffectiveMaxInventory(decimal lotSize) =>
        MaxInventory ?? Enumerable.Range(1, LevelsPerSide).Sum(d => GridLevels.QuantityAt(this, d, lotSize));

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        void Check(bool ok, string key, string message)
        {
            if (!ok) problems.Add(new StrategyProblem(key, message));
        }
        Check(LevelsPerSide >= 1, "levels", $"must be at least 1, got {LevelsPerSide}");
        Check(SpacingPercent is null || AtrMultiple is null, "atrMultiple", "give either spacingPercent or atrMultiple, not both");
        Check(SpacingPercent is null or (> 0m and < 100m), "spacingPercent", $"must be above 0 and below 100, got {SpacingPercent}");
        Check(AtrMultiple is null or > 0m, "atrMultiple", $"must be positive, got {AtrMultiple}");
        Check(AtrPeriod >= 1, "atrPeriod", $"must be at least 1, got {AtrPeriod}");
        Check(Center is null or > 0m, "center", $"must be positive, got {Center}");
        Check(BiasStrength >= 0m, "biasStrength", $"must not be negative, got {BiasStrength}");
        Check(BiasStrength == 0m || BiasPeriod >= 1, "biasPeriod", $"must be at least 1 when biasStrength is set, got {BiasPeriod}");
        Check(Size > 0m, "size", $"must be positive, got {Size}");
        Check(SizeScale > 0m, "sizeScale", $"must be positive, got {SizeScale}");
        Check(FundsRetryMinutes >= 1, "fundsRetryMinutes", $"must be at least 1, got {FundsRetryMinutes}");
        Check(LowerBound is null or > 0m, "lowerBound", $"must be positive, got {LowerBound}");
        Check(LowerBound is null || UpperBound is null || UpperBound > LowerBound, "upperBound",
            $"must be above lowerBound ({LowerBound}), got {UpperBound}");
        Check(Center is null || ((LowerBound is null || Center > LowerBound) && (UpperBound is null || Center < UpperBound)), "center",
            $"must be inside the bounds, got {Center}");
        Check(MaxInventory is null or > 0m, "maxInventory", $"must be positive, got {MaxInventory}");
        Check(DriftTolerance >= 0m, "driftTolerance", $"must not be negative, got {DriftTolerance}");
        Check(RecenterSteps is null or >= 1, "recenterSteps", $"must be at least 1 (or off), got {RecenterSteps}");
        return problems;
    }
}
