namespace Bulwark.Core.MarketData;

/// <summary>One symbol of a synthetic feed and the price its first bar opens at.</summary>
public sealed record SyntheticSymbol(string Symbol, decimal StartPrice);
