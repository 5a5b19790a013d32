namespace Bulwark.Core.Venues;

/// <summary>A position as the venue knows it; quantity is signed.</summary>
public sealed record VenuePosition(string Symbol, decimal Quantity, decimal AveragePrice);
