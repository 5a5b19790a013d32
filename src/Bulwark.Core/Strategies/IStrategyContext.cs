using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

public interface IStrategyContext
{
    DateTimeOffset Now { get; }
    decimal PositionQuantity(string symbol);
    bool HasOpenOrder(string symbol);

    /// <summary>Sends a signal through the full pipeline (kill switch, audit, risk, sizing, routing).</summary>
    void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null);
}
