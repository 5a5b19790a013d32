using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Passes a strategy's reads through to the real context, and its signals only while <see cref="Open"/>: lets a
/// wrapped strategy see every bar (keeping its indicators warm) without trading while it is not in charge.
/// </summary>
internal sealed class GatedStrategyContext : IStrategyContext
{
    public IStrategyContext? Inner { get; set; }
    public bool Open { get; set; }

    private IStrategyContext Context => Inner ?? throw new InvalidOperationException("no context to pass through.");

    public DateTimeOffset Now => Context.Now;
    public decimal PositionQuantity(string symbol) => Context.PositionQuantity(symbol);
    public bool HasOpenOrder(string symbol) => Context.HasOpenOrder(symbol);

    public void Note(string source, string code, string message) => Context.Note(source, code, message);

    public void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null)
    {
        if (Open) Context.Signal(source, symbol, direction, strength, targetQuantity);
    }
}
