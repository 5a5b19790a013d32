using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Host.Configuration;

/// <summary>Either a valid configuration or every error found in it, never both.</summary>
public sealed class ConfigLoadResult
{
    private ConfigLoadResult(BulwarkConfig? config, IReadOnlyList<ConfigError> errors)
    {
        Config = config;
        Errors = errors;
    }

    /// <summary>The validated configuration; null when <see cref="Errors"/> is not empty.</summary>
    public BulwarkConfig? Config { get; }

    /// <summary>All errors found, in file order; empty on success.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Config))]
    public bool Succeeded => Config is not null;

    internal static ConfigLoadResult Success(BulwarkConfig config) => new(config, []);

    internal static ConfigLoadResult Failure(IReadOnlyList<ConfigError> errors) =>
        errors.Count == 0
            ? throw new ArgumentException("A failed load needs at least one error.", nameof(errors))
            : new(null, errors);
}
