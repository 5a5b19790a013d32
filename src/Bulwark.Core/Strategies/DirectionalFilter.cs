namespace Bulwark.Core.Strategies;

/// <summary>Which way Wilder's directional indicators (+DI, -DI) must point for a <see cref="TrendFilter"/> to let an entry through.</summary>
public enum DirectionalFilter
{
    /// <summary>Either way: the directional indicators are not read.</summary>
    None,

    /// <summary>With the move: a long only while +DI is above -DI (the highs rising more than the lows fall), a short only while -DI is above +DI.</summary>
    With,

    /// <summary>Against it, a fade: a long only while -DI is above +DI (buying into the fall), a short only while +DI is above -DI.</summary>
    Against,
}
