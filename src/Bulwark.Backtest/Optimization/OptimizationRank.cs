namespace Bulwark.Backtest.Optimization;

/// <summary>What "best" means when an optimization ranks its rows (and a walk-forward picks a window's parameters).</summary>
public enum OptimizationRank
{
    /// <summary>The highest final value.</summary>
    Value,

    /// <summary>The highest Sharpe ratio: return for the volatility it took.</summary>
    Sharpe,

    /// <summary>The highest total return over max drawdown; a gain with no drawdown ranks above every ratio.</summary>
    ReturnOverDrawdown,

    /// <summary>The highest Sortino ratio: return for the downside volatility it took, so gains' swings cost nothing.</summary>
    Sortino,
}
