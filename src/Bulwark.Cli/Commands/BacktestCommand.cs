using System.CommandLine;
using System.Globalization;
using System.Text;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;
using Bulwark.Backtest.Workflows;
using Bulwark.Core.Strategies;
using Bulwark.Storage;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark backtest (--strategy NAME [--param k=v ...] | --bot ID [--config bulwark.yaml]) --data FILE[,FILE] [--cash 10000]
/// [--data-time-zone ZONE] [--adjusted] [--from DATE] [--to DATE] [--size 1] [--fill next-open|close] [--commission-per-fill X] [--multiplier M] [--margin X] [--exchange XNYS]
/// [--no-calendar] [--report out.html] [--json]`: a strategy, or a configured bot with all its strategies and rules, on
/// history through the same kernel and paper venue as live trading, with its metrics, round trips and what each signal
/// source did (and, with --report, a self-contained HTML report written atomically). --margin above 0 accounts the
/// instruments futures-like (margin per contract, marked to market at every close). Bars outside the exchange's sessions
/// are skipped unless --no-calendar is given (for synthetic or 24/7 data). With --bot, see <see cref="BotBacktest"/>.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = $"One of {string.Join(", ", StrategyCatalog.KnownNames)} (or give --bot)" };
        var param = new Option<string[]>("--param") { Description = "A strategy parameter, repeatable: key=value", HelpName = "K=V" };
        var data = new BarDataOptions(BarDataOptions.Files(botDefault: true));
        var account = new AccountOptions();
        var exchange = ExchangeOption.Create();
        var maxJump = new Option<decimal?>("--max-jump")
        {
            Description = "The data quality stop on jumps: a bar whose close moves more than P% from the last close stops entries and adds in its symbol until a following bar closes within P% of it (with --bot: replaces the bot's dataQuality.maxJumpPercent)",
            HelpName = "P",
        };
        var blackouts = new Option<string>("--blackouts")
        {
            Description = "A CSV file of blackout days (symbol or *, from, to, optional reason and exit): no new entries or adds in a symbol on its days, and with exit=true its position closed at its first bar of them (with --bot: replaces the bot's blackouts)",
            HelpName = "FILE",
        };
        var noCalendar = new Option<bool>("--no-calendar") { Description = "Do not skip bars outside exchange sessions (with --bot: nor enforce the bot's trading hours)" };
        var asset = AssetOption.Create("Several classes run as isolated workflows, one account each");
        var group = GroupOption.Create();
        var report = new Option<string>("--report") { Description = "Write a self-contained HTML report to this file (one per workflow: FILE with the workflow's name before the extension)", HelpName = "FILE" };
        var export = new Option<string>("--export")
        {
            Description = "Also write equity.csv (the account after every bar), trades.csv, orders.csv, monthly.csv and notices.csv to this directory (one subdirectory per workflow)",
            HelpName = "DIR",
        };
        var monteCarlo = new Option<int?>("--monte-carlo")
        {
            Description = $"Resample the closed trades' PnL with replacement this many times ({MonteCarlo.MinRuns}-{MonteCarlo.MaxRuns}) and report the spread of final values and drawdowns: how much of the result was the order the trades came in",
            HelpName = "N",
        };
        var monteCarloBlock = new Option<string?>("--monte-carlo-block")
        {
            Description = "Draw --monte-carlo's trades in runs of this many consecutive ones (in the order they closed, a circular block bootstrap), so streaks of wins and losses up to that long are kept; auto takes the cube root of the closed trades, the usual choice (default: 1, each trade on its own)",
            HelpName = "B|auto",
        };
        var monteCarloSeed = new Option<int>("--monte-carlo-seed") { Description = "The seed of --monte-carlo's draws (default: 1)", DefaultValueFactory = _ => 1, HelpName = "S" };
        var benchmark = new Option<string>("--benchmark")
        {
            Description = "A benchmark's bar file (an index fund's, of the run's bar size), read as --data is: the report and the results then give its return, "
                + "drawdown, and the run's beta, alpha, correlation, tracking error and information ratio against it",
            HelpName = "FILE",
        };
        var rollingWindow = new Option<int?>("--rolling-window")
        {
            Description = $"The rolling Sharpe ratio's window in bars (returns), at least {RollingSharpe.MinGivenWindow} (default: a quarter year's, at least {RollingSharpe.MinWindow}); the run needs two windows of bars for one",
            HelpName = "BARS",
        };
        var journalFile = new Option<string>("--journal") { Description = "Also journal every event of the run to this new SQLite file (to inspect or verify it)", HelpName = "FILE" };
        var json = CommonOptions.Json();
        var command = new Command("backtest", "Run a strategy, or a configured bot (--bot), over CSV bars through the real kernel and the paper venue")
        {
            strategy, param, exchange, noCalendar, maxJump, blackouts, asset, group, report, export, benchmark, journalFile, monteCarlo, monteCarloBlock, monteCarloSeed,
            rollingWindow, json,
        };
        var windows = new EntryWindowOptions();
        foreach (var option in data.All.Concat(account.All).Concat(windows.All)) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var runs = parse.GetValue(monteCarlo);
            if (runs is < MonteCarlo.MinRuns or > MonteCarlo.MaxRuns)
                throw new UsageException($"--monte-carlo must be from {MonteCarlo.MinRuns} to {MonteCarlo.MaxRuns} resamplings (was {runs})");
            if (parse.GetValue(rollingWindow) is < RollingSharpe.MinGivenWindow and var tooShort)
                throw new UsageException($"--rolling-window must be {RollingSharpe.MinGivenWindow} bars or more: a window's deviation needs two returns (was {tooShort})");
            var blockText = parse.GetValue(monteCarloBlock);
            if (blockText is not null && runs is null) throw new UsageException("--monte-carlo-block is how --monte-carlo draws its trades; give --monte-carlo N too");
            int? block = blockText switch
            {
                null => null,
                "auto" => MonteCarlo.AutoBlock,
                _ when int.TryParse(blockText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) && b >= 1 => b,
                _ => throw new UsageException($"--monte-carlo-block must be 1 or more trades, or auto (was {blockText})"),
            };
            var output = new RunOutput(parse.GetValue(journalFile), parse.GetValue(report), parse.GetValue(export), parse.GetValue(json))
            {
                MonteCarloRuns = runs,
                MonteCarloSeed = parse.GetValue(monteCarloSeed),
                MonteCarloBlock = block ?? 1,
                BenchmarkPath = parse.GetValue(benchmark),
                RollingWindow = parse.GetValue(rollingWindow),
            };
            if (parse.GetValue(CommonOptions.Bot) is { } botId)
            {
                if (parse.GetValue(strategy) is not null)
                    throw new UsageException("give --strategy or --bot, not both: --bot runs the bot's own strategies from the configuration");
                RejectWithBot(parse, param, "the strategies' parameters come from the configuration (bots[].strategies[].params)");
                RejectWithBot(parse, asset, "a bot is one account and runs as one workflow; its instruments' asset classes come from the configuration");
                RejectWithBot(parse, group, "each instrument's group comes from the configuration (bots[].instruments[].group)");
                RejectWithBot(parse, exchange, "each instrument's exchange comes from the configuration (bots[].instruments[].exchange)");
                RejectWithBot(parse, account.Multiplier, "each instrument's multiplier comes from the configuration (bots[].instruments[].multiplier)");
                RejectWithBot(parse, account.LotSize, "each instrument's lot comes from the configuration (bots[].instruments[].lotSize)");
                RejectWithBot(parse, account.TickSize, "each instrument's tick comes from the configuration (bots[].instruments[].tickSize)");
                RejectWithBot(parse, account.Margin, "each instrument's margin comes from the configuration (bots[].instruments[].initialMargin)");
                var plan = BotBacktest.Plan(parse, botId, data, account, parse.GetValue(noCalendar));
                if (JumpLimit(parse, maxJump) is { } botJump)
                    plan = plan with { Options = plan.Options with { DataQuality = (plan.Options.DataQuality ?? new()) with { MaxJumpPercent = botJump } } };
                plan = plan with { Options = windows.Apply(parse, plan.Options, plan.Inputs.Bars, parse.GetValue(noCalendar), bot: true) };
                if (parse.GetValue(blackouts) is { } botBlackouts)
                    plan = plan with { Options = plan.Options with { Blackouts = BlackoutFile.Read(botBlackouts, plan.Inputs.Symbols) } };
                CoarseTick.Warn(plan.Inputs, plan.Options.Instruments.Values, "bots[].instruments[].tickSize");
                output = output.WithBenchmark(plan.Inputs);
                return await RunAsync(plan with { Run = output.Provenance(plan.Run) }, output, ct).ConfigureAwait(false);
            }
            var name = parse.GetValue(strategy)
                ?? throw new UsageException("give --strategy NAME (one strategy, with --param k=v) or --bot ID (a configured bot with its strategies, sizing, risk and hours)");
            if (!data.Given(parse)) throw new UsageException("--data is required: the CSV bar files to run the strategy on");

            var calendar = ExchangeOption.Read(parse, exchange);
            var settings = account.Read(parse);
            settings.CheckSizingApplies(name);
            var inputs = data.Load(parse);
            var options = inputs.Options(calendar.Code, settings, parse.GetValue(noCalendar), parse.GetValue(asset), parse.GetValue(group));
            if (JumpLimit(parse, maxJump) is { } jump) options = options with { DataQuality = new Core.MarketData.DataQualityOptions { MaxJumpPercent = jump } };
            options = windows.Apply(parse, options, inputs.Bars, parse.GetValue(noCalendar));
            if (parse.GetValue(blackouts) is { } blackoutFile) options = options with { Blackouts = BlackoutFile.Read(blackoutFile, inputs.Symbols) };
            if (settings.TickSize is not null) CoarseTick.Warn(inputs, options.Instruments.Values, "--tick-size");
            QuoteCurrency.Warn(options.Instruments.Values, settings.Cash);
            var symbols = inputs.Symbols;
            var parameters = Params(parse.GetValue(param) ?? []);
            var built = StrategyCatalog.Build(name, name, symbols, parameters);
            if (!built.Ok)
                throw new UsageException(string.Join("; ", built.Problems.Select(p => p.Key.StartsWith("params.", StringComparison.Ordinal)
                    ? $"--param {p.Key["params.".Length..]}: {p.Message}" : p.ToString()))
                    + (parameters.Values.Any(v => v.Contains("..", StringComparison.Ordinal) || v.Contains('|', StringComparison.Ordinal))
                        ? " (a backtest runs one value of each parameter; `bulwark optimize` takes ranges a..b[:step] and lists v1|v2)" : ""));

            if (settings.Sizing?.CannotSize(built.Strategy!.Protection) == true)
                throw new UsageException($"--risk-percent sizes each entry by the risk to its protective stop, and {name} has none: give it --param stopLossPercent=P, stopLossAtr=K, trailingStopPercent=P or trailingStopAtr=K");
            CashAccountShorts.Warn(name, built.Parameters, settings.AllowShort);
            SlippageOnLimitOrders.Warn(name, settings);
            output = output.WithBenchmark(inputs);
            var run = output.Provenance(RunProvenance.Of([new StrategySetting(name, name, symbols, built.Parameters)], inputs));
            var workflows = WorkflowRunner.ByAssetClass(inputs.Bars, options, s => [StrategyCatalog.Build(name, name, s, parameters).Strategy
                ?? throw new InvalidOperationException($"strategy '{name}' could not be built for {string.Join(", ", s)}")]);
            if (workflows.Count > 1)
            {
                if (output.JournalPath is not null) throw new UsageException("--journal: one file cannot hold several workflows; run each asset class on its own");
                return await RunWorkflowsAsync(workflows, name, settings, output, run, ct).ConfigureAwait(false);
            }
            var single = new BacktestPlan($"{name} on {string.Join(", ", symbols)}", null, inputs, settings, options, [built.Strategy], run);
            return await RunAsync(single, output, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Where a single run's results go: an optional journal file, HTML report and CSV tables; JSON or the table.</summary>
    /// <param name="ExportDirectory">--export: where the CSV tables go; null: not written.</param>
    private sealed record RunOutput(string? JournalPath, string? ReportPath, string? ExportDirectory, bool Json)
    {
        /// <summary>--monte-carlo: how many resampled paths; null: none.</summary>
        public int? MonteCarloRuns { get; init; }

        public int MonteCarloSeed { get; init; } = 1;

        /// <summary>--monte-carlo-block: how many consecutive trades one draw takes.</summary>
        public int MonteCarloBlock { get; init; } = 1;

        /// <summary>--rolling-window: the rolling Sharpe ratio's window in returns; null: a quarter year's.</summary>
        public int? RollingWindow { get; init; }

        /// <summary>Warns when a window was given that the run is too short for: it has no rolling Sharpe ratio then.</summary>
        public async Task WarnIfNoRollingAsync(BacktestMetrics metrics, string prefix = "")
        {
            if (RollingWindow is { } window && metrics.RollingSharpe is null)
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"bulwark: {prefix}--rolling-window {window} is more than half the run's returns (one a bar after the first), so it has no rolling Sharpe ratio")).ConfigureAwait(false);
        }

        /// <summary>--benchmark: the file given; null: none.</summary>
        public string? BenchmarkPath { get; init; }

        /// <summary>The benchmark's bars, once read (<see cref="WithBenchmark"/>).</summary>
        public BenchmarkFile? Benchmark { get; private init; }

        /// <summary>This output with the benchmark read and checked against the run's bars; itself when none was given.</summary>
        /// <exception cref="UsageException">The benchmark file is missing, bad or does not fit the run (see <see cref="BenchmarkFile.Read"/>).</exception>
        public RunOutput WithBenchmark(BacktestInputs inputs)
        {
            if (BenchmarkPath is null) return this;
            var read = BenchmarkFile.Read(BenchmarkPath, inputs);
            read.WarnIfShort(inputs.Bars);
            return this with { Benchmark = read };
        }

        /// <summary>What the run used, with the benchmark's file among it.</summary>
        public RunProvenance Provenance(RunProvenance run) => Benchmark is null ? run : run with { Benchmark = Benchmark.File };

        /// <summary>
        /// The metrics with the resampled spread, when asked for (and the run closed two trades or more), and with the run
        /// against the benchmark, when one was given. A run sized in proportion to the account (a percent of it, or by the
        /// risk to a stop) is resampled compounded (see <see cref="MonteCarlo"/>).
        /// </summary>
        public BacktestMetrics Extend(BacktestMetrics metrics, BacktestResult result, BacktestOptions options) => metrics with
        {
            MonteCarlo = MonteCarloRuns is { } runs ? MonteCarlo.Run(metrics.TradeList, result.StartingCash, runs, MonteCarloSeed,
                options.EffectiveSizing.ScalesWithEquity() ? result.EquityCurve : null, MonteCarloBlock) : null,
            Benchmark = Benchmark is { } benchmark ? BenchmarkComparison.Of(result, benchmark.Symbol, benchmark.Bars) : null,
        };
    }

    private static IReadOnlyList<Core.Strategies.IStrategy>? TryBuild(BacktestWorkflow workflow)
    {
        try
        {
            return workflow.Strategies(workflow.Symbols);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null; // the run says why, as its workflow's failure
        }
    }

    /// <exception cref="UsageException">The option was written on the command line together with --bot.</exception>
    private static void RejectWithBot(ParseResult parse, Option option, string why)
    {
        if (AccountOptions.Given(parse, option)) throw new UsageException($"{option.Name} cannot be combined with --bot: {why}");
    }

    /// <summary>One run (one account): the progress display, then the report, the JSON or the table.</summary>
    private static async Task<int> RunAsync(BacktestPlan plan, RunOutput output, CancellationToken ct)
    {
        if (output.JournalPath is { } journalPath && File.Exists(journalPath))
            throw new UsageException($"--journal: '{journalPath}' already exists; a backtest journals into a new file");
        await using var journal = output.JournalPath is null ? null
            // Research output: it must survive the process, not a power cut, so it need not fsync every bar's commit.
            : await SqliteJournal.OpenAsync(output.JournalPath, new SqliteJournalOptions { SyncEveryCommit = false }, TimeProvider.System, ct).ConfigureAwait(false);
        var bars = plan.Inputs.Bars;
        MissingSessions.Warn(bars, plan.Options);
        VolumelessBars.Warn(bars, plan.Options);
        TooFewBars.Warn(plan.Strategies, plan.Options.Instruments.Keys, bars, plan.Options.WarmUpBars);
        BreakerCooldown.Warn(plan.Options.Risk, bars);
        var result = await ProgressDisplay.RunAsync("backtest", bars.Count, progress =>
            BacktestEngine.RunAsync(bars, plan.Strategies, plan.Options with { Progress = progress, Journal = journal }, ct),
            TimeProvider.System).ConfigureAwait(false);

        var metrics = output.Extend(MetricsCalculator.Compute(result, bars, output.RollingWindow), result, plan.Options);
        await WarnIfMostlySkippedAsync(result, bars, plan.Run).ConfigureAwait(false);
        await output.WarnIfNoRollingAsync(metrics).ConfigureAwait(false);
        if (output.MonteCarloRuns is not null && metrics.MonteCarlo is null)
            await Console.Error.WriteLineAsync($"bulwark: --monte-carlo needs two closed trades or more; this run closed {metrics.Trades}").ConfigureAwait(false);
        if (metrics.MonteCarlo is { } mc && output.MonteCarloBlock != MonteCarlo.AutoBlock && mc.Block < output.MonteCarloBlock)
            await Console.Error.WriteLineAsync($"bulwark: --monte-carlo-block {output.MonteCarloBlock} is more than the {mc.Trades} closed trades; each path is their own order, rotated").ConfigureAwait(false);
        if (output.ReportPath is { Length: > 0 } reportPath)
            await WriteReportAsync(reportPath, plan.Title, result, metrics, bars, plan.Run, ct).ConfigureAwait(false);
        if (output.ExportDirectory is { Length: > 0 } exportDirectory)
            await CsvExportFiles.WriteAsync(exportDirectory, result, metrics, ct).ConfigureAwait(false);
        if (output.Json) JsonOutput.Write(BacktestOutput.View(result, metrics, plan.Account, plan.Options, plan.BotId, plan.Run));
        else BacktestOutput.Print(result, metrics, output.ReportPath, plan.Options, plan.BotId, plan.Run);
        if (result.StrategyFailures.Count == 0) return ExitCodes.Ok;
        // The kernel switched the failing strategy off and carried on: what was printed is not the strategy's result.
        foreach (var failure in result.StrategyFailures)
            await Console.Error.WriteLineAsync($"bulwark: strategy failed: {failure}").ConfigureAwait(false);
        return ExitCodes.Failure;
    }

    /// <summary>Several asset classes: each its own workflow and account; a failing one is named, the others report.</summary>
    private static async Task<int> RunWorkflowsAsync(IReadOnlyList<BacktestWorkflow> workflows, string strategyName,
        AccountSettings settings, RunOutput output, RunProvenance run, CancellationToken ct)
    {
        var (reportPath, json) = (output.ReportPath, output.Json);
        foreach (var workflow in workflows)
        {
            MissingSessions.Warn(workflow.Bars, workflow.Options);
            // Built again inside the run, where a strategy that cannot be built fails its workflow alone.
            if (TryBuild(workflow) is { } strategies) TooFewBars.Warn(strategies, workflow.Options.Instruments.Keys, workflow.Bars, workflow.Options.WarmUpBars);
        }
        var outcomes = await ProgressDisplay.RunAsync($"backtest ({workflows.Count} workflows)", workflows.Sum(w => (long)w.Bars.Count), progress =>
            WorkflowRunner.RunAsync([.. workflows.Select(w => w with { Options = w.Options with { Progress = progress } })],
                Environment.ProcessorCount, ct), TimeProvider.System).ConfigureAwait(false);
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
            var metrics = output.Extend(MetricsCalculator.Compute(result, workflow.Bars, output.RollingWindow), result, workflow.Options);
            await WarnIfMostlySkippedAsync(result, workflow.Bars, run, $"workflow '{outcome.Name}': ").ConfigureAwait(false);
            await output.WarnIfNoRollingAsync(metrics, $"workflow '{outcome.Name}': ").ConfigureAwait(false);
            string? written = null;
            if (reportPath is { Length: > 0 })
            {
                written = Path.Combine(Path.GetDirectoryName(reportPath) ?? "",
                    $"{Path.GetFileNameWithoutExtension(reportPath)}.{outcome.Name}{Path.GetExtension(reportPath)}");
                await WriteReportAsync(written, $"{strategyName} on {string.Join(", ", outcome.Symbols)} ({outcome.Name})", result, metrics,
                    workflow.Bars, run, ct).ConfigureAwait(false);
            }
            if (output.ExportDirectory is { Length: > 0 } exportDirectory)
                await CsvExportFiles.WriteAsync(Path.Combine(exportDirectory, outcome.Name), result, metrics, ct).ConfigureAwait(false);
            views.Add(new { outcome.Name, outcome.Symbols, Error = (string?)null, Backtest = BacktestOutput.View(result, metrics, settings, workflow.Options, null, null) });
            if (!json)
            {
                Console.Out.WriteLine($"== {outcome.Name} ({string.Join(", ", outcome.Symbols)}) ==");
                BacktestOutput.Print(result, metrics, written, workflow.Options, null, null);
            }
        }
        if (json) JsonOutput.Write(new { Run = run, Workflows = views });
        return outcomes.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>
    /// Intraday bars mostly outside the sessions, read with no time zone (no --data-time-zone, nor a bot feed's): the
    /// likeliest cause is exchange-local times read as UTC, which quietly tests a fraction of the data. Said on standard
    /// error, so JSON output stays clean.
    /// </summary>
    private static async Task WarnIfMostlySkippedAsync(BacktestResult result, IReadOnlyList<Core.Model.Bar> bars, RunProvenance run,
        string prefix = "")
    {
        var all = result.BarsProcessed + result.BarsSkipped;
        if (run.DataTimeZone is not null || all == 0 || result.BarsSkipped * 2 < all || bars.Count == 0 || bars[0].IsDaily) return;
        const string Hint = "if the data's times are exchange-local rather than UTC, give --data-time-zone (e.g. America/New_York); " +
                            "for crypto, which trades around the clock, give --asset SYMBOL=crypto (or --exchange CRYPTO), or --no-calendar for other 24-hour data";
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bulwark: {prefix}{result.BarsSkipped} of {all} bars ({100.0 * result.BarsSkipped / all:0}%) fell outside the exchange's sessions and were skipped; {Hint}")).ConfigureAwait(false);
    }

    private static async Task WriteReportAsync(string path, string title, BacktestResult result, BacktestMetrics metrics,
        IReadOnlyList<Core.Model.Bar> bars, RunProvenance run, CancellationToken ct)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(html, result, metrics, bars, title, run.Rows());
        await AtomicFile.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(html.ToString()), ct).ConfigureAwait(false);
    }

    /// <summary>--max-jump P, checked: in (0, 10000]; null when not given.</summary>
    private static decimal? JumpLimit(ParseResult parse, Option<decimal?> option) => parse.GetValue(option) switch
    {
        null => null,
        > 0m and <= 10_000m and var p => p,
        var p => throw new UsageException($"--max-jump must be in (0, 10000] (was {p.Value.ToString(CultureInfo.InvariantCulture)})"),
    };

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
