using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>The grid's per-symbol indicators (rebuilt from market data, not journaled) and the last close.</summary>
internal sealed class GridSymbolState(GridOptions options)
{
    public AverageTrueRange Atr { get; } = new(options.AtrPeriod);
    public ExponentialMovingAverage? Ema { get; } = options.BiasStrength > 0m ? new(options.BiasPeriod) : null;

    /// <summary>The EMA's latest change; meaningful once <see cref="BiasReady"/>.</summary>
    public decimal EmaChange { get; private set; }

    public bool BiasReady { get; private set; }

    /// <summary>Whether the grid has said it waits for a close inside its bounds before its first build (said once).</summary>
    public bool WaitNoted { get; set; }
    public decimal LastClose { get; private set; }

    public void Update(decimal high, decimal low, decimal close)
    {
        Atr.Update(high, low, close);
        LastClose = close;
        if (Ema is null) return;
        var wasReady = Ema.IsReady;
        var before = Ema.Value;
        Ema.Update(close);
        if (!wasReady) return;
        EmaChange = Ema.Value - before;
        BiasReady = true;
    }
}
