using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

public interface IStrategyContext
{
    DateTimeOffset Now { get; }
    decimal PositionQuantity(string symbol);
    bool HasOpenOrder(string symbol);

    /// <summary>Sends a signal through the full pipeline (kill switch, audit, risk, sizing, routing).</summary>
    void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null);

    /// <summary>Journals something the strategy decided about itself (e.g. falling back to a simpler model, and why).</summary>
    void Note(string source, string code, string message)
    {
    }
}
