using System.CommandLine;
using Bulwark.Cli;
using Bulwark.Cli.Commands;

var root = new RootCommand("Bulwark: a crash-safe trading bot engine (backtest, paper, live on one kernel).");
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.DataDir);
root.Options.Add(CommonOptions.Bot);
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(TradingStateCommand.Create("kill", Bulwark.Core.Risk.TradingState.Halted, "Halt trading: no new orders (persisted)"));
root.Subcommands.Add(TradingStateCommand.Create("reduce", Bulwark.Core.Risk.TradingState.Reducing, "Reduce-only: orders that shrink positions only (persisted)"));
root.Subcommands.Add(TradingStateCommand.Create("resume", Bulwark.Core.Risk.TradingState.Active, "Resume normal trading (persisted)"));
root.Subcommands.Add(FlattenCommand.Create());
root.Subcommands.Add(VenueCommand.Create());
root.Subcommands.Add(ReconcileCommand.Create());
root.Subcommands.Add(JournalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(IndicatorsCommand.Create());
root.Subcommands.Add(CalendarCommand.Create());
root.Subcommands.Add(BacktestCommand.Create());
root.Subcommands.Add(OptimizeCommand.Create());
root.Subcommands.Add(StrategiesCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"bulwark: {error.Message}");
    Console.Error.WriteLine("Run 'bulwark --help' for usage.");
    return ExitCodes.Usage;
}
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"bulwark: {ex.Message}");
    return ExitCodes.Usage;
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    Console.Error.WriteLine($"bulwark: {ex.Message}");
    return ExitCodes.Failure;
}
