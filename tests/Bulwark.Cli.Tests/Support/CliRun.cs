namespace Bulwark.Cli.Tests.Support;

public sealed record CliRun(int ExitCode, string StdOut, string StdErr)
{
    public string All => StdOut + StdErr;
}
