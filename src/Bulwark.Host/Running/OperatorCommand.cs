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
