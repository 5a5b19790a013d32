using Xunit.Abstractions;

namespace Bulwark.Tests.Shared;

/// <summary>
/// Finds reference data in ../shared/data (DESIGN.md §7), which is not part of the repository.
/// A fresh clone has no such directory: tests then skip by returning early with the reason in their
/// output, unless BULWARK_REQUIRE_SHARED_DATA=1 makes a missing file a failure (as CI does).
/// </summary>
internal static class SharedDataFile
{
    public const string RequireVariable = "BULWARK_REQUIRE_SHARED_DATA";

    /// <summary>The full path of shared/data/<paramref name="name"/>, or null when the test should skip.</summary>
    public static string? Find(string name, ITestOutputHelper output)
    {
        var relative = Path.Combine("shared", "data", name);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        var missing = $"{relative} was not found in {AppContext.BaseDirectory} or any directory above it " +
                      "(the reference data lives beside the repository, not in it).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail($"{missing} It is required because {RequireVariable}=1.");
        output.WriteLine($"Skipped: {missing} Set {RequireVariable}=1 to make this a failure.");
        return null;
    }
}
