namespace Bulwark.Core.Kernel;

/// <summary>A symbol's data quality stop: why, and for a jump the close that a following bar must confirm.</summary>
public sealed record DataStop(string Reason, decimal? LastClose);
