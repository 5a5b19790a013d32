namespace Bulwark.Core.Kernel.Events;

/// <summary>The submit's outcome is unknown (e.g. timed out after sending). The order stays pending; the venue is queried.</summary>
public sealed record OrderSubmitUnknown(string ClientOrderId, string Detail) : BotEvent;
