namespace Bulwark.Venues.Paper;

/// <summary>When an accepted market order fills.</summary>
public enum PaperMarketFill
{
    /// <summary>At the open of the next bar fed (plus slippage): the default.</summary>
    NextOpen,

    /// <summary>
    /// At once, at the last price seen for the symbol (the close of the bar just fed) plus slippage, whole (no bar, so no
    /// volume cap). Without a last price the order rests and fills at the next open. For backtests that fill at the close.
    /// </summary>
    LastPrice,
}
