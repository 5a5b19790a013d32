using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Events;

/// <summary>A strategy's limit order request refused before any order existed (kill switch, bad request, reduce-only...).</summary>
public sealed record OrderPlacementDenied(string RequestId, string Source, string Symbol, DenyReason Reason, string Detail) : BotEvent;
