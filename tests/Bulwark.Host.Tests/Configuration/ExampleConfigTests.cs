using System.Text.RegularExpressions;
using Bulwark.Host.Configuration;
using Bulwark.Tests.Shared;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ExampleConfigTests
{
    private static string ExamplePath() => RepositoryFile.Path("bulwark.example.yaml");

    [Fact]
    public void ExampleFile_LoadsWithoutErrors()
    {
        var config = ConfigAssert.Loaded(ConfigLoader.Load(ExamplePath(), TempConfigDirectory.NoEnvironment));

        var bot = Assert.Single(config.Bots);
        Assert.Equal("paper-1", bot.Id);
        Assert.Equal("sma-fast", bot.Strategies[0].Source);
    }

    [Fact]
    public void ExampleFile_MentionsEveryConfigurationKey()
    {
        var text = File.ReadAllText(ExamplePath());
        var missing = ConfigProperties.All()
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Distinct()
            .Where(key => !Regex.IsMatch(text, $@"\b{key}\s*:"))
            .ToList();

        Assert.True(missing.Count == 0, "bulwark.example.yaml has no line 'key:' for: " + string.Join(", ", missing));
    }
}
