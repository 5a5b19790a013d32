namespace Bulwark.Core.Kernel.Commands;

/// <summary>Compare with the venue now (positions and open orders) and journal the report.</summary>
public sealed record ReconcileRequest(TaskCompletionSource<Reconciliation.ReconciliationReport>? Done = null) : KernelMessage;
