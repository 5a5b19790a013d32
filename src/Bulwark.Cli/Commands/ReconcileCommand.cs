using System.CommandLine;
using System.Globalization;
using Bulwark.Core.Reconciliation;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark reconcile`: exit 0 when the engine's and the venue's positions and open orders agree, 1 with the differences
/// listed. The cash of both is shown; a cash difference is a warning (~), not a failure.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("reconcile", "Compare engine and venue positions and open orders") { json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var reports = new List<(string Bot, ReconciliationReport Report)>();
            foreach (var (bot, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
                reports.Add((bot.Id, await ReconcileService.RunAsync(bot, paths, ctx.Time, ct).ConfigureAwait(false)));
            var inSync = reports.All(r => r.Report.InSync);
            if (parse.GetValue(json))
                JsonOutput.Write(new
                {
                    inSync,
                    bots = reports.Select(r => new
                    {
                        id = r.Bot, r.Report.InSync, r.Report.Discrepancies, r.Report.Positions, r.Report.EngineOpenOrders, r.Report.VenueOpenOrders,
                        r.Report.EngineCash, r.Report.VenueCash, r.Report.Warnings,
                    }),
                });
            else
                foreach (var (bot, report) in reports)
                {
                    Console.Out.WriteLine($"{bot}: {(report.InSync ? "in sync" : $"{report.Discrepancies.Count} discrepancies")}");
                    foreach (var p in report.Positions) Console.Out.WriteLine($"  {p.Symbol}: engine {p.EngineQuantity}, venue {p.VenueQuantity}{(p.Matches ? "" : "  <-- differs")}");
                    foreach (var d in report.Discrepancies) Console.Out.WriteLine($"  ! {d}");
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  cash: engine {report.EngineCash}, venue {(report.VenueCash is { } v ? v.ToString(CultureInfo.InvariantCulture) : "not reported")}"));
                    foreach (var w in report.Warnings) Console.Out.WriteLine($"  ~ {w}");
                }
            return inSync ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
