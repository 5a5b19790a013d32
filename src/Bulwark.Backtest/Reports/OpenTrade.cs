using Bulwark.Core.Kernel;

namespace Bulwark.Backtest.Reports;

/// <summary>A round trip being built: entries average into <see cref="EntryPrice"/>, exits realise against it.</summary>
/// Money amounts (PnL, and the entered value a return is measured against) count the contract
/// <paramref name="multiplier"/>; prices and quantities do not.
internal sealed class OpenTrade(string symbol, DateTimeOffset entryTime, int number, decimal position, decimal price, decimal commission,
    decimal multiplier = 1m)
{
    private decimal _entered = Math.Abs(position);
    private decimal _enteredValue = Math.Abs(position) * price;
    private decimal _exited;
    private decimal _exitedValue;
    private decimal _realised = -commission;
    private decimal _financing;
    private decimal _dividends;
    private int _scaleOuts;

    public DateTimeOffset EntryTime { get; } = entryTime;
    public int Number { get; } = number;
    public decimal Position { get; private set; } = position;
    public decimal EntryPrice => _enteredValue / _entered;
    private readonly int _direction = Math.Sign(position);

    /// <summary>A fill in the trade's direction: adds to the position at a new average entry.</summary>
    public void Add(decimal signedQuantity, decimal price, decimal commission)
    {
        Position += signedQuantity;
        _entered += Math.Abs(signedQuantity);
        _enteredValue += Math.Abs(signedQuantity) * price;
        _realised -= commission;
    }

    /// <summary>A fill against the trade: realises (exit - average entry) on <paramref name="quantity"/> units.</summary>
    /// <param name="tag">The filling order's tag: a take-profit's that leaves some of the position held scaled it out
    /// (a step of a ladder: each order is one fill here, at its average price).</param>
    public void Reduce(decimal quantity, decimal price, decimal commission, string? tag = null)
    {
        if (tag == BotKernel.TakeProfitTag && quantity < Math.Abs(Position)) _scaleOuts++;
        _realised += (price - EntryPrice) * quantity * _direction * multiplier;
        _realised -= commission;
        _exited += quantity;
        _exitedValue += quantity * price;
        Position -= quantity * _direction;
    }

    /// <summary>A financing charge or a dividend booked on the position while the trade held it: paid (negative) or earned.</summary>
    public void Finance(FinancingCharge charge)
    {
        _realised += charge.Amount;
        if (charge.Dividend) _dividends += charge.Amount;
        else _financing += charge.Amount;
    }

    /// <param name="exitTag">The closing order's tag: a protective stop's, a take-profit's, a time stop's, the loss limit's or a blackout's, or another (null for a signal's).</param>
    public Trade Close(DateTimeOffset exitTime, string? exitTag) => new(symbol, Side, EntryTime, EntryPrice, exitTime, _exitedValue / _exited,
        _entered, _realised, _realised / (_enteredValue * multiplier), _financing)
    {
        Dividends = _dividends,
        StoppedOut = exitTag == BotKernel.ProtectiveStopTag,
        TookProfit = exitTag == BotKernel.TakeProfitTag,
        TimedOut = exitTag == BotKernel.TimeStopTag,
        LossLimited = exitTag == BotKernel.LossLimitTag,
        BlackedOut = exitTag == BotKernel.BlackoutTag,
        ScaleOuts = _scaleOuts,
    };

    /// <summary>The trade still held at the end, marked at <paramref name="mark"/> (realised part included).</summary>
    public Trade MarkOpen(decimal mark)
    {
        var pnl = _realised + ((mark - EntryPrice) * Math.Abs(Position) * _direction * multiplier);
        return new Trade(symbol, Side, EntryTime, EntryPrice, null, null, _entered, pnl, pnl / (_enteredValue * multiplier), _financing)
        {
            Dividends = _dividends,
            ScaleOuts = _scaleOuts,
        };
    }

    private TradeSide Side => _direction > 0 ? TradeSide.Long : TradeSide.Short;
}
