namespace Bulwark.Core.Statistics;

/// <summary>How a <see cref="GaussianHmm"/> is fitted by Baum-Welch.</summary>
internal sealed record GaussianHmmOptions
{
    /// <summary>Number of hidden states: 2 or 3.</summary>
    public int States { get; init; } = 2;

    /// <summary>Most E-steps of one run (each one computes the log-likelihood of the current parameters).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>A run has converged when the log-likelihood changes by less than this between two E-steps.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Seed of the random restarts (the first run always starts from the quantile initialisation).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Runs from different starting points; the fit with the highest log-likelihood wins.</summary>
    public int Restarts { get; init; } = 3;

    /// <summary>Each state's variance is kept at or above this fraction of the sample variance (no collapse onto a point).</summary>
    public double VarianceFloor { get; init; } = 1e-3;

    /// <summary>Every problem with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (States is not (2 or 3)) problems.Add($"states must be 2 or 3, got {States}");
        if (MaxIterations < 1) problems.Add($"maxIterations must be at least 1, got {MaxIterations}");
        if (!(Tolerance > 0.0) || !double.IsFinite(Tolerance)) problems.Add($"tolerance must be a positive number, got {Tolerance}");
        if (Restarts < 1) problems.Add($"restarts must be at least 1, got {Restarts}");
        if (!(VarianceFloor > 0.0 && VarianceFloor < 1.0)) problems.Add($"varianceFloor must be in (0, 1), got {VarianceFloor}");
        return problems;
    }
}
