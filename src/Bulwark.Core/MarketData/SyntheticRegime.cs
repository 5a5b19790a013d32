namespace Bulwark.Core.MarketData;

/// <summary>
/// One state of the synthetic market's regime chain. Drift and volatility are annualised rates
/// (a year is 365.25 days of continuous trading); <see cref="SwitchProbability"/> is the chance,
/// per bar, of leaving this regime for one of the others (chosen uniformly).
/// </summary>
public sealed record SyntheticRegime(string Name, double AnnualDrift, double AnnualVolatility, double SwitchProbability);
