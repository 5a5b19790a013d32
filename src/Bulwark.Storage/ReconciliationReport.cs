namespace Bulwark.Storage;

/// <summary>A stored reconciliation report. <see cref="ReportJson"/> holds the details; the rest is for quick queries.</summary>
public sealed record ReconciliationReport(long Id, DateTimeOffset Time, bool InSync, int DiscrepancyCount, string ReportJson);
