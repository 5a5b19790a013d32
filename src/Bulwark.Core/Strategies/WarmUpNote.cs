namespace Bulwark.Core.Strategies;

/// <summary>The last thing a source noted about itself while warming up, and the time of the bar it noted it on.</summary>
public sealed record WarmUpNote(string Source, string Code, string Message, DateTimeOffset Time);
