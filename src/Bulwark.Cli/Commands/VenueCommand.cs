using System.CommandLine;
using System.Globalization;
using Bulwark.Core.Venues;
using Bulwark.Host.Running;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark venue orders|fills|positions`: what the venue itself says, not the engine.</summary>
internal static class VenueCommand
{
    public static Command Create()
    {
        var command = new Command("venue", "Ask the configured venue for its orders, fills or positions");
        command.Subcommands.Add(Sub("orders", "Every order the venue has, including rejected repeats", async (v, ct) =>
            (await v.GetOrdersAsync(openOnly: false, ct).ConfigureAwait(false)).Select(OrderView).ToList<object>()));
        command.Subcommands.Add(Sub("fills", "Every fill the venue made", async (v, ct) =>
            (await v.GetFillsAsync(ct).ConfigureAwait(false)).Cast<object>().ToList()));
        command.Subcommands.Add(Sub("positions", "The venue's positions", async (v, ct) =>
            (await v.GetPositionsAsync(ct).ConfigureAwait(false)).Cast<object>().ToList()));
        return command;
    }

    private static Command Sub(string name, string description, Func<IVenue, CancellationToken, Task<List<object>>> query)
    {
        var json = CommonOptions.Json();
        var command = new Command(name, description) { json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var all = new List<object>();
            foreach (var (bot, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
            {
                var instruments = bot.InstrumentMap();
                var venue = await VenueFactory.OpenAsync(bot.Venue, paths, instruments, ctx.Time, ct).ConfigureAwait(false);
                try { all.AddRange(await query(venue, ct).ConfigureAwait(false)); }
                finally { if (venue is IAsyncDisposable d) await d.DisposeAsync().ConfigureAwait(false); }
            }
            if (parse.GetValue(json)) JsonOutput.Write(all);
            else
            {
                foreach (var item in all) Console.Out.WriteLine(Line(item));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all.Count} {name}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object OrderView(VenueOrder o) => new
    {
        o.ClientOrderId,
        o.VenueOrderId,
        o.Symbol,
        o.Side,
        o.Type,
        o.Quantity,
        o.FilledQuantity,
        o.AverageFillPrice,
        Status = o.Status.ToString(),
        RejectReason = o.RejectCode == VenueRejectCode.None ? null : o.RejectCode.ToString(),
        o.RejectMessage,
        o.CreatedAt,
        o.UpdatedAt,
    };

    private static string Line(object item) => item switch
    {
        VenueFill f => string.Create(CultureInfo.InvariantCulture, $"{f.Time:O} {f.VenueTradeId} {f.ClientOrderId} {f.Side} {f.Quantity} {f.Symbol} @ {f.Price} fee {f.Commission}"),
        VenuePosition p => string.Create(CultureInfo.InvariantCulture, $"{p.Symbol} {p.Quantity} @ {p.AveragePrice}"),
        _ => System.Text.Json.JsonSerializer.Serialize(item),
    };
}
