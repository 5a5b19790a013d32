using System.Globalization;

namespace Bulwark.Core.Risk;

/// <summary>
/// Groups' own concentration limits (<see cref="RiskLimits.MaxGroupExposurePercents"/>), percent of the account's value by
/// group name. Equal when they hold the same limits, so a <see cref="RiskLimits"/> compares by value; the default is empty.
/// </summary>
public readonly struct GroupExposureLimits : IEquatable<GroupExposureLimits>
{
    private readonly Dictionary<string, decimal>? _byGroup;

    public GroupExposureLimits(IEnumerable<KeyValuePair<string, decimal>> byGroup)
    {
        ArgumentNullException.ThrowIfNull(byGroup);
        _byGroup = new Dictionary<string, decimal>(byGroup, StringComparer.Ordinal);
    }

    /// <summary>How many groups have a limit of their own.</summary>
    public int Count => _byGroup?.Count ?? 0;

    /// <summary>The groups and their limits, by name in ordinal order.</summary>
    public IEnumerable<KeyValuePair<string, decimal>> Ordered =>
        _byGroup is null ? [] : _byGroup.OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The limits by name in ordinal order, as a JSON view writes them; null when there are none.</summary>
    public IReadOnlyDictionary<string, decimal>? ByNameOrNull() => Count == 0 ? null : Ordered.ToDictionary();

    /// <summary>The group's own limit, or null when it has none.</summary>
    public decimal? Of(string group) => _byGroup is not null && _byGroup.TryGetValue(group, out var limit) ? limit : null;

    public bool Equals(GroupExposureLimits other) =>
        Count == other.Count && (Count == 0 || _byGroup!.All(g => other._byGroup!.TryGetValue(g.Key, out var limit) && limit == g.Value));

    public override bool Equals(object? obj) => obj is GroupExposureLimits other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (group, limit) in Ordered) hash = HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(group), limit);
        return hash;
    }

    public static bool operator ==(GroupExposureLimits left, GroupExposureLimits right) => left.Equals(right);

    public static bool operator !=(GroupExposureLimits left, GroupExposureLimits right) => !left.Equals(right);

    /// <summary>"[ energy: 5, tech: 12.5 ]", or "[]".</summary>
    public override string ToString() => Count == 0 ? "[]"
        : "[ " + string.Join(", ", Ordered.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Value}"))) + " ]";
}
