namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// A grid (re)built around <paramref name="Center"/> with level k at Center + k * <paramref name="Step"/>, k in
/// [-<paramref name="LevelsPerSide"/>, <paramref name="LevelsPerSide"/>]. It takes over the symbol's position as
/// <paramref name="BaseInventory"/>; the level assignments of any earlier build are forgotten (their orders are canceled).
/// </summary>
public sealed record GridBuilt(string Source, string Symbol, decimal Center, decimal Step, int LevelsPerSide,
    decimal BaseInventory, string Reason) : GridEvent(Source, Symbol);
