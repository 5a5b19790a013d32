using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>The router's final word on a submit, after its retries.</summary>
public sealed record SubmitCompleted(string ClientOrderId, SubmitResult Result, int Attempts) : KernelMessage;
