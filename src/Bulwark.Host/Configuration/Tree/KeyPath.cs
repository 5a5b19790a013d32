namespace Bulwark.Host.Configuration.Tree;

/// <summary>Builds key paths as users read them: <c>bots[0].sizing.quantity</c>.</summary>
internal static class KeyPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
