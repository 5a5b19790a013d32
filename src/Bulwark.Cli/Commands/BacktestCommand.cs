using System.CommandLine;
using System.Globalization;
using System.Text;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;
using Bulwark.Backtest.Workflows;
using Bulwark.Core.Calendar;
using Bulwark.Core.Strategies;
using Bulwark.Storage;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark backtest --strategy NAME [--param k=v ...] --data FILE[,FILE] [--cash 10000] [--size 1]
/// [--fill next-open|close] [--commission-per-fill X] [--multiplier M] [--margin X] [--exchange XNYS] [--no-calendar]
/// [--report out.html] [--json]`: the strategy on history through the same kernel and paper venue as live trading, with
/// its metrics and round trips (and, with --report, a self-contained HTML report written atomically). --margin above 0
/// accounts the instruments futures-like (margin per contract, marked to market at every close). Bars outside the exchange's sessions are skipped unless
/// --no-calendar is given (for synthetic or 24/7 data).
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = $"One of {string.Join(", ", StrategyCatalog.KnownNames)}", Required = true };
        var param = new Option<string[]>("--param") { Description = "A strategy parameter, repeatable: key=value", HelpName = "K=V" };
        var data = new Option<string>("--data") { Description = "CSV bar files, comma-separated; the symbol is the file name", HelpName = "FILE[,FILE]", Required = true };
        var account = new AccountOptions();
        var exchange = new Option<string>("--exchange") { Description = $"Calendar of the instruments: {string.Join(", ", ExchangeCalendars.Codes)}", DefaultValueFactory = _ => ExchangeCalendars.Nyse };
        var noCalendar = new Option<bool>("--no-calendar") { Description = "Do not skip bars outside exchange sessions" };
        var asset = new Option<string[]>("--asset")
        {
            Description = "A symbol's asset class, repeatable (default equity). Several classes run as isolated workflows, one account each",
            HelpName = "SYMBOL=CLASS",
        };
        var report = new Option<string>("--report") { Description = "Write a self-contained HTML report to this file (one per workflow: FILE with the workflow's name before the extension)", HelpName = "FILE" };
        var journalFile = new Option<string>("--journal") { Description = "Also journal every event of the run to this new SQLite file (to inspect or verify it)", HelpName = "FILE" };
        var json = CommonOptions.Json();
        var command = new Command("backtest", "Run a strategy over CSV bars through the real kernel and the paper venue")
        {
            strategy, param, data, exchange, noCalendar, asset, report, journalFile, json,
        };
        foreach (var option in account.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!ExchangeCalendars.TryGet(parse.GetValue(exchange), out var calendar))
                throw new UsageException($"--exchange: unknown '{parse.GetValue(exchange)}'; known: {string.Join(", ", ExchangeCalendars.Codes)}");
            var settings = account.Read(parse);
            var inputs = BacktestInputs.Load(parse.GetValue(data)!);
            var options = inputs.Options(calendar.Code, settings, parse.GetValue(noCalendar), parse.GetValue(asset));
            var (symbols, bars) = (inputs.Symbols, inputs.Bars);
            var name = parse.GetValue(strategy)!;
            var parameters = Params(parse.GetValue(param) ?? []);
            var built = StrategyCatalog.Build(name, name, symbols, parameters);
            if (!built.Ok) throw new UsageException(string.Join("; ", built.Problems));

            var workflows = WorkflowRunner.ByAssetClass(bars, options, s => [StrategyCatalog.Build(name, name, s, parameters).Strategy
                ?? throw new InvalidOperationException($"strategy '{name}' could not be built for {string.Join(", ", s)}")]);
            var journalPath = parse.GetValue(journalFile);
            if (workflows.Count > 1)
            {
                if (journalPath is not null) throw new UsageException("--journal: one file cannot hold several workflows; run each asset class on its own");
                return await RunWorkflowsAsync(workflows, name, settings, parse.GetValue(report), parse.GetValue(json), ct).ConfigureAwait(false);
            }

            if (journalPath is not null && File.Exists(journalPath))
                throw new UsageException($"--journal: '{journalPath}' already exists; a backtest journals into a new file");
            await using var journal = journalPath is null ? null
                // Research output: it must survive the process, not a power cut, so it need not fsync every bar's commit.
                : await SqliteJournal.OpenAsync(journalPath, new SqliteJournalOptions { SyncEveryCommit = false }, TimeProvider.System, ct).ConfigureAwait(false);
            var progress = new BacktestProgress(bars.Count);
            var result = await ProgressDisplay.RunAsync("backtest", progress,
                BacktestEngine.RunAsync(bars, [built.Strategy], options with { Progress = progress, Journal = journal }, ct),
                TimeProvider.System).ConfigureAwait(false);

            var metrics = MetricsCalculator.Compute(result, bars);
            if (parse.GetValue(report) is { Length: > 0 } reportPath)
                await WriteReportAsync(reportPath, $"{name} on {string.Join(", ", symbols)}", result, metrics, bars, ct).ConfigureAwait(false);
            if (parse.GetValue(json)) JsonOutput.Write(BacktestOutput.View(result, metrics, settings));
            else BacktestOutput.Print(result, metrics, parse.GetValue(report));
            if (result.StrategyFailures.Count == 0) return ExitCodes.Ok;
            // The kernel switched the failing strategy off and carried on: what was printed is not the strategy's result.
            foreach (var failure in result.StrategyFailures)
                await Console.Error.WriteLineAsync($"bulwark: strategy failed: {failure}").ConfigureAwait(false);
            return ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Several asset classes: each its own workflow and account; a failing one is named, the others report.</summary>
    private static async Task<int> RunWorkflowsAsync(IReadOnlyList<BacktestWorkflow> workflows, string strategyName,
        AccountSettings settings, string? reportPath, bool json, CancellationToken ct)
    {
        var outcomes = await WorkflowRunner.RunAsync(workflows, Environment.ProcessorCount, ct).ConfigureAwait(false);
        var views = new List<object>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (workflow, outcome) = (workflows[i], outcomes[i]);
            if (outcome.Result is not { } result)
            {
                views.Add(new { outcome.Name, outcome.Symbols, Error = outcome.Failure });
                if (!json) await Console.Error.WriteLineAsync($"bulwark: workflow '{outcome.Name}' ({string.Join(", ", outcome.Symbols)}) failed: {outcome.Failure}").ConfigureAwait(false);
                continue;
            }
            var metrics = MetricsCalculator.Compute(result, workflow.Bars);
            string? written = null;
            if (reportPath is { Length: > 0 })
            {
                written = Path.Combine(Path.GetDirectoryName(reportPath) ?? "",
                    $"{Path.GetFileNameWithoutExtension(reportPath)}.{outcome.Name}{Path.GetExtension(reportPath)}");
                await WriteReportAsync(written, $"{strategyName} on {string.Join(", ", outcome.Symbols)} ({outcome.Name})", result, metrics,
                    workflow.Bars, ct).ConfigureAwait(false);
            }
            views.Add(new { outcome.Name, outcome.Symbols, Error = (string?)null, Backtest = BacktestOutput.View(result, metrics, settings) });
            if (!json)
            {
                Console.Out.WriteLine($"== {outcome.Name} ({string.Join(", ", outcome.Symbols)}) ==");
                BacktestOutput.Print(result, metrics, written);
            }
        }
        if (json) JsonOutput.Write(new { Workflows = views });
        return outcomes.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static async Task WriteReportAsync(string path, string title, BacktestResult result, BacktestMetrics metrics,
        IReadOnlyList<Core.Model.Bar> bars, CancellationToken ct)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(html, result, metrics, bars, title);
        await AtomicFile.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(html.ToString()), ct).ConfigureAwait(false);
    }

    private static Dictionary<string, string> Params(string[] pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UsageException($"--param '{pair}': expected key=value");
            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }
}
