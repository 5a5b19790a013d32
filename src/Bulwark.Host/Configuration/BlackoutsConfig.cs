using Bulwark.Core.Risk;

namespace Bulwark.Host.Configuration;

/// <summary>
/// A bot's blackouts: the file they were read from (a full path) and its rows. The value of one key (<c>blackouts</c>),
/// read from its file: its members are not keys of their own.
/// </summary>
public readonly record struct BlackoutsConfig(string File, Blackouts Blackouts);
