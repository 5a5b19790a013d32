namespace Bulwark.Cli.Bench;

internal sealed record BenchResult(string Name, double Value, string Unit);
