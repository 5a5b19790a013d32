namespace Bulwark.Backtest;

/// <summary>How many points of the account value a backtest keeps.</summary>
public enum EquityCurveSampling
{
    /// <summary>One point after every bar (what reports and the optimizer's drawdown use).</summary>
    EveryBar,

    /// <summary>One point per UTC day: the last bar of the day. For runs too long to keep a point per bar.</summary>
    Daily,

    /// <summary>No curve: only the final value and cash.</summary>
    None,
}
