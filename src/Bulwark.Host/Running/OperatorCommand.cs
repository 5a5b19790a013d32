using Bulwark.Core.Risk;

namespace Bulwark.Host.Running;

/// <summary>The operator commands another process can queue for a running bot.</summary>
public static class OperatorCommand
{
    public const string Kill = "kill";
    public const string Reduce = "reduce";
    public const string Resume = "resume";

    /// <summary>Close every position and cancel every working order, then stay reduce-only (<see cref="Core.Kernel.Commands.FlattenAll"/>).</summary>
    public const string Flatten = "flatten";

    /// <summary>The kind queued for one symbol: <c>flatten:AAPL</c>, <c>reduce:AAPL</c>, <c>resume:AAPL</c>.</summary>
    public static string ForSymbol(string kind, string symbol) => $"{kind}:{symbol}";

    /// <summary>Splits a queued kind into the command and the symbol it is for (null for the whole bot).</summary>
    public static (string Kind, string? Symbol) Split(string queued)
    {
        var colon = queued.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (queued, null) : (queued[..colon], queued[(colon + 1)..]);
    }

    public static string KindOf(TradingState state) => state switch
    {
        TradingState.Halted => Kill,
        TradingState.Reducing => Reduce,
        _ => Resume,
    };

    public static bool TryParseKind(string kind, out TradingState state)
    {
        state = kind switch
        {
            Kill => TradingState.Halted,
            Reduce => TradingState.Reducing,
            Resume => TradingState.Active,
            _ => (TradingState)(-1),
        };
        return Enum.IsDefined(state);
    }
}
