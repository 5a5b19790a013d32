using System.Collections.Immutable;

namespace Bulwark.Host.Configuration;

/// <summary>
/// The rule for secrets: a key whose name contains <c>secret</c>, <c>password</c>, <c>apikey</c> or
/// <c>token</c> (any case; '_' and '-' ignored) may only be set from the environment, and its value is
/// never printed.
/// </summary>
internal static class SecretKeys
{
    private static readonly ImmutableArray<string> Markers = ["secret", "password", "apikey", "token"];

    /// <summary>What a secret's value is shown as.</summary>
    public const string Redacted = "***";

    public static bool IsSecret(string key)
    {
        var normalized = key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Markers.Any(m => normalized.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><see cref="Redacted"/> for a set value, "(not set)" otherwise.</summary>
    public static string Redact(string? value) => value is null ? "(not set)" : Redacted;
}
