using Bulwark.Core.Risk;

namespace Bulwark.Core.Feedback;

/// <summary>
/// The last signal or order placement of a source the kernel denied: when (the kernel's time), the symbol, why, and
/// the detail it gave (what a trader asks first of a bot that stopped trading).
/// </summary>
public sealed record SourceDenial(DateTimeOffset Time, string Symbol, DenyReason Reason, string Detail);
