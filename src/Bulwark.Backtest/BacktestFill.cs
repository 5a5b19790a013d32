namespace Bulwark.Backtest;

/// <summary>Where the market order a strategy signals at a bar's close fills.</summary>
public enum BacktestFill
{
    /// <summary>At the next bar's open plus slippage: the default.</summary>
    NextOpen,

    /// <summary>At the same bar's close plus slippage.</summary>
    Close,
}
