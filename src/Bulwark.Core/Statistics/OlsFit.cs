namespace Bulwark.Core.Statistics;

/// <summary>An ordinary least squares fit: coefficients, their standard errors and the residual sum of squares.</summary>
internal sealed record OlsFit(double[] Coefficients, double[] StandardErrors, double ResidualSumOfSquares, int Observations)
{
    /// <summary>The t-statistic of coefficient <paramref name="index"/>: estimate over standard error.</summary>
    public double TStatistic(int index) => Coefficients[index] / StandardErrors[index];
}
