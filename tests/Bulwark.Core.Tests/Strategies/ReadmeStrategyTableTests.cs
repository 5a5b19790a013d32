using System.Text.RegularExpressions;
using Bulwark.Core.Strategies;
using Bulwark.Tests.Shared;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>The README's table of strategies lists every parameter of each, with the default the catalog uses.</summary>
public sealed class ReadmeStrategyTableTests
{
    [Fact]
    public void EveryStrategysRow_IsItsParametersAsABuildWithNoneGivenReportsThem()
    {
        var readme = File.ReadAllText(RepositoryFile.Path("README.md"));
        foreach (var name in StrategyCatalog.KnownNames)
        {
            var row = Regex.Match(readme, $@"^\| `{Regex.Escape(name)}` \| `([^`]*)` \|$", RegexOptions.Multiline);
            Assert.True(row.Success, $"README.md has no row for {name} in its Strategies table");
            var built = StrategyCatalog.Build(name, name, ["AAA"], new Dictionary<string, string>());
            Assert.Equal(string.Join(" ", built.Parameters.Select(p => $"{p.Key}={p.Value}")), row.Groups[1].Value);
        }
    }
}
