namespace Bulwark.Cli;

/// <summary>Bad usage or bad configuration: printed without a stack trace, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
