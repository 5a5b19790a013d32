using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Bulwark.Core.MarketData;
using Bulwark.Core.Strategies;
using Bulwark.Host.Configuration;
using Bulwark.Host.Configuration.Binding;
using Bulwark.Host.MarketData;
using Bulwark.Host.Running;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark run`: start every configured bot, print a status line each second, stop cleanly.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (e.g. 20s, 5m); default: until Ctrl+C/SIGTERM" };
        var command = new Command("run", "Run the configured bots (default: one paper bot on a simulated market)") { duration };
        command.SetAction((parse, ct) => RunAsync(CommonOptions.Context(parse), parse.GetValue(CommonOptions.Bot),
            ParseDuration(parse.GetValue(duration)), ct));
        return command;
    }

    private static TimeSpan? ParseDuration(string? text)
    {
        if (text is null) return null;
        if (DurationParser.TryParse(text, out var value) && value > TimeSpan.Zero) return value;
        throw new UsageException($"--duration: '{text}' is not a duration (e.g. 500ms, 20s, 5m, 1h)");
    }

    private static async Task<int> RunAsync(CliContext ctx, string? only, TimeSpan? duration, CancellationToken ct)
    {
        var bots = ctx.Bots(only).ToList();
        var strategies = new Dictionary<string, IReadOnlyList<IStrategy>>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        foreach (var (bot, index, _) in bots)
        {
            var built = StrategyFactory.Build(bot, index);
            errors.AddRange(built.Errors);
            strategies[bot.Id] = built.Strategies;
        }
        foreach (var (bot, index, _) in bots) CheckData(bot, index, ctx.Time);
        foreach (var (bot, _, _) in bots)
            if (BreakerCooldown.Problem(bot.Risk, bot.Feed.Interval) is { } problem) Console.Error.WriteLine($"bulwark: [{bot.Id}] {problem}");
        if (errors.Count > 0) throw new UsageException("invalid configuration:\n" + string.Join('\n', ConfigErrorFormatter.FormatAll(errors)));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        var calendars = ctx.Config.BuildCalendars();
        var hosts = new List<BotHost>();
        var startFailures = 0;
        try
        {
            foreach (var (bot, _, _) in bots)
            {
                BotHost host;
                try
                {
                    host = await BotHost.StartAsync(bot, strategies[bot.Id], ctx.DataDir, ctx.Config.SnapshotEveryEvents,
                        calendars, ctx.Time, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
                {
                    // Bots are isolated workflows: one that cannot start is named, the others still run.
                    startFailures++;
                    await Console.Error.WriteLineAsync($"bulwark: [{bot.Id}] failed to start: {ex.GetBaseException().Message}").ConfigureAwait(false);
                    continue;
                }
                hosts.Add(host);
                var rec = host.Kernel.LastReconciliation;
                Console.Out.WriteLine(rec is null || rec.InSync
                    ? $"[{bot.Id}] started: recovered, reconciled in sync with the venue"
                    : $"[{bot.Id}] started HALTED: reconciliation found {rec.Discrepancies.Count} discrepancies: {string.Join("; ", rec.Discrepancies)}");
            }
            // --duration counts trading time: from when every bot has recovered and started, not from launch.
            if (duration is { } d) stop.CancelAfter(d);
            var failed = hosts.Count > 0 && await SuperviseAsync(hosts, ctx.Time, stop.Token).ConfigureAwait(false);
            foreach (var host in hosts.Where(h => !h.Completion.IsFaulted)) await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var host in hosts)
            {
                PrintStatus(host, host.Completion.IsFaulted ? "failed" : "stopped");
                if (host.ReplayedBarsSkipped > 0)
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{host.Paths.BotId}] the feed resumed after the venue's last bar: {host.ReplayedBarsSkipped:N0} earlier bars it replayed warmed the strategies up, untraded"));
            }
            return failed || startFailures > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Ok; // stopped while starting
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads CSV feeds whole before anything starts, so bad data is a usage error naming file and line.</summary>
    private static void CheckData(BotConfig bot, int index, TimeProvider time)
    {
        if (bot.Feed.Type != FeedConfig.Csv) return;
        try
        {
            // Read whole, the prices checked against the instruments' ticks on the way (a warning, as in backtest --bot).
            if (FeedFactory.Create(bot.Feed, time) is CsvBarFileFeed feed)
                CoarseTick.Warn(feed.Read(), bot.InstrumentMap(), $"bots[{index}].instruments[].tickSize");
        }
        catch (Exception ex) when (ex is BarDataException or FileNotFoundException)
        {
            throw new UsageException($"bots[{index}].feed: {ex.Message}");
        }
    }

    /// <summary>
    /// Prints a status line per running bot each second until stopped or until every bot has ended by itself. Bots are
    /// isolated: one that fails, or whose finite feed ends, is reported by name and the others go on. True when a bot
    /// failed.
    /// </summary>
    private static async Task<bool> SuperviseAsync(List<BotHost> hosts, TimeProvider time, CancellationToken stop)
    {
        var running = new List<BotHost>(hosts);
        var failed = false;
        while (!stop.IsCancellationRequested && running.Count > 0)
        {
            var tick = Task.Delay(TimeSpan.FromSeconds(1), time, stop);
            var first = await Task.WhenAny(tick, Task.WhenAny(running.Select(h => h.Completion))).ConfigureAwait(false);
            foreach (var ended in running.Where(h => h.Completion.IsCompleted).ToList())
            {
                running.Remove(ended);
                var id = ended.Paths.BotId;
                if (ended.Completion.IsFaulted)
                {
                    failed = true;
                    await Console.Error.WriteLineAsync(
                        $"bulwark: [{id}] failed: {ended.Completion.Exception?.GetBaseException().Message}{(running.Count > 0 ? "; the other bots keep running" : "")}").ConfigureAwait(false);
                }
                else
                {
                    Console.Out.WriteLine($"[{id}] feed ended");
                }
            }
            if (first == tick) foreach (var host in running) PrintStatus(host, "running");
        }
        return failed;
    }

    private static void PrintStatus(BotHost host, string phase)
    {
        var s = host.Summary;
        if (s is null) return;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{s.BotId}] {phase} {s.TradingState} | positions: {(s.Positions.Length == 0 ? "none" : s.Positions)} | open orders {s.OpenOrders} | fills {s.Fills} | signals {s.Signals} | alerts {s.Alerts} | cash {s.Cash:0.00} {s.Currency} | day PnL {s.DailyPnl:0.00} | events {s.LastSequence}"));
    }
}
