namespace Bulwark.Tests.Shared;

/// <summary>Files of the repository itself (README.md, bulwark.example.yaml), found from the test's output directory.</summary>
internal static class RepositoryFile
{
    /// <summary>The full path of <paramref name="name"/> in the directory that holds Bulwark.slnx.</summary>
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Bulwark.slnx"))) return System.IO.Path.Combine(dir.FullName, name);
        throw new InvalidOperationException($"No Bulwark.slnx above {AppContext.BaseDirectory}.");
    }
}
