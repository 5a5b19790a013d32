using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>
/// The promise Bulwark is built on: SIGKILL the running bot at random moments, restart it each time, and
/// nothing is lost or duplicated. The kill moments come from a seeded random schedule (printed on failure).
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private static int Cycles => int.TryParse(Environment.GetEnvironmentVariable("BULWARK_CRASH_CYCLES"),
        NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20;

    /// <param name="trailingStop">A trailing stop for fast-b's positions (a tight one: on minute bars it is replaced and hit
    /// often, so kills land between a stop's cancel and its replacement, and between an exit and the stop it waits for),
    /// with a take-profit as tight beside it in one one-cancels-other group (so kills land between a fill of one and the
    /// venue's cancel of the other, which the venue does in the fill's own transaction), the trail held back by a fixed
    /// stop until the best close is a hundredth of a percent up (an activated trail's level a restart must keep); in the third case, instead of the
    /// percent take-profit, a trail in average true ranges of more bars than the strategy needs, so each restart sees signals
    /// denied until the range is known again while the stops at the venue stay; both trails follow the bars' highs there,
    /// whose best a restart forgets (the working stop keeps the level), with a break-even that moves the stop to the
    /// entry once the best is a hundredth of a percent up, which a restart must keep too, and a take-profit half a range
    /// above the entry, whose level a restart reads back from the venue (the range is not journaled). In the last case the take-profit
    /// is a ladder of two steps, each selling 40% of the position (a scale-out), so kills land between a step's fill and
    /// the stop for the rest, and between the steps: the steps taken are journaled with the position, and a restart must
    /// keep them (never more take-profits filled in a round trip than the ladder has steps).</param>
    /// <param name="share">The part of <see cref="Cycles"/> to run (the suite's time is shared).</param>
    /// <param name="timeStop">A time stop for fast-a's positions, in days (0.004: about six minute bars), so kills land
    /// between a time that is up and its exit, whose clock a restart must keep.</param>
    /// <param name="drawdownStop">A drawdown stop in percent (0.02: twenty dollars of the hundred thousand, so it trips in
    /// the first lives): once tripped, no life after it may open anything, whatever the kills.</param>
    /// <param name="flatten">The operator's flatten, asked between lives of a bot holding a position (written into its
    /// journal), so that the next life starts by closing everything, killed just after its start-up (in a market thin
    /// enough that its closes fill over several bars, so they are still working) in up to two lives: the lives after it must carry it out, never buy while it is under way or after it, never sell a share
    /// twice, and end flat and reduce-only. Until a kill has landed in a flatten under way, the bot is resumed after a
    /// flatten that completed in one life, and flattened again once it holds a position.</param>
    [Theory]
    [InlineData(null, 1.0, null, null, false)]
    [InlineData("0.02, takeProfitPercent: 0.03, stopLossPercent: 0.05, trailActivationPercent: 0.01", 0.5, null, null, false)]
    [InlineData("0.02, trailingStopAtr: 1, atrPeriod: 20, trailFrom: extreme, breakEvenPercent: 0.01, takeProfitAtr: 0.5", 0.3, null, null, false)]
    [InlineData(null, 0.3, "0.004", null, false)]
    [InlineData("0.05, takeProfitPercent: 0.015, stopLossPercent: 0.06, scaleOutPercent: 40, scaleOutSteps: 2", 0.3, null, null, false)]
    [InlineData(null, 0.2, null, "0.02", false)]
    [InlineData(null, 0.2, null, null, true)]
    public async Task RunKilledRepeatedly_RecoversWithoutLosingOrDuplicatingAnything(string? trailingStop, double share, string? timeStop,
        string? drawdownStop, bool flatten)
    {
        using var dir = new TempDir();
        var yaml = trailingStop is null ? FastPaperConfig.Yaml
            : FastPaperConfig.Yaml.Replace("params: { period: 4 }", $"params: {{ period: 4, trailingStopPercent: {trailingStop} }}", StringComparison.Ordinal);
        Assert.True(trailingStop is null || yaml != FastPaperConfig.Yaml, "fast-b's line in the configuration is not where this test puts its stop");
        if (timeStop is not null)
        {
            var timed = yaml.Replace("params: { period: 3 }", $"params: {{ period: 3, maxHoldDays: {timeStop} }}", StringComparison.Ordinal);
            Assert.True(timed != yaml, "fast-a's line in the configuration is not where this test puts its time stop");
            yaml = timed;
        }
        if (drawdownStop is not null)
        {
            var stopped = yaml.Replace("tradingHours: { enforce: false }", $"tradingHours: {{ enforce: false }}\n    risk: {{ maxDrawdownPercent: {drawdownStop} }}", StringComparison.Ordinal);
            Assert.True(stopped != yaml, "the bot's tradingHours line is not where this test puts its drawdown stop");
            yaml = stopped;
        }
        if (flatten)
        {
            // Orders fill at most 4 shares a bar (0.4% of a thousand): the closes a flatten sends at start-up fill over
            // several bars, where a kill just after start-up lands, and entries and exits fill in parts too.
            var thin = yaml.Replace("maxVolumeParticipation: 0.5", "maxVolumeParticipation: 0.004", StringComparison.Ordinal);
            Assert.True(thin != yaml, "the venue's maxVolumeParticipation line is not where this test thins the market");
            yaml = thin;
        }
        var config = dir.File("bulwark.yaml", yaml);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var context = $"seed {seed}, trailing stop {trailingStop ?? "none"}, time stop {timeStop ?? "none"}, drawdown stop {drawdownStop ?? "none"}, flatten {flatten}";
        var shortKills = 0;

        // The planned cycles, then more (up to twice as many again) while the kills have not yet landed where the case
        // means them to (a stop both filled and canceled, ...): on a loaded machine a bot killed early in each of its lives
        // may have traded too little for that, and the test would prove less than it says.
        var planned = Math.Max(1, (int)(Cycles * share));
        for (var cycle = 0; cycle < planned || (cycle < 3 * planned && (await Unproven(dir.Path, config, trailingStop, timeStop, drawdownStop, flatten)).Count > 0); cycle++)
        {
            var killEarly = false;
            if (flatten) (killEarly, shortKills) = await FlattenBetweenLivesAsync(dir.Path, config, shortKills, $"{context}, cycle {cycle}");
            using var bot = BulwarkProcess.Start(dir.Path, null, "run", "--config", config);
            // Kill anywhere from mid start-up (recovery, reconciliation) to well into trading; in a flatten's first lives,
            // just after start-up, while the closes it sent at start-up wait for the market's next bars.
            if (killEarly)
            {
                await bot.WaitForOutputAsync("started", CommandTimeout);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 30)));
            }
            else
            {
                await Task.WhenAny(bot.WaitForOutputAsync("started", CommandTimeout), Task.Delay(TimeSpan.FromMilliseconds(random.Next(150, 2_500))));
                // The cycles beyond the planned ones run because the kills have not landed where the case means them to, most
                // often because a loaded machine left short lives too little time to trade: those lives trade a while.
                if (cycle >= planned) await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 2_500)));
                else if (random.Next(3) > 0) await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1_500)));
            }
            Assert.False(bot.HasExited, $"{context}, cycle {cycle}: bulwark exited by itself.\n{bot.StdOut}\n{bot.StdErr}");
            bot.Kill();
        }

        // A last clean run lets the engine settle with the venue, then every invariant must hold.
        var final = await BulwarkProcess.RunAsync(dir.Path, CommandTimeout, "run", "--config", config, "--duration", "3s");
        Assert.True(final.ExitCode == 0, $"{context}: final run failed\n{final.All}");
        Assert.True(final.StdOut.Contains("reconciled in sync", StringComparison.Ordinal), $"{context}: the final run did not reconcile in sync\n{final.All}");

        var verify = await BulwarkProcess.RunAsync(dir.Path, CommandTimeout, "journal", "verify", "--config", config);
        Assert.True(verify.ExitCode == 0, $"{context}: journal verify failed\n{verify.All}");

        var reconcile = await BulwarkProcess.RunAsync(dir.Path, CommandTimeout, "reconcile", "--json", "--config", config);
        Assert.True(reconcile.ExitCode == 0, $"{context}: reconcile not in sync\n{reconcile.All}");
        // Not a cent lost or counted twice either: the engine's cash is the venue's, to the last decimal.
        var books = JsonDocument.Parse(reconcile.StdOut).RootElement.GetProperty("bots")[0];
        Assert.True(books.GetProperty("engineCash").GetDecimal() == books.GetProperty("venueCash").GetDecimal(), $"{context}: cash differs\n{reconcile.StdOut}");
        Assert.Equal(0, books.GetProperty("warnings").GetArrayLength());

        var orders = await JsonOf(dir.Path, config, "venue", "orders", "--json");
        var duplicates = orders.EnumerateArray()
            .Where(o => o.GetProperty("rejectReason").ValueKind == JsonValueKind.String
                        && o.GetProperty("rejectReason").GetString() == "DuplicateClientOrderId")
            .Select(o => o.GetProperty("clientOrderId").GetString()).ToList();
        Assert.True(duplicates.Count == 0, $"{context}: ClientOrderIds sent twice: {string.Join(", ", duplicates)}");
        Assert.True(orders.GetArrayLength() > 0, $"{context}: the bot never traded, so the test proved nothing");

        var unproven = await Unproven(dir.Path, config, trailingStop, timeStop, drawdownStop, flatten);
        Assert.True(unproven.Count == 0, $"{context}: {string.Join("; ", unproven)}, so the test proved less than it says");
        if (trailingStop is not null)
        {
            // One protective stop and one take-profit at most per symbol, none for a flat one, and never a short from a
            // share sold twice.
            var stops = orders.EnumerateArray().Where(o => o.GetProperty("type").GetString() == "Stop").ToList();
            var targets = orders.EnumerateArray().Where(o => o.GetProperty("type").GetString() == "Limit").ToList();
            var positions = await JsonOf(dir.Path, config, "venue", "positions", "--json");
            foreach (var symbol in new[] { "AAA", "BBB" })
            {
                var held = positions.EnumerateArray().Where(p => p.GetProperty("symbol").GetString() == symbol)
                    .Sum(p => p.GetProperty("quantity").GetDecimal());
                Assert.True(held >= 0m, $"{context}: {symbol} is short {held}: a long-only strategy's shares were sold twice");
                foreach (var (exits, what) in new[] { (stops, "stops"), (targets, "take-profits") })
                {
                    var working = exits.Count(o => o.GetProperty("symbol").GetString() == symbol
                                                   && o.GetProperty("status").GetString() is "Accepted" or "PartiallyFilled" or "Submitted");
                    Assert.True(working <= (held > 0m ? 1 : 0), $"{context}: {symbol} holds {held} with {working} {what} working");
                }
            }
        }

        if (LadderSteps(trailingStop) is { } steps)
        {
            var taken = await StepsByRoundTrip(dir.Path, config);
            Assert.True(taken.All(t => t <= steps), $"{context}: take-profits filled per round trip of BBB: {string.Join(", ", taken)}, more than the {steps} steps");
        }

        if (drawdownStop is not null)
        {
            // The guard held through every kill after it: nothing was bought (the strategies are long-only) once it tripped,
            // and the bot is still reduce-only.
            var after = await OrdersAfterTheDrawdownStop(dir.Path, config);
            Assert.NotNull(after);
            Assert.True(after.Value.Buys.Count == 0, $"{context}: bought after the drawdown stop: {string.Join(", ", after.Value.Buys)}");
        }

        if (flatten)
        {
            // Carried out through every kill after it: nothing bought once asked, every position closed (none short: no
            // share sold twice), and the bot reduce-only with no flatten left under way.
            var after = await FlattenLives(dir.Path, config);
            Assert.True(after.Buys.Count == 0, $"{context}: bought while reduce-only after a flatten: {string.Join(", ", after.Buys)}");
            Assert.True(after.Completed, $"{context}: no FlattenCompleted after the last FlattenRequested");
            var positions = await JsonOf(dir.Path, config, "venue", "positions", "--json");
            Assert.True(positions.EnumerateArray().All(p => p.GetProperty("quantity").GetDecimal() == 0m), $"{context}: not flat at the venue: {positions}");
            var bot = (await JsonOf(dir.Path, config, "status", "--json")).GetProperty("bots")[0];
            Assert.Equal(("Reducing", JsonValueKind.Null), (bot.GetProperty("tradingState").GetString(), bot.GetProperty("flattening").ValueKind));
        }

        var venueFills = await JsonOf(dir.Path, config, "venue", "fills", "--json");
        var status = await JsonOf(dir.Path, config, "status", "--json");
        if (drawdownStop is not null)
            Assert.Equal("Reducing", status.GetProperty("bots")[0].GetProperty("tradingState").GetString());
        var engineFills = status.GetProperty("bots")[0].GetProperty("fills").GetInt64();
        Assert.Equal(venueFills.GetArrayLength(), engineFills);
        // What the fills cost, by source, adds up to what the venue charged and slipped: none lost or counted twice.
        var sources = status.GetProperty("bots")[0].GetProperty("sources").EnumerateArray().ToList();
        foreach (var cost in new[] { "commission", "slippage" })
            Assert.True(venueFills.EnumerateArray().Sum(f => f.GetProperty(cost).GetDecimal()) == sources.Sum(s => s.GetProperty(cost).GetDecimal()),
                $"{context}: the sources' {cost} differs from the venue's fills'");
        // And their implementation shortfall is each journaled fill of a market or stop order against its decision price,
        // once: the sources' stats came through kills, snapshots and replays, the sum straight from the journal's events.
        var shortfall = await ShortfallFromJournal(dir.Path, config);
        Assert.True(shortfall == sources.Sum(s => s.GetProperty("implementationShortfall").GetDecimal()),
            $"{context}: the sources' implementation shortfall {sources.Sum(s => s.GetProperty("implementationShortfall").GetDecimal())} differs from the journal's fills' {shortfall}");
    }

    /// <summary>
    /// Every journaled fill of a market or stop order, against the price its order was decided at (its
    /// <c>expectedPrice</c>), adverse positive, times quantity and multiplier; fills of orders the journal does not know
    /// (orphans) count in no source, so not here either.
    /// </summary>
    private static async Task<decimal> ShortfallFromJournal(string cwd, string config)
    {
        var run = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "journal", "events", "--type", "OrderInitialized", "--type", "OrderFilled", "--json", "--config", config);
        Assert.True(run.ExitCode == 0, run.All);
        var decided = new Dictionary<string, (bool Buy, decimal Price)>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var e = record.GetProperty("event");
            var id = e.GetProperty("clientOrderId").GetString()!;
            if (record.GetProperty("type").GetString() == "OrderInitialized")
            {
                if (e.GetProperty("type").GetString() is "Market" or "Stop")
                    decided[id] = (e.GetProperty("side").GetString() == "Buy", e.GetProperty("expectedPrice").GetDecimal());
                continue;
            }
            var quantity = e.GetProperty("quantity").GetDecimal();
            if (quantity <= 0m || !decided.TryGetValue(id, out var order) || order.Price <= 0m) continue;
            var price = e.GetProperty("price").GetDecimal();
            total += (order.Buy ? price - order.Price : order.Price - price) * quantity * e.GetProperty("multiplier").GetDecimal();
        }
        return total;
    }

    /// <summary>
    /// What the case means its kills to land among that has not happened yet: a protective stop (and a take-profit, when
    /// the case has one) both filled and canceled, an entry that waited for the range after a restart (an ATR trail), a
    /// position closed by its time stop. Read from the venue's orders and the journal, between lives of the bot.
    /// </summary>
    private static async Task<List<string>> Unproven(string cwd, string config, string? trailingStop, string? timeStop, string? drawdownStop,
        bool flatten)
    {
        List<string> missing = [];
        if (flatten && !(await FlattenLives(cwd, config)).KilledUnderWay)
            missing.Add("no life of the bot was killed while a flatten was under way, with its closes sent");
        if (drawdownStop is not null && (await OrdersAfterTheDrawdownStop(cwd, config)) is not { Lives: > 1 })
            missing.Add("the drawdown stop did not trip with a life of the bot after it");
        if (trailingStop is not null)
        {
            var orders = await JsonOf(cwd, config, "venue", "orders", "--json");
            var stops = orders.EnumerateArray().Where(o => o.GetProperty("type").GetString() == "Stop").ToList();
            var targets = orders.EnumerateArray().Where(o => o.GetProperty("type").GetString() == "Limit").ToList();
            var exitKinds = trailingStop.Contains("takeProfit", StringComparison.Ordinal)
                ? new[] { (stops, "protective stop"), (targets, "take-profit") } : [(stops, "protective stop")];
            foreach (var (exits, what) in exitKinds)
                if (!exits.Any(o => o.GetProperty("status").GetString() == "Filled") || !exits.Any(o => o.GetProperty("status").GetString() == "Canceled"))
                    missing.Add($"no {what} both filled and canceled");
            if (LadderSteps(trailingStop) is { } steps && !(await StepsByRoundTrip(cwd, config)).Contains(steps))
                missing.Add("no round trip took every step of its ladder");
            if (trailingStop.Contains("Atr", StringComparison.Ordinal))
            {
                var denied = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "journal", "events", "--type", "SignalDenied", "--config", config);
                if (!denied.StdOut.Contains("StopNotReady", StringComparison.Ordinal)) missing.Add("no entry waited for the range after a restart");
            }
        }
        if (timeStop is not null)
        {
            var placed = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "journal", "events", "--type", "OrderInitialized", "--config", config);
            if (!placed.StdOut.Contains("time-stop", StringComparison.Ordinal)) missing.Add("no position was closed by its time stop");
        }
        return missing;
    }

    /// <summary>
    /// After the journal's first drawdown stop: the buy orders initialized (their ClientOrderIds) and how many lives of the
    /// bot started (<c>BotStarted</c>), counting the one it tripped in; null when it never tripped.
    /// </summary>
    private static async Task<(List<string> Buys, int Lives)?> OrdersAfterTheDrawdownStop(string cwd, string config)
    {
        var run = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "journal", "events", "--type", "TradingStateChanged", "--type", "OrderInitialized",
            "--type", "BotStarted", "--json", "--config", config);
        Assert.True(run.ExitCode == 0, run.All);
        var (tripped, lives) = (false, 0);
        List<string> buys = [];
        foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var e = record.GetProperty("event");
            switch (record.GetProperty("type").GetString())
            {
                case "TradingStateChanged" when e.GetProperty("reason").GetString()!.StartsWith("drawdown stop", StringComparison.Ordinal):
                    (tripped, lives) = (true, tripped ? lives : 1);
                    break;
                case "BotStarted" when tripped:
                    lives++;
                    break;
                case "OrderInitialized" when tripped && e.GetProperty("side").GetString() == "Buy":
                    buys.Add(e.GetProperty("clientOrderId").GetString()!);
                    break;
            }
        }
        return tripped ? (buys, lives) : null;
    }

    /// <summary>
    /// Between two lives of the flatten case: once a flatten completed without a kill landing in it, resume the bot; once
    /// it holds a position with none under way, flatten it (written into its journal, the bot being stopped). Whether the
    /// next life is to be killed early: a flatten is under way and it has had fewer than two such lives.
    /// </summary>
    private static async Task<(bool KillEarly, int ShortKills)> FlattenBetweenLivesAsync(string cwd, string config, int shortKills, string context)
    {
        var bot = (await JsonOf(cwd, config, "status", "--json")).GetProperty("bots")[0];
        if (bot.GetProperty("lastSequence").GetInt64() == 0) return (false, shortKills); // never started: no journal yet
        var underWay = bot.GetProperty("flattening").ValueKind != JsonValueKind.Null;
        if (!underWay && !(await FlattenLives(cwd, config)).KilledUnderWay)
        {
            // A flatten that completed in one life: trade again; a position held: flatten it.
            string[]? command = bot.GetProperty("tradingState").GetString() == "Reducing" ? ["resume"]
                : bot.GetProperty("positions").GetArrayLength() > 0 ? ["flatten", "--reason", "crash test"] : null;
            if (command is not null)
            {
                var run = await BulwarkProcess.RunAsync(cwd, CommandTimeout, [.. command, "--config", config]);
                Assert.True(run.ExitCode == 0, $"{context}: {command[0]} failed\n{run.All}");
                (underWay, shortKills) = (command[0] == "flatten", 0);
            }
        }
        return underWay && shortKills < 2 ? (true, shortKills + 1) : (false, shortKills);
    }

    /// <summary>
    /// The journal's flattens: whether a life of the bot was killed while one was under way with its closes sent (two
    /// <c>BotStarted</c> and an <c>operator-flatten</c> order between a request and its completion), the buy orders
    /// initialized while reduce-only after a request (until a resume), and whether the last request was completed.
    /// </summary>
    private static async Task<(bool KilledUnderWay, List<string> Buys, bool Completed)> FlattenLives(string cwd, string config)
    {
        var run = await BulwarkProcess.RunAsync(cwd, CommandTimeout, "journal", "events", "--type", "FlattenRequested", "--type", "FlattenCompleted",
            "--type", "OrderInitialized", "--type", "BotStarted", "--type", "TradingStateChanged", "--json", "--config", config);
        Assert.True(run.ExitCode == 0, run.All);
        var (underWay, reducing, lives, closes, killed, completed) = (false, false, 0, false, false, false);
        List<string> buys = [];
        foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var e = record.GetProperty("event");
            switch (record.GetProperty("type").GetString())
            {
                case "FlattenRequested":
                    (underWay, reducing, completed) = (true, true, false);
                    if (lives == 0) closes = false;
                    break;
                case "FlattenCompleted":
                    killed |= underWay && lives >= 2 && closes;
                    (underWay, lives, closes, completed) = (false, 0, false, true);
                    break;
                case "BotStarted" when underWay:
                    lives++;
                    break;
                case "TradingStateChanged" when e.GetProperty("state").GetString() == "Active":
                    reducing = false;
                    break;
                case "OrderInitialized" when underWay && e.GetProperty("source").GetString() == "operator-flatten":
                    closes = true;
                    break;
                case "OrderInitialized" when reducing && e.GetProperty("side").GetString() == "Buy":
                    buys.Add(e.GetProperty("clientOrderId").GetString()!);
                    break;
            }
        }
        return (killed, buys, completed);
    }

    /// <summary>The steps of the case's ladder of take-profits (scaleOutSteps), or null when it has none.</summary>
    private static int? LadderSteps(string? trailingStop)
    {
        var at = trailingStop?.IndexOf("scaleOutSteps: ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : int.Parse(trailingStop![(at + "scaleOutSteps: ".Length)..].Split(',')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For each round trip of BBB (fast-b's symbol) the venue filled, from flat to flat, how many take-profits (limit
    /// orders: fast-b's entries and exits are market orders) filled in it, each counted once however many parts it filled in.
    /// </summary>
    private static async Task<List<int>> StepsByRoundTrip(string cwd, string config)
    {
        var limits = (await JsonOf(cwd, config, "venue", "orders", "--json")).EnumerateArray()
            .Where(o => o.GetProperty("type").GetString() == "Limit").Select(o => o.GetProperty("clientOrderId").GetString()).ToHashSet(StringComparer.Ordinal);
        var (position, filled, trips) = (0m, new HashSet<string>(StringComparer.Ordinal), new List<int>());
        foreach (var fill in (await JsonOf(cwd, config, "venue", "fills", "--json")).EnumerateArray())
        {
            if (fill.GetProperty("symbol").GetString() != "BBB") continue;
            var id = fill.GetProperty("clientOrderId").GetString()!;
            if (limits.Contains(id)) filled.Add(id);
            position += (fill.GetProperty("side").GetString() == "Buy" ? 1 : -1) * fill.GetProperty("quantity").GetDecimal();
            if (position != 0m) continue;
            trips.Add(filled.Count);
            filled.Clear();
        }
        if (filled.Count > 0) trips.Add(filled.Count); // the round trip still open
        return trips;
    }

    private static async Task<JsonElement> JsonOf(string cwd, string config, params string[] args)
    {
        var run = await BulwarkProcess.RunAsync(cwd, CommandTimeout, [.. args, "--config", config]);
        Assert.True(run.ExitCode == 0, $"bulwark {string.Join(' ', args)} failed\n{run.All}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
