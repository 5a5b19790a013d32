namespace Bulwark.Core.Strategies;

/// <summary>Which way the ADX must have moved for a <see cref="TrendFilter"/> to let an entry through.</summary>
public enum AdxSlope
{
    /// <summary>Either way: the ADX's change is not read.</summary>
    None,

    /// <summary>Above its value some bars ago: a trend gathering strength, for the trend followers.</summary>
    Rising,

    /// <summary>Below its value some bars ago: a trend losing strength, for the fades.</summary>
    Falling,
}
