using System.Text.Json.Serialization;

namespace Bulwark.Backtest.Reports;

/// <summary>What <see cref="BenchmarkComparison.Of"/> found: the benchmark's own figures, then the run's against it.</summary>
public sealed record BenchmarkResult
{
    public required string Symbol { get; init; }

    /// <summary>The benchmark's close at the run's last point over its close at the first, minus 1.</summary>
    public required decimal TotalReturn { get; init; }

    public required double Cagr { get; init; }

    /// <summary>The benchmark's deepest fall from a running peak at the run's points, as a fraction of the peak.</summary>
    public required decimal MaxDrawdown { get; init; }

    public required double Beta { get; init; }

    /// <summary>Jensen's alpha, annualised (0.03 = 3% a year).</summary>
    public required double Alpha { get; init; }

    public required double Correlation { get; init; }

    /// <summary>Annualised (0.1 = 10% a year).</summary>
    public required double TrackingError { get; init; }

    public required double InformationRatio { get; init; }

    /// <summary>
    /// Up capture: the run's mean return over the benchmark's mean return, both at the points where the benchmark rose
    /// (1.0 = it rose as much); null when it never rose. Per bar and arithmetic, not the monthly geometric figure of fund
    /// reports.
    /// </summary>
    public double? UpCapture { get; init; }

    /// <summary>Down capture: the same where the benchmark fell (0.5 = it fell half as much; below 0 it rose); null when it never fell.</summary>
    public double? DownCapture { get; init; }

    /// <summary>The benchmark at every point of the run's equity curve, scaled to the run's starting cash (for the chart).</summary>
    [JsonIgnore]
    public IReadOnlyList<(DateTimeOffset Time, decimal Value)> Values { get; init; } = [];
}
