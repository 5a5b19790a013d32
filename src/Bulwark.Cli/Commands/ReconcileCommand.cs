using System.CommandLine;
using Bulwark.Core.Reconciliation;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark reconcile`: exit 0 when the engine and the venue agree, 1 with the differences listed.</summary>
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
                JsonOutput.Write(new { inSync, bots = reports.Select(r => new { id = r.Bot, r.Report.InSync, r.Report.Discrepancies, r.Report.Positions, r.Report.EngineOpenOrders, r.Report.VenueOpenOrders }) });
            else
                foreach (var (bot, report) in reports)
                {
                    Console.Out.WriteLine($"{bot}: {(report.InSync ? "in sync" : $"{report.Discrepancies.Count} discrepancies")}");
                    foreach (var p in report.Positions) Console.Out.WriteLine($"  {p.Symbol}: engine {p.EngineQuantity}, venue {p.VenueQuantity}{(p.Matches ? "" : "  <-- differs")}");
                    foreach (var d in report.Discrepancies) Console.Out.WriteLine($"  ! {d}");
                }
            return inSync ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
