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

    /// <summary>The mark of a kill or reduce that also cancels the working entries: <c>kill+entries</c>.</summary>
    public const string CancelEntriesSuffix = "+entries";

    /// <summary>Splits a queued kind into the command, the symbol it is for (null for the whole bot) and whether it cancels the working entries.</summary>
    public static (string Kind, string? Symbol, bool CancelEntries) Split(string queued)
    {
        var colon = queued.IndexOf(':', StringComparison.Ordinal);
        var (kind, symbol) = colon < 0 ? (queued, (string?)null) : (queued[..colon], queued[(colon + 1)..]);
        return kind.EndsWith(CancelEntriesSuffix, StringComparison.Ordinal)
            ? (kind[..^CancelEntriesSuffix.Length], symbol, true)
            : (kind, symbol, false);
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
