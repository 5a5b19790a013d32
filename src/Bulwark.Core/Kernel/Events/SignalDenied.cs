using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Events;

public sealed record SignalDenied(string SignalId, string Source, string Symbol, DenyReason Reason, string Detail) : BotEvent;
