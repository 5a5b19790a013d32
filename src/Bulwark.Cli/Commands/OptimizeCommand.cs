using System.CommandLine;
using System.Globalization;
using Bulwark.Backtest.Optimization;
using Bulwark.Backtest.Reports;
using Bulwark.Storage;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark optimize --strategy NAME --param period=5..44 [--param k=a|b ...] --data FILE[,FILE] [--cash] [--size]
/// [--asset SYMBOL=CLASS] [--fill next-open|close] [--commission-per-fill X] [--multiplier M] [--margin X] [--no-calendar] [--parallel N] [--walk-forward train=N,test=M[,anchored][,plateau]] [--cost-grid a,b%,cbps] [--sample N [--seed S]] [--top K] [--json]`:
/// one backtest per parameter combination, in parallel, as a table sorted best first (or JSON
/// <c>{ rows, walkForward, costGrid }</c>). The cost grid re-runs the rows shown (successful ones) per cost.
/// </summary>
internal static partial class OptimizeCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = $"One of {string.Join(", ", StrategyCatalog.KnownNames)}", Required = true };
        var param = new Option<string[]>("--param") { Description = "A parameter, repeatable: k=v, k=a..b, k=a..b:step (decimals too, e.g. spacingPercent=0.5..2:0.25) or k=v1|v2", HelpName = "K=SPEC" };
        var data = new BarDataOptions(BarDataOptions.Files());
        var account = new AccountOptions();
        var exchange = ExchangeOption.Create();
        var asset = AssetOption.Create("One class per run: optimize trades one account (backtest runs several as workflows)");
        var group = GroupOption.Create();
        var noCalendar = new Option<bool>("--no-calendar") { Description = "Do not skip bars outside the exchange's sessions" };
        var parallel = new Option<int>("--parallel") { Description = "Backtests at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var walkForward = new Option<string?>("--walk-forward") { Description = "Rolling walk-forward validation, window sizes in bar times (with several symbols, train=252 is 252 bars of each); with ',anchored' every train window starts at the first bar and grows, so each choice sees all the history before its test window; with ',plateau' each window chooses its train grid's steadiest combination (the best mean with its neighbours) rather than its best row", HelpName = "train=N,test=M[,anchored][,plateau]" };
        var costGrid = new Option<string?>("--cost-grid")
        {
            Description = "Costs to re-run the rows shown with, each replacing that cost of the run: a commission per fill (2.5), " +
                "per share (0.005/share), in percent of notional (0.1%), slippage in basis points (5bps) or the yearly financing of every " +
                "short (3%/short, a borrow fee) or long (5%/long) held overnight, or market impact at a whole bar's volume (10%/impact, as --impact)",
            HelpName = "A,B,C",
        };
        var rankBy = new Option<string>("--rank-by")
        {
            Description = "What makes a row best (and a walk-forward window's pick): value (final value), sharpe, return-over-drawdown, or sortino (the Sharpe ratio with only the downside's swings counted)",
            HelpName = "value|sharpe|return-over-drawdown|sortino",
            DefaultValueFactory = _ => "value",
        };
        var minTrades = new Option<int?>("--min-trades")
        {
            Description = "Rank rows with fewer round trips (flat to flat) after every row with as many: two lucky trades are no result; a walk-forward window with none trades nothing",
            HelpName = "N",
        };
        var maxDrawdown = new Option<decimal?>("--max-drawdown")
        {
            Description = "Rank rows whose drawdown went deeper than P percent after every row within it; a walk-forward window with none trades nothing",
            HelpName = "P",
        };
        var sample = new Option<int>("--sample")
        {
            Description = "Run only N combinations of the grid, drawn at random without replacement (0: all); the walk-forward's windows run the same N",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<int?>("--seed") { Description = "The seed of --sample's draw, to draw the same combinations again (default: a new one, printed)", HelpName = "S" };
        var top = new Option<int>("--top") { Description = "Show only the best K rows (0: all)", DefaultValueFactory = _ => 0 };
        var report = new Option<string>("--report")
        {
            Description = "Write a self-contained HTML report to this file: the ranking figure over the grid (a heatmap over two varied parameters, a profile over one) and the rows",
            HelpName = "FILE",
        };
        var json = CommonOptions.Json();
        var command = new Command("optimize", "Run a strategy over a parameter grid in parallel; optional walk-forward and cost sensitivity")
        {
            strategy, param, exchange, asset, group, noCalendar, parallel, walkForward, costGrid, rankBy, minTrades, maxDrawdown, sample, seed, top, report, json,
        };
        foreach (var option in data.All.Concat(account.All)) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            // --bot is a common option; here it would be ignored, and a user would believe their bot was optimized.
            if (parse.GetValue(CommonOptions.Bot) is not null)
                throw new UsageException("--bot: optimize runs one strategy's parameter grid (--strategy, --param); to test a configured bot use backtest --bot");
            var name = parse.GetValue(strategy)!;
            if (!StrategyCatalog.KnownNames.Contains(name))
                throw new UsageException($"--strategy: unknown '{name}'; known: {string.Join(", ", StrategyCatalog.KnownNames)}");
            var grid = Grid(parse.GetValue(param) ?? []);
            var (sampleSize, sampleSeed) = (parse.GetValue(sample), parse.GetValue(seed));
            GridSample.Check(sampleSize, sampleSeed);
            var parallelism = parse.GetValue(parallel);
            if (parallelism < 1) throw new UsageException("--parallel must be >= 1");
            var topK = parse.GetValue(top);
            if (topK < 0) throw new UsageException("--top must be >= 0");
            var rank = Rank(parse.GetValue(rankBy));
            var constraints = Constraints(parse.GetValue(minTrades), parse.GetValue(maxDrawdown));
            var windows = WindowSizes(parse.GetValue(walkForward));
            var costs = Costs(parse.GetValue(costGrid));
            var settings = account.Read(parse);
            settings.CheckSizingApplies(name);
            var inputs = data.Load(parse);
            var calendar = ExchangeOption.Read(parse, exchange);
            var options = inputs.Options(calendar.Code, settings, parse.GetValue(noCalendar), parse.GetValue(asset), parse.GetValue(group));
            if (settings.TickSize is not null) CoarseTick.Warn(inputs, options.Instruments.Values, "--tick-size");
            QuoteCurrency.Warn(options.Instruments.Values, settings.Cash);
            if (options.Instruments.Values.Select(i => i.AssetClass).Distinct().Count() > 1)
                throw new UsageException("--asset: optimize runs the grid on one account, and several asset classes would share it; " +
                    "optimize each class on its own (backtest runs several as isolated workflows)");
            // The symbols in the order the optimizer gives its strategies (Optimizer.RunOneAsync).
            IReadOnlyList<string> symbols = [.. options.Instruments.Keys.Order(StringComparer.Ordinal)];
            var whole = grid; // a sample is drawn among the combinations the strategy accepts, so each of its runs is a row
            grid = GridSample.Of(whole, sampleSize, sampleSeed, i => Optimizer.Accepts(name, symbols, whole.Combination(i), options));
            CashAccountShorts.Warn(name, grid, symbols, settings.AllowShort);
            SlippageOnLimitOrders.Warn(name, settings);
            SlippageOnLimitOrders.Warn(name, costs);
            var bars = inputs.Bars;
            if (bars.Count == 0) throw new UsageException("--data: no bars");
            MissingSessions.Warn(bars, options);
            VolumelessBars.Warn(bars, options, costs);
            var barsBySymbol = TooFewBars.Count(symbols, bars, options.WarmUpBars);
            TooFewBars.WarnNoBars(TooFewBars.Count(symbols, bars, []));
            if (windows is { } w && WalkForward.BarTimes(bars) is var times && w.Train >= times)
                throw new UsageException($"--walk-forward: train={w.Train} leaves no bars to test on ({times} bar times)");

            var rows = await ProgressDisplay.RunAsync($"optimize ({grid.Runs} runs)", (long)bars.Count * grid.Runs, progress =>
                Optimizer.RunAsync(bars, name, grid, options with { Progress = progress }, parallelism, rank, constraints, ct), TimeProvider.System).ConfigureAwait(false);
            // Combinations the strategy refuses (ema-cloud's fastLong not above fastShort) are no results: summed up, not rows.
            var refused = RefusedCombinations.Of(rows);
            var ran = rows.Where(r => r.RefusedBy is null).ToList();
            if (ran.Count == 0)
                throw new UsageException($"--param: {name} refuses every combination of the grid ({grid.Count:N0}): {refused.ByParameter[0].Problem}");
            TooFewBars.Warn(name, ran, symbols, barsBySymbol);
            IReadOnlyList<OptimizationRow> shown = topK > 0 ? [.. ran.Take(topK)] : ran;
            var deflated = DeflatedSharpe.Of(ran);
            var plateau = ParameterPlateau.Of(grid.Axes, ran, rank);
            WalkForwardResult? forward = null;
            if (windows is { } ws)
            {
                forward = await ProgressDisplay.RunAsync("walk-forward", WalkForward.BarsProcessed(bars, grid.Runs, ws.Train, ws.Test, ws.Anchored), progress =>
                    WalkForward.RunAsync(bars, name, grid, options with { Progress = progress }, ws.Train, ws.Test, parallelism, rank, ws.Anchored, ws.Plateau, constraints, ct),
                    TimeProvider.System).ConfigureAwait(false);
            }
            CostGridResult? sensitivity = null;
            if (costs is not null)
            {
                IReadOnlyList<IReadOnlyDictionary<string, string>> chosen = [.. shown.Where(r => r.Ok).Select(r => r.Parameters)];
                sensitivity = await ProgressDisplay.RunAsync("cost grid", (long)bars.Count * chosen.Count * costs.Length, progress =>
                    CostGrid.RunAsync(bars, name, chosen, costs, options with { Progress = progress }, parallelism, ct),
                    TimeProvider.System).ConfigureAwait(false);
            }

            var cash = CashInterestView.Of(settings.CashInterest);
            var run = RunProvenance.Of([], inputs); // each row carries the strategy's parameters it varied
            if (parse.GetValue(report) is { Length: > 0 } reportPath)
            {
                using var html = new StringWriter(Inv);
                OptimizationReport.Write(html, $"{name} over {GridSample.Text(grid)} on {string.Join(", ", symbols)}", grid.Axes, ran,
                    refused.Count, rank, settings.Cash, run.Rows(), forward, sensitivity, grid.IsSample); // every row that ran, whatever --top shows
                await AtomicFile.WriteAllBytesAsync(reportPath, System.Text.Encoding.UTF8.GetBytes(html.ToString()), ct).ConfigureAwait(false);
            }
            if (parse.GetValue(json)) JsonOutput.Write(new
            {
                run,
                strategy = name,
                rankBy = RankNames[rank],
                minTrades = constraints.MinTrades,
                maxDrawdown = constraints.MaxDrawdown,
                sample = grid.IsSample ? new { runs = grid.Runs, combinations = grid.Count, accepted = grid.Accepted, seed = grid.Seed } : null,
                fill = settings.FillName,
                limitFill = settings.LimitFillName,
                volumeCap = settings.VolumeCapPercent,
                commission = settings.CommissionView,
                financing = FinancingView.Of(options),
                cashInterest = cash.CashPercent, // null when the rates change over time: then each with its first day
                cashRates = cash.CashRates,
                cashInterestFree = settings.CashInterestFree > 0m ? settings.CashInterestFree : (decimal?)null,
                rows = shown,
                refused = refused.Count > 0 ? refused : null,
                walkForward = forward,
                costGrid = sensitivity,
                deflatedSharpe = deflated,
                plateau,
            });
            else Print(name, grid, shown, refused, forward, sensitivity, symbols.Count, deflated, plateau, constraints, ran.Count(r => r.Missed is not null));
            return rows.Any(r => r.Ok) ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Where the grid's result holds up: the steadiest combination beside the best row (see <see cref="ParameterPlateau"/>).</summary>
    internal static string PlateauLine(PlateauResult p)
    {
        string Figure(double v) => p.Figure == "return" ? v.ToString("P2", Inv) : v.ToString("0.00", Inv);
        string Params(IReadOnlyDictionary<string, string> parameters) => string.Join(" ", parameters.Select(kv => $"{kv.Key}={kv.Value}"));
        string Others(int cells) => string.Create(Inv, $"{cells - 1} neighbour{(cells == 2 ? "" : "s")}");
        return p.BestIsSteadiest
            ? $"the best row ({Params(p.BestParameters)}) is also the steadiest: {p.Figure} {Figure(p.BestOwn)} alone, {Figure(p.BestMean)} on average with its {Others(p.BestCells)}"
            : $"steadiest: {Params(p.Parameters)}, {p.Figure} {Figure(p.Own)} alone and {Figure(p.Mean)} on average with its {Others(p.Cells)}; " +
              $"the best row ({Params(p.BestParameters)}) has {Figure(p.BestOwn)} alone and {Figure(p.BestMean)} with its {Others(p.BestCells)}";
    }

    private static void Print(string strategy, ParameterGrid grid, IReadOnlyList<OptimizationRow> rows, RefusedCombinations refused,
        WalkForwardResult? forward, CostGridResult? costs, int symbolCount, DeflatedSharpeResult? deflated, PlateauResult? plateau,
        OptimizationConstraints constraints, int missed)
    {
        var names = grid.Axes.Select(a => a.Key).ToList();
        var anyError = rows.Any(r => !r.Ok);
        // Fills of a strategy's other sources (hmm-regime's fallback sma-cross), each a column of its own after fills.
        var others = OtherSources(strategy, rows.Select(r => r.FillsBySource));
        string[] otherHeads = [.. others.Select(o => Head(strategy, o))];
        // What the runs reported besides orders (a grid stopped at its bound, a fallback, a breaker), when any did.
        var anyNotice = rows.Any(r => r.NoticeCounts.Count > 0 || r.OrdersRejected > 0);
        // What holding overnight cost each row, when any paid or earned some: a value beside it that financing moved.
        var anyFinancing = rows.Any(r => r.Financing is { } f && f != 0m);
        var anyInterest = rows.Any(r => r.Interest is { } i && i != 0m); // and what idle cash earned
        // What the fills cost, when any row paid some: a combination that trades more pays more, which its value hides.
        var anyCommission = rows.Any(r => r.Commission is { } c && c != 0m);
        var anySlippage = rows.Any(r => r.Slippage is { } s && s != 0m);
        var anyMissed = rows.Any(r => r.Missed is not null); // the constraint each missed, beside its figures
        List<string[]> table = [["#", .. names, "final value", "return", .. anyFinancing ? (string[])["financing"] : [],
            .. anyInterest ? (string[])["interest"] : [], .. anyCommission ? (string[])["commission"] : [], .. anySlippage ? (string[])["slippage"] : [],
            "sharpe", "sortino", "fills",
            .. otherHeads, "max dd", "ret/dd", .. anyMissed ? (string[])["missed"] : [], .. anyNotice ? (string[])["notices"] : [], .. anyError ? (string[])["error"] : []]];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            table.Add([(i + 1).ToString(Inv), .. names.Select(n => r.Parameters[n]), Money(r.FinalValue), Percent(r.TotalReturn),
                .. anyFinancing ? (string[])[Money(r.Financing)] : [], .. anyInterest ? (string[])[Money(r.Interest)] : [],
                .. anyCommission ? (string[])[Money(r.Commission)] : [], .. anySlippage ? (string[])[Money(r.Slippage)] : [], r.Sharpe is { } sharpe ? sharpe.ToString("0.00", Inv) : "",
                r.Sortino is { } sortino ? sortino.ToString("0.00", Inv) : "", r.Ok ? r.Fills.ToString(Inv) : "",
                .. others.Select(o => r.Ok ? r.FillsBySource.GetValueOrDefault(o).ToString(Inv) : ""), Percent(r.MaxDrawdown),
                r.ReturnOverDrawdown is { } ratio ? ratio.ToString("0.00", Inv) : r.Ok ? "-" : "",
                .. anyMissed ? (string[])[r.Missed ?? ""] : [],
                .. anyNotice ? (string[])[NoticeText(r.NoticeCounts, r.OrdersRejected)] : [], .. anyError ? (string[])[r.Error ?? ""] : []]);
        }
        var notesColumn = table[0].Length - (anyError ? 2 : 1);
        var missedColumn = notesColumn - (anyNotice ? 1 : 0); // text columns: the constraint missed, the notices, the error
        Write(table, [.. anyMissed ? (int[])[missedColumn] : [], .. anyNotice ? (int[])[notesColumn] : [], .. anyError ? (int[])[table[0].Length - 1] : []]);
        if (missed > 0)
            Console.Out.WriteLine(string.Create(Inv, $"{missed:N0} of the rows miss {constraints.Text}: ranked after those that meet them"));
        if (grid.IsSample) Console.Out.WriteLine(GridSample.Line(grid));
        if (anyNotice)
            Console.Out.WriteLine("notices: what each run reported besides its orders, by code, and the orders the venue rejected; a backtest of the row lists them with their times");
        for (var o = 0; o < others.Count; o++)
            Console.Out.WriteLine($"{otherHeads[o]}: the fills of {others[o]}, counted in fills" +
                (others[o].EndsWith(HmmRegimeStrategy.FallbackSuffix, StringComparison.Ordinal) ? $"; it trades while {strategy}'s inputs fail validation" : ""));
        if (refused.Count > 0)
        {
            Console.Out.WriteLine(string.Create(Inv, $"{refused.Count:N0} of {grid.Count:N0} combinations not run: the strategy refuses them"));
            foreach (var p in refused.ByParameter)
                Console.Out.WriteLine(string.Create(Inv, $"  {p.Parameter}: {p.Combinations:N0}, e.g. {p.Example}: {p.Problem}"));
        }
        if (deflated is { Trials: >= 2 } d)
            Console.Out.WriteLine(string.Create(Inv,
                $"the best row's Sharpe {d.Sharpe:0.00} (over {d.Observations:N0} returns) is {Probability(d.ProbabilisticSharpe)} likely above 0 alone (probabilistic Sharpe), {Probability(d.Deflated)} above the {d.ExpectedMaxSharpe:0.00} the best of {d.Trials:N0} trials shows by chance (deflated Sharpe; {IndependentTrials(d)})"));

        if (plateau is not null) Console.Out.WriteLine(PlateauLine(plateau));
        if (forward is not null)
        {
            Console.Out.WriteLine();
            // Intraday windows start and end within days: their bounds need the time as well as the date.
            var intraday = forward.Windows.Any(w => new[] { w.TrainFrom, w.TrainTo, w.TestFrom, w.TestTo }.Any(t => t.UtcDateTime.TimeOfDay != TimeSpan.Zero));
            // With several symbols a window's size counts bar times: every symbol's bar at one time counts once.
            var unit = symbolCount > 1 ? string.Create(Inv, $"bar times (of each of the {symbolCount} symbols)") : "bars";
            Console.Out.WriteLine(string.Create(Inv, $"walk-forward train={forward.TrainBars} test={forward.TestBars} {unit}{(forward.Anchored ? ", anchored (each train window from the first bar)" : "")}{(forward.Plateau ? ", each window choosing its steadiest combination" : "")}{(intraday ? " (times UTC)" : "")}"));
            var testOthers = OtherSources(strategy, forward.Windows.Select(w => w.TestFillsBySource));
            var anyTestNotice = forward.Windows.Any(w => w.TestNoticeCounts is { Count: > 0 } || w.TestOrdersRejected > 0);
            List<string[]> wf = [["window", "train", "test", "parameters", "train return", "test return", "test fills", .. testOthers.Select(o => Head(strategy, o)),
                .. anyTestNotice ? (string[])["test notices"] : []]];
            foreach (var w in forward.Windows)
                // The last window tests on the bars left, often fewer than test=M: its return is of a shorter span.
                wf.Add([w.Number.ToString(Inv), Range(w.TrainFrom, w.TrainTo, intraday),
                    Range(w.TestFrom, w.TestTo, intraday) + (w.TestBars < forward.TestBars ? string.Create(Inv, $" (last {w.TestBars} {(symbolCount > 1 ? "bar times" : "bars")})") : ""),
                    w.Parameters is null ? w.Error ?? "" : string.Join(" ", w.Parameters.Select(p => $"{p.Key}={p.Value}")),
                    Percent(w.TrainReturn), Percent(w.TestReturn), w.TestReturn is null ? "" : w.TestFills.ToString(Inv),
                    .. testOthers.Select(o => w.TestFillsBySource is { } f ? f.GetValueOrDefault(o).ToString(Inv) : ""),
                    .. anyTestNotice ? (string[])[w.TestNoticeCounts is { } n ? NoticeText(n, w.TestOrdersRejected) : ""] : []]);
            Write(wf, [1, 2, 3, .. anyTestNotice ? (int[])[wf[0].Length - 1] : []]);
            var testFills = forward.Windows.Sum(w => (long)w.TestFills);
            foreach (var other in testOthers)
                if (forward.Windows.Sum(w => w.TestFillsBySource?.GetValueOrDefault(other) ?? 0) is var by && by == testFills && by > 0)
                    Console.Out.WriteLine($"every test fill was {other}'s: the walk-forward tested it, not {strategy} itself");
            Console.Out.WriteLine(string.Create(Inv, $"out-of-sample return {forward.OutOfSampleReturn:P2}"));
            Console.Out.WriteLine(forward.Efficiency is { } wfe
                ? string.Create(Inv, $"walk-forward efficiency {wfe:P0} (out-of-sample gain per bar over the chosen parameters' in-sample gain per bar; near 100% the edge held, near 0 or below it was fitted to noise)")
                : "walk-forward efficiency n/a (the chosen parameters gained nothing in sample)");
        }

        if (costs is not null)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine(costs.Costs.All(c => c.Kind == TransactionCostKind.CommissionPerFill)
                ? "final value by commission per fill"
                : "final value by cost (each replaces that cost of the run: N commission per fill, N/share per share, N% of notional, Nbps slippage, N%/long or N%/short the yearly financing of every long or short held overnight, N%/impact market impact)");
            List<string[]> cg = [[.. names, .. costs.Costs.Select(c => "cost " + c.Label)]];
            foreach (var row in costs.Rows) cg.Add([.. names.Select(n => row.Parameters[n]), .. row.FinalValues.Select(Money)]);
            Write(cg, []);
        }
    }

    private static string Probability(double? p) => p is { } v ? v.ToString("P0", Inv) : "n/a";

    /// <summary>"their returns correlate 0.83 on average, so they count as 7.6 independent ones", or why they count as all.</summary>
    internal static string IndependentTrials(DeflatedSharpeResult d) => d.MeanCorrelation is { } r
        ? string.Create(Inv, $"their returns correlate {r:0.00} on average, so they count as {d.EffectiveTrials:0.#} independent ones")
        : "counted as independent, which is strict: neighbouring combinations trade alike";

    /// <summary>
    /// A run's orders the venue rejected, then its notices by code, the most frequent first: "10 rejected by the venue,
    /// 16 GridStopped, 3 GridLevelBusy".
    /// </summary>
    private static string NoticeText(IReadOnlyDictionary<string, int> counts, long rejected) =>
        string.Join(", ", (rejected > 0 ? [string.Create(Inv, $"{rejected} rejected by the venue")] : Array.Empty<string>())
            .Concat(counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(Inv, $"{c.Value} {c.Key}"))));

    /// <summary>Aligned columns: numbers right-aligned, the <paramref name="leftAligned"/> (text) columns left-aligned.</summary>
    private static void Write(List<string[]> table, int[] leftAligned)
    {
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        foreach (var row in table)
        {
            var cells = row.Select((cell, c) => leftAligned.Contains(c) ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            Console.Out.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", Inv) : "";
    private static string Percent(decimal? value) => value is { } v ? v.ToString("P2", Inv) : "";
    /// <summary>The sources other than the strategy's own that filled anything (hmm-regime's fallback), in name order.</summary>
    private static List<string> OtherSources(string strategy, IEnumerable<IReadOnlyDictionary<string, long>?> fillsBySource) =>
        [.. fillsBySource.SelectMany(f => f?.Keys ?? []).Where(s => s != strategy).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A column for a strategy's other source: "fallback" for "hmm-regime:fallback".</summary>
    private static string Head(string strategy, string source) =>
        source.StartsWith(strategy + ":", StringComparison.Ordinal) ? source[(strategy.Length + 1)..] : source;

    private static string Range(DateTimeOffset from, DateTimeOffset to, bool withTime)
    {
        var format = withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd";
        return $"{from.UtcDateTime.ToString(format, Inv)}..{to.UtcDateTime.ToString(format, Inv)}";
    }
}
