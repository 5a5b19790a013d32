using System.CommandLine;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli.Commands;

/// <summary>`strategies`: the built-in strategies, what each does, and every parameter with its default.</summary>
internal static class StrategiesCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("strategies", "List the built-in strategies with every parameter and its default (as --param takes them)") { json };
        command.SetAction(parse =>
        {
            var strategies = StrategyCatalog.KnownNames.Select(name => new
            {
                Name = name,
                Summary = StrategyCatalog.Summary(name),
                Parameters = StrategyCatalog.Build(name, name, ["X"], new Dictionary<string, string>()).Parameters,
                SizesItsOwnOrders = StrategyCatalog.SizesItsOwnOrders(name),
            }).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { strategies });
                return ExitCodes.Ok;
            }
            foreach (var s in strategies)
            {
                Console.Out.WriteLine($"{s.Name}: {s.Summary}");
                Console.Out.WriteLine($"  {string.Join(" ", s.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
