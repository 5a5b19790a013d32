namespace Bulwark.Backtest.Reports;

/// <summary>A point drawn over a chart (a fill): its CSS class and its tooltip text.</summary>
internal readonly record struct ChartMarker(DateTimeOffset Time, decimal Value, string CssClass, string Title);
