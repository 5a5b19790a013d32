namespace Bulwark.Venues.Paper;

/// <summary>A yearly rate of interest on cash, in percent, from <see cref="From"/> on (see <see cref="CashRates"/>).</summary>
public readonly record struct CashRateStep(DateOnly From, decimal Percent);
