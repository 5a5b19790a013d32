using System.Text;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;

namespace Bulwark.Cli;

/// <summary>
/// --export DIR: the run's equity curve, trades, orders, monthly returns and notices as CSV files in DIR (created if missing). Each file is
/// written beside its final name and renamed over it, so a reader never sees half a file.
/// </summary>
internal static class CsvExportFiles
{
    /// <returns>The paths written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, BacktestResult result, BacktestMetrics metrics,
        CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--export: cannot create the directory '{directory}': {ex.Message}");
        }
        return
        [
            await WriteOneAsync(Path.Combine(directory, CsvExport.EquityFile), w => CsvExport.WriteEquity(w, result.EquityCurve, metrics.Benchmark), cancellationToken).ConfigureAwait(false),
            await WriteOneAsync(Path.Combine(directory, CsvExport.TradesFile), w => CsvExport.WriteTrades(w, metrics.TradeList), cancellationToken).ConfigureAwait(false),
            await WriteOneAsync(Path.Combine(directory, CsvExport.OrdersFile), w => CsvExport.WriteOrders(w, result.Orders), cancellationToken).ConfigureAwait(false),
            await WriteOneAsync(Path.Combine(directory, CsvExport.MonthlyFile), w => CsvExport.WriteMonthly(w, metrics.MonthlyReturns), cancellationToken).ConfigureAwait(false),
            await WriteOneAsync(Path.Combine(directory, CsvExport.NoticesFile), w => CsvExport.WriteNotices(w, result.Notices), cancellationToken).ConfigureAwait(false),
        ];
    }

    private static async Task<string> WriteOneAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
        {
            write(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
