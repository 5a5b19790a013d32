namespace Bulwark.Host.Configuration.Binding;

/// <summary>How to read one type of scalar, and what to call it in "expected X, got Y".</summary>
internal sealed class ValueKind<T>(string expected, ValueKind<T>.Parser parse)
{
    public delegate bool Parser(string text, out T value);

    /// <summary>Reads like "a number" or "one of paper, csv".</summary>
    public string Expected { get; } = expected;

    public bool TryParse(string text, out T value) => parse(text, out value);
}
