namespace Bulwark.Core.Statistics;

/// <summary>
/// The outcome of an augmented Dickey-Fuller test (constant, no trend). <see cref="Statistic"/> is the
/// t-statistic of y(t-1); the unit root is rejected at 5% when it is below <see cref="CriticalValue"/>.
/// <see cref="Observations"/> is the number of rows of the regression. A regression without full rank (e.g. a
/// constant series) gives a NaN statistic, which rejects nothing.
/// </summary>
internal sealed record AdfResult(double Statistic, double CriticalValue, int Lags, int Observations)
{
    public bool RejectsUnitRoot => Statistic < CriticalValue;
}
