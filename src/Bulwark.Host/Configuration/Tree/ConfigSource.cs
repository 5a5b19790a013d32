namespace Bulwark.Host.Configuration.Tree;

/// <summary>
/// Where a configuration value came from: a line of a file, an environment variable, or the
/// built-in defaults (neither).
/// </summary>
internal sealed record ConfigSource(string? File, int? Line, string? Variable)
{
    public static readonly ConfigSource Defaults = new(null, null, null);

    public static ConfigSource FromVariable(string variable) => new(null, null, variable);

    /// <summary>Builds the error a user sees for a value from this source.</summary>
    public ConfigError Error(string keyPath, string message) =>
        Variable is null
            ? new ConfigError(keyPath, message, File, Line)
            : new ConfigError(keyPath, $"{message} (set by {Variable})", null, null);
}
