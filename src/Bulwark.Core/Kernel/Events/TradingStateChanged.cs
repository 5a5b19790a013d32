using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Events;

public sealed record TradingStateChanged(TradingState State, string Reason) : BotEvent;
