namespace Bulwark.Core.Statistics;

/// <summary>Mean and variance of a sample.</summary>
internal static class SampleMoments
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Population variance (divided by n) around <paramref name="mean"/>.</summary>
    public static double Variance(ReadOnlySpan<double> values, double mean)
    {
        var sum = 0.0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return sum / values.Length;
    }

    /// <summary>Sample standard deviation (divided by n - 1); needs at least two values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values) =>
        Math.Sqrt(Variance(values, Mean(values)) * values.Length / (values.Length - 1));
}
