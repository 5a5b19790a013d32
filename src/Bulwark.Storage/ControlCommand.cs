namespace Bulwark.Storage;

/// <summary>An operator's command (e.g. "kill", "resume") queued for the running bot; <see cref="Id"/> orders them.</summary>
public sealed record ControlCommand(long Id, DateTimeOffset CreatedAt, string Kind, string Reason);
