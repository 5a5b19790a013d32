using System.Text;

namespace Bulwark.Host.Configuration;

/// <summary>
/// A strategy a bot runs. <see cref="Name"/> picks the built-in implementation; <see cref="Source"/>
/// names this instance's signals (for feedback statistics) and defaults to the name.
/// </summary>
public sealed record StrategyConfig
{
    private readonly string? _source;

    public string Name { get; init; } = "";

    public string Source
    {
        get => _source ?? Name;
        init => _source = value;
    }

    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>Holds positions overnight: exempt from the end-of-day flatten.</summary>
    public bool Swing { get; init; }

    /// <summary>The share of its size the strategy trades, in percent (0, 100]; null: all of it.</summary>
    public decimal? AllocationPercent { get; init; }

    /// <summary>Strategy parameters as written; keys compare case-insensitively. Secret-named values are redacted by <see cref="ToString"/>.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Source = {Source}, Swing = {Swing}, AllocationPercent = {AllocationPercent}, ").AppendList(nameof(Symbols), Symbols).Append(", Params = { ");
        builder.AppendJoin(", ", Params.Select(p => $"{p.Key} = {(SecretKeys.IsSecret(p.Key) ? SecretKeys.Redacted : p.Value)}"));
        builder.Append(" }");
        return true;
    }
}
