using System.Globalization;

namespace Bulwark.Cli;

/// <summary>--max-group-exposure [NAME=]P, repeatable: the limit of every group, and groups' own limits by name.</summary>
internal static class GroupLimitOption
{
    /// <exception cref="UsageException">An entry is malformed, out of (0, 10000], or a second one for the same group (or for every group).</exception>
    public static (decimal? Default, Core.Risk.GroupExposureLimits Own) Parse(IReadOnlyList<string> entries)
    {
        decimal? byDefault = null;
        var own = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var name = eq >= 0 ? entry[..eq].Trim() : null;
            var text = (eq >= 0 ? entry[(eq + 1)..] : entry).Trim();
            if (name is { Length: 0 } || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                throw new UsageException($"--max-group-exposure '{entry}': expected P or NAME=P, a percent of the account's value, e.g. 20 or tech=15");
            if (percent is <= 0m or > 10_000m)
                throw new UsageException($"--max-group-exposure '{entry}': the percent must be in (0, 10000]");
            if (name is null ? byDefault is not null : own.ContainsKey(name))
                throw new UsageException($"--max-group-exposure '{entry}': {(name is null ? "every group's limit" : $"group {name}'s limit")} is given twice");
            if (name is null) byDefault = percent;
            else own[name] = percent;
        }
        return (byDefault, own.Count == 0 ? default : new Core.Risk.GroupExposureLimits(own));
    }

    /// <summary>Refuses a group limit with no group to hold, and a group limited by name that no instrument is in (most likely a misspelt one, which would limit nothing).</summary>
    /// <exception cref="UsageException">A limit with no group to hold, or a group limited by name that no instrument is in.</exception>
    public static void RequireGroups(AccountSettings account, IEnumerable<string?> groups, string where)
    {
        if (!account.LimitsGroups) return;
        var known = groups.OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (known.Count == 0)
            throw new UsageException($"--max-group-exposure needs {where}: no symbol is in a group");
        var unknown = account.MaxGroupExposurePercents.Ordered.Select(g => g.Key).Where(g => !known.Contains(g)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"--max-group-exposure: no symbol is in group {string.Join(", ", unknown)}; the groups: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
    }
}
