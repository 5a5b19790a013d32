namespace Bulwark.Backtest.Optimization;

/// <summary>
/// The combinations of a grid the strategy refused to be built with (never run), by the parameter first named in the
/// refusal, with one example each: ema-cloud refuses fastLong=4 with fastShort=6, so a grid crossing the two ranges
/// holds refused combinations by design, which are no results.
/// </summary>
public sealed record RefusedCombinations(int Count, IReadOnlyList<RefusedParameter> ByParameter)
{
    /// <summary>The refused rows of <paramref name="rows"/>, grouped (none: a count of 0).</summary>
    public static RefusedCombinations Of(IEnumerable<OptimizationRow> rows)
    {
        var refused = rows.Where(r => r.RefusedBy is not null).OrderBy(r => r.Index).ToList();
        return new RefusedCombinations(refused.Count, [.. refused
            .GroupBy(r => r.RefusedBy!, StringComparer.Ordinal)
            .Select(g => new RefusedParameter(g.Key, g.Count(), string.Join(" ", g.First().Parameters.Select(p => $"{p.Key}={p.Value}")), g.First().Error!))
            .OrderByDescending(p => p.Combinations).ThenBy(p => p.Parameter, StringComparer.Ordinal)]);
    }
}

/// <summary>How many combinations a parameter's check refused, and the first of them with its problems.</summary>
public sealed record RefusedParameter(string Parameter, int Combinations, string Example, string Problem);
